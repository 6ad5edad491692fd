package org.orchestrator.livesync.system.internal;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Says {@code additionalProperties: false} on the objects requests send: the server
 * refuses unknown fields (a 400 naming the field), so a client learns it from the
 * contract rather than from the first refusal.
 */
final class StrictRequests implements OpenApiCustomizer {

	@Override
	@SuppressWarnings("rawtypes")
	public void customise(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		for (String name : ResponseRequirements.reached(schemas, openApi, false)) {
			Schema<?> schema = schemas.get(name);
			if (schema != null && schema.getProperties() != null && schema.getAdditionalProperties() == null) {
				schema.setAdditionalProperties(false);
			}
		}
	}

}
