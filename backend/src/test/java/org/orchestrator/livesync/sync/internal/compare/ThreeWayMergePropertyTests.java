package org.orchestrator.livesync.sync.internal.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.inventory.CanonicalJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the three-way merge over randomly drawn items and edits (a seeded
 * generator: a failure prints the seed; {@code -Dsync.merge.seed=N} replays it). An item
 * is drawn as its leaves (top-level fields, fields of a nested object, members of a host
 * list), each side edits some of them, and a model says what the merge must give.
 */
class ThreeWayMergePropertyTests {

	private static final long SEED = Long.getLong("sync.merge.seed", System.nanoTime());

	private static final int CASES = 3000;

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final List<String> LEAVES = List.of("ip", "ssh_port", "username", "hardware.cpu", "hardware.memory",
			"hardware.disk", "nodes[alpha]", "nodes[beta]", "nodes[gamma]", "nodes[delta.example]");

	@Test
	void disjointChangesAlwaysMergeToBothChanges() {
		forAll((random) -> {
			Map<String, JsonNode> base = draw(random);
			List<String> shuffled = shuffled(random);
			int cut = random.nextInt(LEAVES.size() + 1);
			Map<String, JsonNode> local = edit(random, base, shuffled.subList(0, cut));
			Map<String, JsonNode> remote = edit(random, base, shuffled.subList(cut, random.nextInt(cut, 11)));
			ThreeWayMerge.Outcome outcome = ThreeWayMerge.merge(item(base), item(local), item(remote));
			assertThat(outcome.clean()).as("clean: %s", outcome.undecided()).isTrue();
			assertThat(outcome.conflicts()).isEmpty();
			assertSame(outcome.merged(), item(combined(base, local, remote, Map.of())));
		});
	}

	@Test
	void theSameChangeOnBothSidesIsThatChange() {
		forAll((random) -> {
			Map<String, JsonNode> base = draw(random);
			Map<String, JsonNode> both = edit(random, base, shuffled(random).subList(0, random.nextInt(1, 11)));
			ThreeWayMerge.Outcome outcome = ThreeWayMerge.merge(item(base), item(both), item(both));
			assertThat(outcome.clean()).isTrue();
			assertThat(outcome.changes()).isEmpty();
			assertSame(outcome.merged(), item(both));
		});
	}

	@Test
	void aTrueConflictIsNeverResolvedWithoutAChoice() {
		forAll((random) -> {
			Map<String, JsonNode> base = draw(random);
			Map<String, JsonNode> local = edit(random, base, shuffled(random).subList(0, random.nextInt(11)));
			Map<String, JsonNode> remote = edit(random, base, shuffled(random).subList(0, random.nextInt(11)));
			Set<String> expected = trueConflicts(base, local, remote);
			ThreeWayMerge.Outcome outcome = ThreeWayMerge.merge(item(base), item(local), item(remote));
			assertThat(new TreeSet<>(outcome.undecided())).isEqualTo(expected);
			assertThat(new TreeSet<>(outcome.conflicts())).isEqualTo(expected);
			if (expected.isEmpty()) {
				assertSame(outcome.merged(), item(combined(base, local, remote, Map.of())));
			}
			else {
				assertThat(outcome.merged()).isNull();
			}
			// Every conflicting field is shown as one, with the three values.
			for (String path : expected) {
				assertThat(outcome.changes()).filteredOn((change) -> change.field().equals(path))
					.singleElement()
					.satisfies((change) -> {
						assertThat(change.conflict()).isTrue();
						assertThat(change.changedOn()).isEqualTo("both");
						assertSameValue(change.base(), base.get(path));
					});
			}
		});
	}

	@Test
	void choicesDecideExactlyTheConflictsTheyName() {
		forAll((random) -> {
			Map<String, JsonNode> base = draw(random);
			Map<String, JsonNode> local = edit(random, base, shuffled(random).subList(0, random.nextInt(11)));
			Map<String, JsonNode> remote = edit(random, base, shuffled(random).subList(0, random.nextInt(11)));
			Map<String, ThreeWayMerge.Choice> choices = new HashMap<>();
			Map<String, JsonNode> chosen = new HashMap<>();
			for (String path : trueConflicts(base, local, remote)) {
				switch (random.nextInt(3)) {
					case 0 -> {
						choices.put(path, ThreeWayMerge.Choice.LOCAL);
						chosen.put(path, local.get(path));
					}
					case 1 -> {
						choices.put(path, ThreeWayMerge.Choice.REMOTE);
						chosen.put(path, remote.get(path));
					}
					default -> {
						JsonNode value = value(random, path);
						choices.put(path, new ThreeWayMerge.Choice.Value(value));
						chosen.put(path, value);
					}
				}
			}
			ThreeWayMerge.Outcome outcome = ThreeWayMerge.merge(item(base), item(local), item(remote), choices);
			assertThat(outcome.clean()).isTrue();
			assertSame(outcome.merged(), item(combined(base, local, remote, chosen)));
		});
	}

	@Test
	void theMergeIsTheSameFromEitherSide() {
		forAll((random) -> {
			Map<String, JsonNode> base = draw(random);
			Map<String, JsonNode> local = edit(random, base, shuffled(random).subList(0, random.nextInt(11)));
			Map<String, JsonNode> remote = edit(random, base, shuffled(random).subList(0, random.nextInt(11)));
			ThreeWayMerge.Outcome here = ThreeWayMerge.merge(item(base), item(local), item(remote));
			ThreeWayMerge.Outcome there = ThreeWayMerge.merge(item(base), item(remote), item(local));
			assertThat(there.undecided()).isEqualTo(here.undecided());
			if (here.clean()) {
				assertSame(there.merged(), here.merged());
				// Merging the merge with either side again changes nothing.
				assertSame(ThreeWayMerge.merge(item(base), here.merged(), item(remote)).merged(), here.merged());
			}
		});
	}

