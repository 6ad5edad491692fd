package org.orchestrator.livesync.sync.internal.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.sync.internal.compare.ThreeWayMerge;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;

/**
 * The operator's decision on the conflicting fields of one item, by field path as the
 * compare names them ({@code ip}, {@code hardware.cpu}, {@code nodes[node-07]}): this
 * server's value, the remote's, or a value of the operator's own. A both-ways job applies
 * the result to both sides.
 */
@Schema(name = JobSchemas.RESOLUTION)
record Resolution(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "nodes", allowableValues = {
		"nodes", "clusters", "ssh_keys", "configurations" }) String kind,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "node-07") String key,
		@Schema(description = "per conflicting field, whose value it takes: local (this server's) or remote",
				example = "{\"ip\": \"local\"}") Map<String, String> fields,
		@Schema(description = "per conflicting field, a value of the operator's own (null removes the field)",
				example = "{\"hardware.cpu\": 16}") Map<String, JsonNode> values){

	static final int MAX = 10_000;

	/**
	 * The choices of every resolution by item, what is wrong going to {@code violations}
	 * (at {@code resolutions[i]}).
	 */
	static Map<ItemKey, Map<String, ThreeWayMerge.Choice>> parse(List<Resolution> resolutions, Violations violations) {
		Map<ItemKey, Map<String, ThreeWayMerge.Choice>> choices = new HashMap<>();
		if (resolutions == null) {
			return choices;
		}
		if (!violations.check(resolutions.size() <= MAX, "resolutions", "at most " + MAX + " items at once")) {
			return choices;
		}
		for (int i = 0; i < resolutions.size(); i++) {
			Resolution resolution = resolutions.get(i);
			Violations at = violations.nested("resolutions[" + i + "]");
			if (resolution == null) {
				violations.add("resolutions[" + i + "]", "expected an object");
				continue;
			}
			ItemKind kind = (resolution.kind() != null) ? ItemKind.ofSection(resolution.kind()) : null;
			if (kind == null && resolution.kind() != null) {
				kind = ItemKind.ofType(resolution.kind());
			}
			at.check(kind != null, "kind", "must be nodes, clusters, ssh_keys or configurations");
			String key = resolution.key();
			boolean validKey = key != null && kind != null
					&& ((kind == ItemKind.NODE) ? Formats.isHostname(key) : Formats.isName(key));
			at.check(kind == null || validKey, "key", "is not a valid key of that kind");
			Map<String, ThreeWayMerge.Choice> item = new HashMap<>();
			if (resolution.fields() != null) {
				resolution.fields().forEach((field, side) -> {
					if (at.check("local".equals(side) || "remote".equals(side), "fields." + field,
							"must be local or remote")) {
						item.put(field,
								"local".equals(side) ? ThreeWayMerge.Choice.LOCAL : ThreeWayMerge.Choice.REMOTE);
					}
				});
			}
			if (resolution.values() != null) {
				resolution.values().forEach((field, value) -> {
					if (at.check(!item.containsKey(field), "values." + field, "is decided in fields already")) {
						item.put(field, new ThreeWayMerge.Choice.Value(value));
					}
				});
			}
			at.check(!item.isEmpty(), "fields", "decide at least one field");
			if (kind != null && validKey && !item.isEmpty()) {
				at.check(choices.put(ItemKey.of(kind, key), item) == null, "key", "is resolved twice");
			}
		}
		return choices;
	}

}
