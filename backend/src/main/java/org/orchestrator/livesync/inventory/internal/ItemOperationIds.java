package org.orchestrator.livesync.inventory.internal;

import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operation ids clients can read ({@code listNodes}, {@code createSshKey}) rather than
 * the method names the shared item controller repeats ({@code list}, {@code list_1}).
 */
@Configuration(proxyBeanMethods = false)
class ItemOperationIds {

	@Bean
	OperationCustomizer operationIdPerKind() {
		return (operation, handler) -> {
			if (ItemController.class.isAssignableFrom(handler.getBeanType())) {
				String kind = handler.getBeanType().getSimpleName().replace("Controller", "");
				String method = handler.getMethod().getName();
				operation.setOperationId(method + kind + ("list".equals(method) ? "s" : ""));
			}
			return operation;
		};
	}

}
