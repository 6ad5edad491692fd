package org.orchestrator.livesync.system.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response schemas of the committed {@code openapi.yaml}, as JSON Schema 2020-12
 * (what OpenAPI 3.1 schemas are), to check real answers against.
 */
final class ContractSchemas {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JsonNode contract;

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	ContractSchemas(Path file) {
		try {
			this.contract = new YAMLMapper().readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asserts that a body answered to {@code method path} with {@code status} and the
	 * media type matches the schema the contract declares for it; the status must be
	 * declared (or fall under {@code default} for problems).
	 */
	void assertMatches(String method, String path, int status, String mediaType, String body) {
		JsonNode operation = this.contract.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
		assertThat(operation.isMissingNode()).as("%s %s is in the contract", method, path).isFalse();
		JsonNode response = operation.path("responses").path(String.valueOf(status));
		if (response.isMissingNode()) {
			response = operation.path("responses").path("default");
		}
		JsonNode schema = response.path("content").path(mediaType).path("schema");
		assertThat(schema.isMissingNode()).as("%s %s declares %s for %d", method, path, mediaType, status).isFalse();
		assertValid(schema, read(body), method + " " + path + " " + status);
	}

	/** Whether a request body matches what the contract declares for it. */
	boolean requestMatches(String method, String path, String mediaType, String body) {
		JsonNode operation = this.contract.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
		JsonNode schema = operation.path("requestBody").path("content").path(mediaType).path("schema");
		assertThat(schema.isMissingNode()).as("%s %s takes %s", method, path, mediaType).isFalse();
		return errors(schema, read(body)).isEmpty();
	}

	/** Asserts that a value matches a named component schema. */
	void assertMatchesComponent(String name, String body) {
		assertThat(this.contract.path("components").path("schemas").path(name).isMissingNode()).as(name).isFalse();
		assertValid(JSON.createObjectNode().put("$ref", "#/components/schemas/" + name), read(body), name);
	}

	private void assertValid(JsonNode schema, JsonNode value, String what) {
		assertThat(errors(schema, value)).as("%s: %s does not match the contract", what, value).isEmpty();
	}

	private List<Error> errors(JsonNode schema, JsonNode value) {
		// The schema travels with the components it refers to, as the contract's own
		// document would.
		ObjectNode document = JSON.createObjectNode();
		document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
		document.setAll((ObjectNode) schema.deepCopy());
		document.set("components", this.contract.path("components"));
		Schema validator = this.registry.getSchema(document.toString());
		return validator.validate(value);
	}

	private static JsonNode read(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
