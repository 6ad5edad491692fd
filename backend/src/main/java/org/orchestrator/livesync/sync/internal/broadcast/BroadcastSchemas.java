package org.orchestrator.livesync.sync.internal.broadcast;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.orchestrator.livesync.sync.internal.job.JobSchemas;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/** A broadcast's event stream in the contract: a union of its events by {@code type}. */
@Component
class BroadcastSchemas implements OpenApiCustomizer, Ordered {

	static final String EVENT = "BroadcastEvent";

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void customise(OpenAPI openApi) {
		Map<String, Class<?>> events = new LinkedHashMap<>();
		for (Class<?> type : BroadcastEvent.class.getPermittedSubclasses()) {
			events.put(BroadcastEvent.typeOf(type), type);
		}
		JobSchemas.addUnion(openApi, EVENT, "one event of a broadcast's stream; its type is the SSE event name",
				events);
	}

}
