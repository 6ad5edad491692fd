package org.orchestrator.livesync.system;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Refuses a number or a boolean where a request has a text field. Jackson would read
 * {@code "hostname": 123} as the string "123" and {@code true} as "true": a client's
 * mistake (or a confused peer) would then be stored as if it had been meant, and pass
 * checks written for text. The refusal names the field ("expected a string"). Free-form
 * values ({@code Object}, {@code JsonNode}: hardware, settings) still hold any JSON.
 */
@Component
public class StrictStrings implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(JsonMapper.Builder builder) {
		refuseScalarsAsStrings(builder);
	}

	/** The same rule for mappers built by hand, such as the sync package's. */
	public static JsonMapper.Builder refuseScalarsAsStrings(JsonMapper.Builder builder) {
		return builder.withCoercionConfig(LogicalType.Textual,
				(config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
