package org.orchestrator.livesync.system.internal;

import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What a record says about its JSON, told to the contract: every component is present in
 * what the server sends ({@code required}), and a component typed {@code @Nullable} may
 * be {@code null} (3.1 type {@code "null"}). Records are the API's only response types,
 * so this replaces per-field annotations that would drift from the code.
 * {@link OpenApiConfig} applies {@code required} only to schemas that responses reach: in
 * a request the same field may be optional.
 */
final class RecordSchemas implements ModelConverter {

	private static final PropertyNamingStrategies.NamingBase SNAKE_CASE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

	/** Schema name to the JSON names of the record's components that are always there. */
	private final Map<String, List<String>> present = new LinkedHashMap<>();

	@Override
	public Schema<?> resolve(io.swagger.v3.core.converter.AnnotatedType type, ModelConverterContext context,
			Iterator<ModelConverter> chain) {
		Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		Class<?> raw = rawClass(type);
		if (raw == null || !raw.isRecord() || schema == null) {
			return schema;
		}
		String name = (schema.get$ref() != null) ? schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1)
				: schema.getName();
		Schema<?> model = (name != null && context.getDefinedModels().containsKey(name))
				? context.getDefinedModels().get(name) : schema;
		if (model.getProperties() == null) {
			return schema;
		}
		List<String> always = new ArrayList<>();
		boolean nullsLeftOut = leavesOutNulls(raw.getAnnotation(JsonInclude.class));
		for (RecordComponent component : raw.getRecordComponents()) {
			String json = jsonName(component);
			Schema<?> property = model.getProperties().get(json);
			if (property == null) {
				continue;
			}
			JsonInclude include = component.getAnnotation(JsonInclude.class);
			boolean leftOut = (include != null) ? leavesOutNulls(include) : nullsLeftOut;
			if (leftOut && !component.getType().isPrimitive()) {
				// Absent rather than null: optional, never null.
				continue;
			}
			if (nullable(component.getAnnotatedType())) {
				model.getProperties().put(json, orNull(property));
			}
			always.add(json);
		}
		if (name != null) {
			this.present.put(name, always);
		}
		return schema;
	}

	/** The schemas seen, by name, with their always-present properties. */
	Map<String, List<String>> present() {
		return this.present;
	}

	private static Class<?> rawClass(io.swagger.v3.core.converter.AnnotatedType type) {
		if (type.getType() instanceof Class<?> c) {
			return c;
		}
		if (type.getType() instanceof JavaType javaType) {
			return javaType.getRawClass();
		}
		JavaType constructed = Json.mapper().constructType(type.getType());
		return (constructed != null) ? constructed.getRawClass() : null;
	}

	private static boolean leavesOutNulls(JsonInclude include) {
		return include != null && include.value() != JsonInclude.Include.ALWAYS
				&& include.value() != JsonInclude.Include.USE_DEFAULTS;
	}

	private static String jsonName(RecordComponent component) {
		JsonProperty property = component.getAnnotation(JsonProperty.class);
		if (property == null && component.getAccessor() != null) {
			property = component.getAccessor().getAnnotation(JsonProperty.class);
		}
		if (property != null && !property.value().isEmpty()) {
			return property.value();
		}
		return SNAKE_CASE.translate(component.getName());
	}

	private static boolean nullable(AnnotatedType type) {
		return type.isAnnotationPresent(Nullable.class);
	}

	/** The property, also allowing {@code null}. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> orNull(Schema<?> property) {
		if (property.get$ref() != null) {
			Schema wrapper = new Schema<>();
			wrapper.setOneOf(List.of(new Schema<>().$ref(property.get$ref()), nullSchema()));
			wrapper.setDescription(property.getDescription());
			return wrapper;
		}
		Set<String> types = property.getTypes();
		if (types != null && !types.isEmpty()) {
			property.addType("null");
		}
		else if (property.getType() != null) {
			property.addType(property.getType());
			property.addType("null");
		}
		else {
			Schema wrapper = new Schema<>();
			wrapper.setOneOf(List.of(property, nullSchema()));
			return wrapper;
		}
		return property;
	}

	private static Schema<?> nullSchema() {
		Schema<?> none = new Schema<>();
		none.addType("null");
		return none;
	}

}