	@Test
	void everyDifferingFieldIsListedWithTheSideThatChangedIt() {
		forAll((random) -> {
			Map<String, JsonNode> base = draw(random);
			Map<String, JsonNode> local = edit(random, base, shuffled(random).subList(0, random.nextInt(11)));
			Map<String, JsonNode> remote = edit(random, base, shuffled(random).subList(0, random.nextInt(11)));
			Map<String, String> expected = new TreeMap<>();
			for (String path : LEAVES) {
				if (!sameValue(local.get(path), remote.get(path))) {
					expected.put(path, sameValue(base.get(path), remote.get(path)) ? "local"
							: sameValue(base.get(path), local.get(path)) ? "remote" : "both");
				}
			}
			Map<String, String> listed = new TreeMap<>();
			ThreeWayMerge.merge(item(base), item(local), item(remote))
				.changes()
				.forEach((change) -> listed.put(change.field(), change.changedOn()));
			assertThat(listed).isEqualTo(expected);
		});
	}

	private static void forAll(Consumer<Random> property) {
		Random seeds = new Random(SEED);
		for (int n = 0; n < CASES; n++) {
			long seed = seeds.nextLong();
			try {
				property.accept(new Random(seed));
			}
			catch (AssertionError ex) {
				throw new AssertionError(
						"case " + n + " failed (replay with -Dsync.merge.seed=" + SEED + "): " + ex.getMessage(), ex);
			}
		}
	}

	/** Changed on both sides, to different values. */
	private static Set<String> trueConflicts(Map<String, JsonNode> base, Map<String, JsonNode> local,
			Map<String, JsonNode> remote) {
		Set<String> conflicts = new TreeSet<>();
		for (String path : LEAVES) {
			JsonNode b = base.get(path);
			if (!sameValue(local.get(path), b) && !sameValue(remote.get(path), b)
					&& !sameValue(local.get(path), remote.get(path))) {
				conflicts.add(path);
			}
		}
		return conflicts;
	}

	/** The model: each leaf from the side that changed it, or as chosen. */
	private static Map<String, JsonNode> combined(Map<String, JsonNode> base, Map<String, JsonNode> local,
			Map<String, JsonNode> remote, Map<String, JsonNode> chosen) {
		Map<String, JsonNode> merged = new HashMap<>();
		for (String path : LEAVES) {
			JsonNode value;
			if (chosen.containsKey(path)) {
				value = chosen.get(path);
			}
			else if (!sameValue(local.get(path), base.get(path))) {
				value = local.get(path);
			}
			else {
				value = remote.get(path);
			}
			if (value != null) {
				merged.put(path, value);
			}
		}
		return merged;
	}

	private static Map<String, JsonNode> draw(Random random) {
		Map<String, JsonNode> leaves = new HashMap<>();
		for (String path : LEAVES) {
			if (random.nextInt(4) > 0) {
				leaves.put(path, value(random, path));
			}
		}
		return leaves;
	}

	/** The item with each of {@code paths} changed: a new value, removed, or added. */
	private static Map<String, JsonNode> edit(Random random, Map<String, JsonNode> item, List<String> paths) {
		Map<String, JsonNode> edited = new HashMap<>(item);
		for (String path : paths) {
			JsonNode now = item.get(path);
			if (now != null && random.nextInt(4) == 0) {
				edited.remove(path);
				continue;
			}
			JsonNode value;
			do {
				value = value(random, path);
			}
			while (sameValue(value, now));
			edited.put(path, value);
		}
		return edited;
	}

	/** Values from small pools, so both sides often pick the same one. */
	private static JsonNode value(Random random, String path) {
		if (path.startsWith("nodes[")) {
			String host = path.substring(6, path.length() - 1);
			return NODES.objectNode()
				.put("hostname", host)
				.put("role", List.of("control-plane", "worker", "etcd").get(random.nextInt(3)));
		}
		return switch (path) {
			case "ssh_port", "hardware.cpu", "hardware.memory" -> NODES.numberNode(random.nextInt(1, 5) * 2);
			default -> NODES.stringNode("v" + random.nextInt(4));
		};
	}

	/** The item of these leaves: a nested object and a member list always present. */
	private static JsonNode item(Map<String, JsonNode> leaves) {
		ObjectNode item = NODES.objectNode();
		ObjectNode hardware = item.putObject("hardware");
		ArrayNode nodes = item.putArray("nodes");
		new TreeMap<>(leaves).forEach((path, value) -> {
			if (path.startsWith("hardware.")) {
				hardware.set(path.substring(9), value);
			}
			else if (path.startsWith("nodes[")) {
				nodes.add(value);
			}
			else {
				item.set(path, value);
			}
		});
		return item;
	}

	private static List<String> shuffled(Random random) {
		List<String> paths = new ArrayList<>(LEAVES);
		java.util.Collections.shuffle(paths, random);
		return paths;
	}

	private static void assertSame(JsonNode actual, JsonNode expected) {
		assertThat(actual).as("merged").isNotNull();
		assertThat(CanonicalJson.writeTree(actual)).isEqualTo(CanonicalJson.writeTree(expected));
	}

	private static void assertSameValue(JsonNode actual, JsonNode expected) {
		assertThat(sameValue(actual, expected)).as("%s is %s", actual, expected).isTrue();
	}

	private static boolean sameValue(JsonNode a, JsonNode b) {
		if (a == null || b == null) {
			return a == b;
		}
		return CanonicalJson.writeTree(a).equals(CanonicalJson.writeTree(b));
	}

}
