package org.orchestrator.livesync.sync.internal.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.CanonicalJson;

/**
 * The fields in which two versions of an item differ. Objects are walked into, so a
 * change deep in the hardware record shows as {@code hardware.cpu}; lists (a cluster's
 * nodes) are compared as a whole. Values compare by their canonical form: {@code 8}
 * equals {@code 8.0}.
 */
public final class FieldDiff {

	private FieldDiff() {
	}

	public static List<FieldChange> between(JsonNode local, JsonNode remote) {
		List<FieldChange> changes = new ArrayList<>();
		diff("", local, remote, changes);
		return changes;
	}

	private static void diff(String path, JsonNode local, JsonNode remote, List<FieldChange> changes) {
		JsonNode a = absentAsNull(local);
		JsonNode b = absentAsNull(remote);
		if (a == null && b == null) {
			return;
		}
		boolean walkInto = (a == null || a.isObject()) && (b == null || b.isObject())
				&& (path.isEmpty() || (a != null && b != null));
		if (walkInto) {
			TreeSet<String> names = new TreeSet<>();
			if (a != null) {
				names.addAll(a.propertyNames());
			}
			if (b != null) {
				names.addAll(b.propertyNames());
			}
			for (String name : names) {
				diff(path.isEmpty() ? name : path + "." + name, (a != null) ? a.get(name) : null,
						(b != null) ? b.get(name) : null, changes);
			}
			return;
		}
		if (a == null || b == null || !CanonicalJson.write(a).equals(CanonicalJson.write(b))) {
			changes.add(new FieldChange(path, a, b));
		}
	}

	private static JsonNode absentAsNull(JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? null : node;
	}

}
