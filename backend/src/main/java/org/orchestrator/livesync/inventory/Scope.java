package org.orchestrator.livesync.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.system.ProblemException;

/**
 * Which items a compare looks at: per kind every item ({@code "all"}) or some keys. A
 * sync of ten named items then reads ten hashes on each side, not the whole inventory.
 */
public final class Scope {

	private final Map<ItemKind, List<String>> kinds;

	private Scope(Map<ItemKind, List<String>> kinds) {
		this.kinds = kinds;
	}

	public static Scope everything() {
		Map<ItemKind, List<String>> kinds = new EnumMap<>(ItemKind.class);
		for (ItemKind kind : ItemKind.values()) {
			kinds.put(kind, null);
		}
		return new Scope(kinds);
	}

	/**
	 * Every item of {@code all}, and of the other kinds the keys named in {@code keys}.
	 */
	public static Scope of(Collection<ItemKind> all, Map<ItemKind, ? extends Collection<String>> keys) {
		Map<ItemKind, List<String>> kinds = new EnumMap<>(ItemKind.class);
		keys.forEach((kind, named) -> {
			if (!named.isEmpty()) {
				List<String> sorted = new ArrayList<>(named);
				Collections.sort(sorted);
				kinds.put(kind, sorted);
			}
		});
		all.forEach((kind) -> kinds.put(kind, null));
		return new Scope(kinds);
	}

	/** A scope as JSON sends it: {@code {"nodes": "all", "clusters": ["a", "b"]}}. */
	public static Scope parse(JsonNode json) {
		if (json == null || !json.isObject()) {
			throw ProblemException.invalid("body", "must name kinds: {\"nodes\": \"all\", \"clusters\": [\"a\"]}");
		}
		Map<ItemKind, List<String>> kinds = new EnumMap<>(ItemKind.class);
		for (String section : json.propertyNames()) {
			ItemKind kind = ItemKind.ofSection(section);
			JsonNode value = json.get(section);
			if (kind == null) {
				throw ProblemException.invalid(section,
						"is not a kind: use nodes, clusters, ssh_keys or configurations");
			}
			if (value.isNull()) {
				// As if left out, as in a job's selection.
				continue;
			}
			if (value.isString() && "all".equals(value.stringValue())) {
				kinds.put(kind, null);
			}
			else if (value.isArray()) {
				List<String> keys = new ArrayList<>();
				for (JsonNode key : value) {
					if (!key.isString()) {
						throw ProblemException.invalid(section, "must list keys as strings");
					}
					String text = key.stringValue();
					if (!((kind == ItemKind.NODE) ? Formats.isHostname(text) : Formats.isName(text))) {
						throw ProblemException.invalid(section,
								"'" + text + "' is not a valid " + kind.type() + " key");
					}
					keys.add(text);
				}
				Collections.sort(keys);
				kinds.put(kind, keys);
			}
			else {
				throw ProblemException.invalid(section, "must be \"all\" or a list of keys");
			}
		}
		return new Scope(kinds);
	}

	/**
	 * The kinds in scope, in inventory order; a null list means every item of the kind.
	 */
	public Map<ItemKind, List<String>> kinds() {
		return Collections.unmodifiableMap(this.kinds);
	}

	/** This scope but for the given kinds. */
	public Scope without(java.util.Set<ItemKind> excluded) {
		Map<ItemKind, List<String>> kept = new EnumMap<>(this.kinds);
		kept.keySet().removeAll(excluded);
		return new Scope(kept);
	}

	public boolean isEmpty() {
		return this.kinds.isEmpty();
	}

	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		this.kinds.forEach((kind, keys) -> json.put(kind.section(), (keys != null) ? keys : "all"));
		return json;
	}

}
