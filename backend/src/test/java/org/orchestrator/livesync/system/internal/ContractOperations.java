package org.orchestrator.livesync.system.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The operations of the committed {@code openapi.yaml}, each with its parameters and
 * request bodies, and values that match their schemas: the well-formed request a
 * bad-input test then spoils one part of.
 */
final class ContractOperations {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final JsonNode contract;

	/**
	 * Values that open doors, by field name (a real session id gets past the session
	 * check).
	 */
	private final Map<String, String> known;

	ContractOperations(Path file, Map<String, String> known) {
		this.known = Map.copyOf(known);
		try {
			this.contract = new YAMLMapper().readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A parameter: {@code in} is path, query or header. */
	record Parameter(String name, String in, boolean required, JsonNode schema) {
	}

	/**
	 * An operation; {@code peer} when a peer token opens it, {@code open} when nothing
	 * need open it; {@code bodies} by media type.
	 */
	record Operation(String method, String path, String id, boolean peer, boolean open, List<Parameter> parameters,
			Map<String, JsonNode> bodies) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		this.contract.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			JsonNode operation = method.getValue();
			List<Parameter> parameters = new ArrayList<>();
			operation.path("parameters")
				.forEach((p) -> parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
						p.path("required").asBoolean(), p.path("schema"))));
			Map<String, JsonNode> bodies = new LinkedHashMap<>();
			operation.path("requestBody")
				.path("content")
				.properties()
				.forEach((content) -> bodies.put(content.getKey(), content.getValue().path("schema")));
			String security = operation.path("security").toString();
			operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
					operation.path("operationId").asText(), security.contains("peerToken"),
					!operation.has("security") || operation.path("security").isEmpty(), parameters, bodies));
		}));
		return operations;
	}

	/** The schema {@code schema} names with its {@code $ref}, or itself. */
	JsonNode resolve(JsonNode schema) {
		JsonNode resolved = schema;
		while (resolved.has("$ref")) {
			String name = resolved.get("$ref").asText().substring("#/components/schemas/".length());
			resolved = this.contract.path("components").path("schemas").path(name);
		}
		return resolved;
	}

	/** The schema's type; the first that is not null when it allows several. */
	static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode option : type) {
				if (!"null".equals(option.asText())) {
					return option.asText();
				}
			}
		}
		if (type.isTextual()) {
			return type.asText();
		}
		return schema.has("properties") ? "object" : "any";
	}

	/**
	 * A value of the schema: required properties always, optional ones sometimes. URLs
	 * are never real ones, so that no request reaches out to a remote.
	 */
	JsonNode sample(JsonNode schema, String name, Random random, int depth) {
		JsonNode resolved = resolve(schema);
		for (String choice : new String[] { "oneOf", "anyOf" }) {
			if (resolved.has(choice)) {
				JsonNode options = resolved.get(choice);
				return sample(options.get(random.nextInt(options.size())), name, random, depth);
			}
		}
		if (resolved.has("allOf")) {
			return sample(resolved.get("allOf").get(0), name, random, depth);
		}
		if (resolved.has("enum")) {
			JsonNode values = resolved.get("enum");
			return values.get(random.nextInt(values.size()));
		}
		return switch (type(resolved)) {
			case "object" -> object(resolved, random, depth);
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				if (depth < 4) {
					array.add(sample(resolved.path("items"), name, random, depth + 1));
				}
				yield array;
			}
			case "integer", "number" -> NODES.numberNode(resolved.path("example").asInt(1));
			case "boolean" -> NODES.booleanNode(true);
			case "string" -> NODES.textNode(text(resolved, name, random));
			default -> NODES.textNode("any");
		};
	}

	private ObjectNode object(JsonNode schema, Random random, int depth) {
		ObjectNode object = NODES.objectNode();
		List<String> required = new ArrayList<>();
		schema.path("required").forEach((r) -> required.add(r.asText()));
		if (!schema.has("properties")) {
			// Free-form (settings, hardware).
			return object.put("key", "value");
		}
		schema.path("properties").properties().forEach((property) -> {
			if (required.contains(property.getKey()) || (depth < 3 && random.nextBoolean())) {
				object.set(property.getKey(), sample(property.getValue(), property.getKey(), random, depth + 1));
			}
		});
		return object;
	}

	private String text(JsonNode schema, String name, Random random) {
		if (name != null && this.known.containsKey(name)) {
			return this.known.get(name);
		}
		String lower = (name != null) ? name.toLowerCase(Locale.ROOT) : "";
		if (lower.contains("url")) {
			return "not-a-url";
		}
		if ("date-time".equals(schema.path("format").asText())) {
			return "2026-01-01T00:00:00Z";
		}
		if (schema.has("example") && schema.get("example").isTextual()) {
			return schema.get("example").asText();
		}
		return "sample-" + random.nextInt(1000);
	}

}
