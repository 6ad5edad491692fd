package org.orchestrator.livesync.inventory.internal;

import java.util.Map;

import org.orchestrator.livesync.inventory.CanonicalJson;
import org.orchestrator.livesync.inventory.Violations;

/** Checks on the free-form JSON objects of items (hardware, settings). */
public final class JsonObjects {

	/**
	 * Big enough for any real hardware or settings record, small enough to keep rows
	 * light.
	 */
	public static final int MAX_CHARS = 16 * 1024;

	private JsonObjects() {
	}

	/** The object, or null when it is absent or empty (both mean "nothing recorded"). */
	public static Map<String, Object> normal(Map<String, Object> value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	public static void check(Map<String, Object> value, String field, Violations violations) {
		if (value != null) {
			violations.check(CanonicalJson.write(value).length() <= MAX_CHARS, field,
					"must be at most " + MAX_CHARS + " characters of JSON");
		}
	}

	/** The object as stored in a jsonb column. */
	public static String toColumn(Object value) {
		return (value != null) ? CanonicalJson.compact(value) : null;
	}

}
