package org.orchestrator.modulefixture.system;

import org.orchestrator.modulefixture.inventory.internal.ItemController;

public class OpenApiConfig {

	boolean documents(Object handler) {
		return handler instanceof ItemController;
	}

}
