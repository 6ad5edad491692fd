package org.orchestrator.livesync.inventory;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;

/**
 * Refuses anything but a string where an item has a text field, for items read as JSON
 * trees instead of being bound to their record (a compared inventory): the rule the
 * mapper applies to request bodies, so that {@code "hostname": 123} is refused there too
 * rather than compared as "123". The fields come from the item's record, nested records
 * and lists of them included; free-form maps (hardware, settings) are not looked into.
 */
public final class TextFields {

	private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {

		@Override
		protected List<Field> computeValue(Class<?> type) {
			List<Field> fields = new ArrayList<>();
			for (RecordComponent component : type.getRecordComponents()) {
				Class<?> element = null;
				if (List.class.isAssignableFrom(component.getType())
						&& component.getGenericType() instanceof ParameterizedType list
						&& list.getActualTypeArguments()[0] instanceof Class<?> listed) {
					element = listed;
				}
				// The name as the API's mapper writes it (the strategy ignores the
				// member).
				String name = PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, component.getName());
				fields.add(new Field(name, component.getType(), element));
			}
			return List.copyOf(fields);
		}

	};

	private TextFields() {
	}

	/** Adds a violation for every text field of {@code type} that is not a string. */
	public static void check(Class<?> type, JsonNode json, Violations violations) {
		if (!type.isRecord() || json == null || !json.isObject()) {
			return;
		}
		for (Field field : FIELDS.get(type)) {
			JsonNode value = json.get(field.name());
			if (value == null || value.isNull()) {
				continue;
			}
			if (field.type() == String.class) {
				violations.check(value.isString(), field.name(), "expected a string");
			}
			else if (field.type().isRecord()) {
				check(field.type(), value, violations.nested(field.name()));
			}
			else if (field.element() != null && value.isArray()) {
				for (int i = 0; i < value.size(); i++) {
					String at = field.name() + "[" + i + "]";
					if (field.element() == String.class) {
						violations.check(value.get(i).isString() || value.get(i).isNull(), at, "expected a string");
					}
					else {
						check(field.element(), value.get(i), violations.nested(at));
					}
				}
			}
		}
	}

	private record Field(String name, Class<?> type, Class<?> element) {
	}

}
