package org.orchestrator.modulefixture.inventory.internal;

import org.orchestrator.modulefixture.system.Problem;

public class ItemController {

	public Problem refuse() {
		return new Problem();
	}

}
