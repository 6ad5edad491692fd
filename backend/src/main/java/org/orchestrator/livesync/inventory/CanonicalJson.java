package org.orchestrator.livesync.inventory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The canonical form of an item, which two servers must compute byte for byte alike: JSON
 * with snake_case names, keys sorted, no insignificant white space, null members left out
 * and numbers written in their shortest exact form ({@code 1.50} and {@code 1.5} are the
 * same number). Its SHA-256 is the item's content hash.
 */
public final class CanonicalJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	/**
	 * Writes objects (records, maps) in canonical form in one pass: what
	 * {@link #writeTree} produces from their tree, without building the tree. A unit test
	 * holds the two equal.
	 */
	private static final JsonMapper DIRECT = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL)
			.withContentInclusion(JsonInclude.Include.NON_NULL))
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.addModule(new SimpleModule().addSerializer(Double.class, new NumberInOneForm<>(Double.class))
			.addSerializer(Float.class, new NumberInOneForm<>(Float.class))
			.addSerializer(BigDecimal.class, new NumberInOneForm<>(BigDecimal.class)))
		.build();

	/** Plain compact JSON, for storage where the database normalizes (jsonb). */
	private static final JsonMapper COMPACT = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private CanonicalJson() {
	}

	public static String write(Object value) {
		if (value instanceof JsonNode node) {
			return writeTree(node);
		}
		return DIRECT.writeValueAsString(value);
	}

	/** The canonical form of a JSON tree. */
	public static String writeTree(JsonNode node) {
		StringBuilder out = new StringBuilder(256);
		write(node, out);
		return out.toString();
	}

	/** Compact JSON (not canonical): for jsonb columns. */
	public static String compact(Object value) {
		return COMPACT.writeValueAsString(value);
	}

	public static String sha256Hex(Object value) {
		try {
			byte[] bytes = (value instanceof JsonNode node) ? writeTree(node).getBytes(StandardCharsets.UTF_8)
					: DIRECT.writeValueAsBytes(value);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A JSON object read back from storage (a jsonb column), or null. */
	public static Map<String, Object> readObject(String json) {
		return (json != null) ? MAPPER.readValue(json, OBJECT) : null;
	}

	/** The value as a JSON tree with the canonical field names. */
	public static ObjectNode tree(Object value) {
		return MAPPER.valueToTree(value);
	}

	/** A value read back from storage with the canonical naming, or null. */
	public static <T> T read(String json, Class<T> type) {
		return (json != null) ? MAPPER.readValue(json, type) : null;
	}

	private static void write(JsonNode node, StringBuilder out) {
		if (node.isObject()) {
			List<String> names = new ArrayList<>(node.propertyNames());
			names.sort(null);
			out.append('{');
			boolean first = true;
			for (String name : names) {
				JsonNode child = node.get(name);
				if (child == null || child.isNull() || child.isMissingNode()) {
					continue;
				}
				if (!first) {
					out.append(',');
				}
				first = false;
				out.append(MAPPER.writeValueAsString(name)).append(':');
				write(child, out);
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			for (int i = 0; i < node.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(node.get(i), out);
			}
			out.append(']');
		}
		else if (node.isNumber()) {
			out.append(number(node.decimalValue()));
		}
		else if (node.isString()) {
			out.append(MAPPER.writeValueAsString(node.stringValue()));
		}
		else {
			out.append(node.toString());
		}
	}

	/**
	 * Writes a non-integral number as {@link #number} does, so 1.50 and 1.5 come out
	 * alike.
	 */
	private static final class NumberInOneForm<T extends Number> extends StdSerializer<T> {

		NumberInOneForm(Class<T> type) {
			super(type);
		}

		@Override
		public void serialize(T value, JsonGenerator generator, SerializationContext context) {
			BigDecimal decimal = (value instanceof BigDecimal big) ? big : BigDecimal.valueOf(value.doubleValue());
			generator.writeNumber(number(decimal));
		}

	}

	private static String number(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() <= 0) ? stripped.toBigIntegerExact().toString() : stripped.toPlainString();
	}

}
