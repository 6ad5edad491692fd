package org.orchestrator.livesync.system;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.MapType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Refuses the NUL character ({@code \u0000}) anywhere in a JSON request: in a string, in
 * a key, deep inside a free-form map (settings, hardware) or a tree. PostgreSQL stores no
 * NUL in {@code text} or {@code jsonb}, so such a value would fail at the database as an
 * internal error; refused while the body is read, it is a 400 naming the field. Checked
 * on what each string, map, tree and untyped value became, so that every way a body is
 * read (whole, streamed line by line, converted from a tree) goes through it.
 */
@Component
public class NulCharacters implements JsonMapperBuilderCustomizer {

	public static final String MESSAGE = "must not contain the NUL character (\\u0000)";

	@Override
	public void customize(JsonMapper.Builder builder) {
		refuseNul(builder);
	}

	/** The same rule for a mapper built by hand. */
	public static JsonMapper.Builder refuseNul(JsonMapper.Builder builder) {
		SimpleModule module = new SimpleModule("nul-characters").setDeserializerModifier(new Modifier());
		// Trees have deserializers of their own, which modifiers do not see.
		checkTrees(module, JsonNode.class);
		checkTrees(module, ObjectNode.class);
		checkTrees(module, ArrayNode.class);
		return builder.addModule(module);
	}

	@SuppressWarnings("unchecked")
	private static <T extends JsonNode> void checkTrees(SimpleModule module, Class<T> tree) {
		ValueDeserializer<?> checked = new Checked(JsonNodeDeserializer.getDeserializer(tree));
		module.addDeserializer(tree, (ValueDeserializer<T>) checked);
	}

	/** Where in {@code value} a NUL is ({@code ""} for the value itself), or null. */
	static String findNul(Object value) {
		if (value instanceof String text) {
			return (text.indexOf('\0') >= 0) ? "" : null;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String at = found(entry.getKey(), entry.getValue());
				if (at != null) {
					return at;
				}
			}
			return null;
		}
		if (value instanceof Collection<?> list) {
			int i = 0;
			for (Object element : list) {
				String at = findNul(element);
				if (at != null) {
					return "[" + i + "]" + at;
				}
				i++;
			}
			return null;
		}
		if (value instanceof JsonNode node) {
			return findNul(node);
		}
		return null;
	}

	private static String findNul(JsonNode node) {
		if (node.isString()) {
			return (node.stringValue().indexOf('\0') >= 0) ? "" : null;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				String at = found(entry.getKey(), entry.getValue());
				if (at != null) {
					return at;
				}
			}
		}
		else if (node.isArray()) {
			Iterator<JsonNode> elements = node.values().iterator();
			for (int i = 0; elements.hasNext(); i++) {
				String at = findNul(elements.next());
				if (at != null) {
					return "[" + i + "]" + at;
				}
			}
		}
		return null;
	}

	private static String found(Object key, Object value) {
		String name = String.valueOf(key);
		if (name.indexOf('\0') >= 0) {
			// The key itself cannot be shown: it is the bad value.
			return "";
		}
		String at = findNul(value);
		return (at != null) ? "." + name + at : null;
	}

	/** A NUL found in a value; {@link #inner()} is where, below the field being read. */
	public static final class NulCharacterException extends MismatchedInputException {

		private final String inner;

		NulCharacterException(JsonParser parser, String inner) {
			super(parser, MESSAGE);
			this.inner = inner;
		}

		public String inner() {
			return this.inner;
		}

	}

	/**
	 * Wraps the deserializers of every type that can hold text; lists of strings use the
	 * wrapped string deserializer for their elements.
	 */
	private static final class Modifier extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
				ValueDeserializer<?> deserializer) {
			Class<?> type = bean.getBeanClass();
			boolean holdsText = type == String.class || type == Object.class;
			return holdsText ? new Checked(deserializer) : deserializer;
		}

		@Override
		public ValueDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
				BeanDescription.Supplier bean, ValueDeserializer<?> deserializer) {
			return new Checked(deserializer);
		}

	}

	/** A deserializer whose result is checked for NUL. */
	private static final class Checked extends DelegatingDeserializer {

		Checked(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			return checked(parser, super.deserialize(parser, context));
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context, Object into) {
			return checked(parser, super.deserialize(parser, context, into));
		}

		private static Object checked(JsonParser parser, Object value) {
			String at = findNul(value);
			if (at != null) {
				throw new NulCharacterException(parser, at);
			}
			return value;
		}

	}

}
