package org.orchestrator.livesync.system.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Marks what responses always carry as {@code required}, so generated clients type those
 * fields as present. Only schemas that responses reach and requests do not are touched: a
 * request may leave out what a response always has.
 */
final class ResponseRequirements implements OpenApiCustomizer {

	private static final String PREFIX = "#/components/schemas/";

	private final RecordSchemas records;

	ResponseRequirements(RecordSchemas records) {
		this.records = records;
	}

	@Override
	@SuppressWarnings("rawtypes")
	public void customise(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		Set<String> inResponses = reached(schemas, openApi, true);
		// A schema requests share keeps its optional fields: a client may leave them out
		// when it sends one, whatever the server fills in.
		inResponses.removeAll(reached(schemas, openApi, false));
		inResponses.forEach((name) -> {
			List<String> always = this.records.present().get(name);
			Schema<?> schema = schemas.get(name);
			if (always != null && schema != null && !always.isEmpty()) {
				// Keeps what annotations require beyond the record's components.
				Set<String> required = new java.util.TreeSet<>(always);
				if (schema.getRequired() != null) {
					required.addAll(schema.getRequired());
				}
				schema.setRequired(new java.util.ArrayList<>(required));
			}
		});
	}

	@SuppressWarnings("rawtypes")
	static Set<String> reached(Map<String, Schema> schemas, OpenAPI openApi, boolean responses) {
		Deque<Schema<?>> pending = new ArrayDeque<>();
		openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
			if (responses) {
				operation.getResponses().values().forEach((response) -> addContent(pending, response.getContent()));
			}
			else if (operation.getRequestBody() != null) {
				addContent(pending, operation.getRequestBody().getContent());
			}
		}));
		Set<String> reached = new HashSet<>();
		while (!pending.isEmpty()) {
			Schema<?> schema = pending.pop();
			if (schema.get$ref() != null) {
				String name = schema.get$ref().substring(PREFIX.length());
				if (reached.add(name) && schemas.get(name) != null) {
					pending.push(schemas.get(name));
				}
				continue;
			}
			children(schema).forEach((child) -> add(pending, child));
		}
		return reached;
	}

	private static void addContent(Deque<Schema<?>> pending, Content content) {
		if (content != null) {
			content.values().forEach((media) -> add(pending, media.getSchema()));
		}
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static List<Schema> children(Schema<?> schema) {
		List<Schema> children = new ArrayList<>();
		if (schema.getProperties() != null) {
			children.addAll(schema.getProperties().values());
		}
		if (schema.getItems() != null) {
			children.add(schema.getItems());
		}
		if (schema.getAdditionalProperties() instanceof Schema<?> values) {
			children.add(values);
		}
		for (Collection<Schema> group : new Collection[] { schema.getOneOf(), schema.getAnyOf(), schema.getAllOf() }) {
			if (group != null) {
				group.forEach((s) -> children.add(s));
			}
		}
		return children;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void add(Deque<Schema<?>> pending, Schema schema) {
		if (schema != null) {
			pending.push(schema);
		}
	}

}
