package org.orchestrator.livesync.sync.internal.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.inventory.CanonicalJson;

/**
 * The per-field three-way merge of an item both sides changed since their last sync. A
 * field changed on one side only takes that side's value; a field changed on both sides
 * to the same value takes it; a field changed on both sides differently is a conflict,
 * which only a {@link Choice} decides. Objects are merged field by field
 * ({@code hardware.cpu}); a list of members with host names (a cluster's nodes) member by
 * member ({@code nodes[node-07]}), so one side adding a node and the other removing
 * another keeps both changes. Values compare by their canonical form.
 */
public final class ThreeWayMerge {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String MEMBER_KEY = "hostname";

	private ThreeWayMerge() {
	}

	/** How an operator decides a conflicting field. */
	public sealed interface Choice {

		Choice LOCAL = new Side(true);

		Choice REMOTE = new Side(false);

		/** This server's value ({@code local}) or the peer's. */
		record Side(boolean local) implements Choice {
		}

		/** A value of the operator's own; null removes the field. */
		record Value(JsonNode value) implements Choice {
		}

	}

	/**
	 * The merged content ({@code null} when a conflicting field has no choice), the
	 * fields that differ between the sides with their base values, and the paths of the
	 * conflicting fields (decided by a choice or not).
	 */
	public record Outcome(JsonNode merged, List<FieldChange> changes, List<String> conflicts, List<String> undecided) {

		public boolean clean() {
			return this.undecided.isEmpty();
		}

	}

	/**
	 * The merge of {@code local} and {@code remote} from {@code base}, without choices.
	 */
	public static Outcome merge(JsonNode base, JsonNode local, JsonNode remote) {
		return merge(base, local, remote, Map.of());
	}

	/** The same, with the operator's choice for conflicting fields, by path. */
	public static Outcome merge(JsonNode base, JsonNode local, JsonNode remote, Map<String, Choice> choices) {
		Walk walk = new Walk(choices);
		JsonNode merged = walk.merge("", absent(base), absent(local), absent(remote));
		walk.changes("", absent(base), absent(local), absent(remote));
		return new Outcome(walk.undecided.isEmpty() ? merged : null, walk.changes, walk.conflicts, walk.undecided);
	}

	private static final class Walk {

		private final Map<String, Choice> choices;

		private final List<FieldChange> changes = new ArrayList<>();

		private final List<String> conflicts = new ArrayList<>();

		private final List<String> undecided = new ArrayList<>();

		Walk(Map<String, Choice> choices) {
			this.choices = choices;
		}

		JsonNode merge(String path, JsonNode base, JsonNode local, JsonNode remote) {
			return merge(path, base, local, remote, true);
		}

		/** {@code within}: walk into objects and member lists; a member is one value. */
		private JsonNode merge(String path, JsonNode base, JsonNode local, JsonNode remote, boolean within) {
			if (same(local, remote) || same(remote, base)) {
				return local;
			}
			if (same(local, base)) {
				return remote;
			}
			if (within && objects(base, local, remote)) {
				ObjectNode merged = NODES.objectNode();
				for (String name : names(base, local, remote)) {
					JsonNode value = merge(at(path, name), field(base, name), field(local, name), field(remote, name));
					if (value != null) {
						merged.set(name, value);
					}
				}
				return merged;
			}
			if (within && memberLists(base, local, remote)) {
				Map<String, JsonNode> b = members(base);
				Map<String, JsonNode> l = members(local);
				Map<String, JsonNode> r = members(remote);
				ArrayNode merged = NODES.arrayNode();
				for (String host : hosts(b, l, r)) {
					JsonNode member = merge(path + "[" + host + "]", b.get(host), l.get(host), r.get(host), false);
					if (member != null) {
						merged.add(member);
					}
				}
				return merged;
			}
			this.conflicts.add(path);
			Choice choice = this.choices.get(path);
			if (choice instanceof Choice.Side side) {
				return side.local() ? local : remote;
			}
			if (choice instanceof Choice.Value value) {
				return absent(value.value());
			}
			this.undecided.add(path);
			return local;
		}

		/** Every field whose values differ between the two sides, down to the leaves. */
		void changes(String path, JsonNode base, JsonNode local, JsonNode remote) {
			changes(path, base, local, remote, true);
		}

		private void changes(String path, JsonNode base, JsonNode local, JsonNode remote, boolean within) {
			if (same(local, remote)) {
				return;
			}
			if (within && objects(base, local, remote)) {
				for (String name : names(base, local, remote)) {
					changes(at(path, name), field(base, name), field(local, name), field(remote, name));
				}
				return;
			}
			if (within && memberLists(base, local, remote)) {
				Map<String, JsonNode> b = members(base);
				Map<String, JsonNode> l = members(local);
				Map<String, JsonNode> r = members(remote);
				for (String host : hosts(b, l, r)) {
					changes(path + "[" + host + "]", b.get(host), l.get(host), r.get(host), false);
				}
				return;
			}
			String changedOn = same(base, remote) ? "local" : same(base, local) ? "remote" : "both";
			this.changes.add(new FieldChange(path, local, remote, base, changedOn,
					"both".equals(changedOn) ? Boolean.TRUE : null));
		}

	}

	/**
	 * Objects on both sides (the base may lack it or be one too): merged field by field.
	 * The whole item ({@code path} empty) always is.
	 */
	private static boolean objects(JsonNode base, JsonNode local, JsonNode remote) {
		return local != null && local.isObject() && remote != null && remote.isObject()
				&& (base == null || base.isObject());
	}

	/** Lists of objects with host names on both sides (and in the base, if any). */
	private static boolean memberLists(JsonNode base, JsonNode local, JsonNode remote) {
		return memberList(local) && memberList(remote) && (base == null || memberList(base));
	}

	private static boolean memberList(JsonNode node) {
		if (node == null || !node.isArray()) {
			return false;
		}
		TreeSet<String> hosts = new TreeSet<>();
		for (JsonNode member : node) {
			JsonNode host = member.isObject() ? member.get(MEMBER_KEY) : null;
			if (host == null || !host.isString() || !hosts.add(host.stringValue())) {
				return false;
			}
		}
		return true;
	}

	/** A member list by host name, in byte order. */
	private static Map<String, JsonNode> members(JsonNode list) {
		Map<String, JsonNode> byHost = new TreeMap<>();
		if (list != null) {
			list.forEach((member) -> byHost.put(member.get(MEMBER_KEY).stringValue(), member));
		}
		return byHost;
	}

	@SafeVarargs
	private static TreeSet<String> hosts(Map<String, JsonNode>... lists) {
		TreeSet<String> hosts = new TreeSet<>();
		for (Map<String, JsonNode> list : lists) {
			hosts.addAll(list.keySet());
		}
		return hosts;
	}

	private static TreeSet<String> names(JsonNode... objects) {
		TreeSet<String> names = new TreeSet<>();
		for (JsonNode object : objects) {
			if (object != null && object.isObject()) {
				names.addAll(object.propertyNames());
			}
		}
		return names;
	}

	private static JsonNode field(JsonNode object, String name) {
		return (object != null && object.isObject()) ? absent(object.get(name)) : null;
	}

	private static String at(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

	/** Absent, JSON null and missing are all "no value". */
	private static JsonNode absent(JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? null : node;
	}

	private static boolean same(JsonNode a, JsonNode b) {
		if (a == null || b == null) {
			return a == b;
		}
		return CanonicalJson.writeTree(a).equals(CanonicalJson.writeTree(b));
	}

}
