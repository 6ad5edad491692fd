package org.orchestrator.livesync.sync.internal.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.orchestrator.livesync.inventory.ItemKind;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The two shapes of the job API that Java types cannot say to springdoc. A selection is
 * {@code "all"} or, per kind, {@code "all"} or a list of keys: a {@code oneOf} of a
 * string and an object, parsed by {@link JobSelection} for errors that name the field.
 * The event stream is a union of events told apart by their {@code type}, which is also
 * the SSE event name: a discriminator lets generated clients pick the right one.
 */
@Component
public final class JobSchemas implements OpenApiCustomizer, Ordered {

	public static final String SELECTION = "SyncSelection";

	public static final String KIND_SELECTION = "KindSelection";

	static final String EVENT = "JobEvent";

	static final String RESOLUTION = "ConflictResolution";

	/** The events, by their SSE event name. */
	private static final Map<String, Class<? extends JobEvent>> EVENTS = new LinkedHashMap<>();

	static {
		for (Class<?> type : JobEvent.class.getPermittedSubclasses()) {
			Class<? extends JobEvent> eventClass = type.asSubclass(JobEvent.class);
			EVENTS.put(JobEvent.typeOf(eventClass), eventClass);
		}
	}

	/**
	 * First, so the shared contract rules (required fields, strict requests) see these.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void customise(OpenAPI openApi) {
		addSelections(openApi);
		addEvents(openApi);
		addFieldSides(openApi);
	}

	/** A resolution's field choices are local or remote: a map of an enum. */
	private static void addFieldSides(OpenAPI openApi) {
		Schema<?> resolution = openApi.getComponents().getSchemas().get(RESOLUTION);
		Schema<?> fields = (resolution != null && resolution.getProperties() != null)
				? resolution.getProperties().get("fields") : null;
		if (fields != null) {
			Schema<String> side = new Schema<>();
			side.addType("string");
			side.setEnum(new ArrayList<>(List.of("local", "remote")));
			fields.setAdditionalProperties(side);
		}
	}

	private static void addSelections(OpenAPI openApi) {
		// "all" stays inline: generators give a string enum in a oneOf with an object a
		// type that their own serializers then fail to compile against. A list or "all"
		// has no oneOf and no type list either: the Java generator cannot compile a
		// composition with a list member (openapi-generator #12911). Untyped, each
		// keyword constrains the values it applies to: items and size lists, the pattern
		// strings, and "not" the rest. Null is as if the kind were left out.
		Schema<?> keysOrAll = new Schema<>()
			.description("a list of natural keys, or \"all\" of the kind; null leaves the kind alone")
			.items(ofType("string"))
			.maxItems(JobSelection.MAX_KEYS)
			.pattern("^all$");
		Schema<?> neither = new Schema<>();
		List.of("object", "number", "boolean").forEach(neither::addType);
		keysOrAll.not(neither);
		Schema<?> kinds = ofType("object")
			.description("per kind, \"all\" or a list of natural keys; kinds not named are left alone")
			.minProperties(1)
			.additionalProperties(false)
			.example(Map.of("nodes", List.of("node-01"), "clusters", "all"));
		for (ItemKind kind : ItemKind.values()) {
			kinds.addProperty(kind.section(), ref("KeysOrAll"));
		}
		openApi.getComponents()
			.addSchemas("KeysOrAll", keysOrAll)
			.addSchemas(KIND_SELECTION, kinds)
			.addSchemas(SELECTION, new Schema<>().description("what to sync: \"all\", or a selection per kind")
				.oneOf(List.of(all("every item of every kind"), ref(KIND_SELECTION))));
	}

	private static Schema<?> all(String description) {
		Schema<String> all = new Schema<>();
		all.addType("string");
		all.description(description).setEnum(new ArrayList<>(List.of("all")));
		return all;
	}

	/** Gives each event its required {@code type} and the stream their union. */
	private static void addEvents(OpenAPI openApi) {
		addUnion(openApi, EVENT, "one event of a job's stream; its type is the SSE event name", EVENTS);
	}

	/**
	 * A union of event records told apart by their {@code type} (the SSE event name):
	 * each member gets its required {@code type}, the union a discriminator, so that
	 * generated clients pick the right one.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public static void addUnion(OpenAPI openApi, String union, String description,
			Map<String, ? extends Class<?>> members) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		Discriminator discriminator = new Discriminator().propertyName("type");
		List<Schema> refs = new ArrayList<>();
		members.forEach((type, eventClass) -> {
			Map<String, Schema> read = ModelConverters.getInstance(true).readAll(eventClass);
			read.forEach(schemas::putIfAbsent);
			String name = schemaName(eventClass);
			Schema event = schemas.get(name);
			Schema typeProperty = (Schema) event.getProperties().get("type");
			typeProperty.setEnum(new ArrayList<>(List.of(type)));
			typeProperty.description("the SSE event name");
			discriminator.mapping(type, "#/components/schemas/" + name);
			refs.add(ref(name));
		});
		openApi.getComponents()
			.addSchemas(union, new Schema<>().description(description).oneOf(refs).discriminator(discriminator));
	}

	private static String schemaName(Class<?> type) {
		io.swagger.v3.oas.annotations.media.Schema named = type
			.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
		return (named != null && !named.name().isEmpty()) ? named.name() : type.getSimpleName();
	}

	private static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	private static Schema<?> ofType(String type) {
		Schema<?> schema = new Schema<>();
		schema.addType(type);
		return schema;
	}

}
