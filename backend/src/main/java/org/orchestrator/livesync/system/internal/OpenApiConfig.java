package org.orchestrator.livesync.system.internal;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.orchestrator.livesync.system.Problem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The served contract ({@code /v3/api-docs}), which must stay identical to the committed
 * {@code openapi.yaml}: a fixed server URL (not the port the test happened to get), the
 * JSON field names as clients see them (snake_case), stable operation names and problem
 * responses. Security schemes come from the security module.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	@Bean
	OpenAPI openApi() {
		return new OpenAPI()
			.info(new Info().title("Orchestrator Live Sync API")
				.version("v1")
				.description("Inventory of a MicroK8s orchestrator (nodes, clusters, SSH keys, configurations) "
						+ "and Live Sync between its instances. Errors are RFC 9457 problem documents."))
			.servers(List.of(new Server().url("/")))
			.components(new Components());
	}

	/** swagger-core reads models with its own Jackson 2 mapper: give it our naming. */
	@Bean
	ModelResolver snakeCaseModelResolver() {
		return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
	}

	@Bean
	RecordSchemas recordSchemas() {
		return new RecordSchemas();
	}

	@Bean
	OpenApiCustomizer responseRequirements(RecordSchemas records) {
		return new ResponseRequirements(records);
	}

	@Bean
	OpenApiCustomizer strictRequests() {
		return new StrictRequests();
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return new ProblemResponses();
	}

	@Bean
	OpenApiCustomizer operationNames() {
		return new OperationNames();
	}

	@Bean
	OpenApiCustomizer problems() {
		return (openApi) -> {
			openApi.getComponents().getSchemas().values().forEach(OpenApiConfig::anyJsonInFreeFormObjects);
			if (openApi.getComponents().getSchemas().containsKey("JsonNode")) {
				openApi.getComponents().addSchemas("JsonNode", new Schema<>().description("any JSON value"));
			}
			Schema<?> problem = new Schema<>().$ref("#/components/schemas/Problem");
			ModelConverters.getInstance()
				.readAll(Problem.class)
				.forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
			openApi.getComponents().getSchemas().values().forEach(OpenApiConfig::objectsSayObject);
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
				operation.getResponses()
					.addApiResponse("default",
							new ApiResponse().description("Problem (RFC 9457)")
								.content(new Content().addMediaType("application/problem+json",
										new MediaType().schema(problem))));
			}));
		};
	}

	/**
	 * A model with properties is an object: saying so keeps {@code null} (and other
	 * values) from matching it, which a nullable reference's {@code oneOf} relies on.
	 */
	private static void objectsSayObject(Schema<?> schema) {
		// OpenAPI 3.1 writes the type set only; swagger-core may have set just the 3.0
		// type.
		boolean typed = schema.getTypes() != null && !schema.getTypes().isEmpty();
		if (schema.getProperties() != null && !typed) {
			schema.addType("object");
		}
	}

	/**
	 * A {@code Map<String, Object>} holds any JSON values, not just objects as
	 * swagger-core says; maps of anything more definite (lists, strings, enums, models)
	 * keep their values' schema.
	 */
	@SuppressWarnings("rawtypes")
	private static void anyJsonInFreeFormObjects(Schema<?> schema) {
		if (schema.getProperties() == null) {
			return;
		}
		for (Schema property : schema.getProperties().values()) {
			if (property.getAdditionalProperties() instanceof Schema<?> values && isBareObject(values)) {
				property.setAdditionalProperties(new Schema<>());
			}
			else if (property.getAdditionalProperties() instanceof Schema<?> values && values.getItems() != null) {
				property.setAdditionalProperties(bareCopy(values).items(bareCopy(values.getItems())));
			}
		}
	}

	/**
	 * The type of a map's values alone: swagger-core copies the map's description and
	 * example onto its values and their items, where they are wrong.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema bareCopy(Schema<?> schema) {
		return new Schema().types(schema.getTypes()).type(schema.getType()).$ref(schema.get$ref());
	}

	private static boolean isBareObject(Schema<?> values) {
		Set<String> types = (values.getTypes() != null) ? values.getTypes() : Set.of();
		boolean objectOrUntyped = types.stream().allMatch("object"::equals)
				&& (values.getType() == null || "object".equals(values.getType()));
		return objectOrUntyped && values.getProperties() == null && values.get$ref() == null && values.getEnum() == null
				&& values.getItems() == null;
	}

}
