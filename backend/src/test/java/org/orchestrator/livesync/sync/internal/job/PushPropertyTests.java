package org.orchestrator.livesync.sync.internal.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.JobStreams;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Randomized two-sided scenarios against two real servers: creates, edits and deletes on
 * both sides, a compare, more edits on the target after it and while the job runs, then a
 * push of a random selection (named keys or "all", dry run or not, either conflict
 * policy). Each scenario checks that the compare's statuses follow the three-way model
 * against the bases the earlier jobs made, that a push never changes this server, that
 * nothing outside the selection changes on the target, that no edit made on the target
 * after the compare is lost, that only such edits are reported as changed since the
 * compare, and that what the job says it sent is on the target. A failure prints the seed
 * and scenario; {@code -Dsync.properties.seed=N} replays it, and
 * {@code -Dsync.properties.scenarios=N} sets how many run ({@code make test-properties}
 * runs thousands).
 */
class PushPropertyTests {

	private static final long SEED = Long.getLong("sync.properties.seed", System.nanoTime());

	private static final int SCENARIOS = Integer.getInteger("sync.properties.scenarios", 60);

	static final int PORT_B = Peers.freePort();

	@RegisterExtension
	static TestServer a = Peers.server("prop-a");

	@RegisterExtension
	static TestServer b = Peers.server("prop-b", PORT_B);

	/**
	 * The hash each key had on both servers after the last job that moved or agreed it.
	 */
	private final Map<String, String> bases = new HashMap<>();

	/** Compares done, and how many of them were incremental (after a checkpoint). */
	private final Map<String, Integer> compares = new HashMap<>();

	@Test
	void pushesKeepTheThreeWayModelAndLoseNoEdit() {
		Random random = new Random(SEED);
		for (int n = 0; n < SCENARIOS; n++) {
			long seed = random.nextLong();
			try {
				scenario("p" + n + "-", new Random(seed));
			}
			catch (AssertionError ex) {
				throw new AssertionError("scenario " + n + " failed (run seed " + SEED + ", scenario seed " + seed
						+ "; replay with -Dsync.properties.seed=" + SEED + "): " + ex.getMessage(), ex);
			}
		}
		System.out.printf("%d scenarios (seed %d); compares: %s%n", SCENARIOS, SEED, this.compares);
		assertThat(this.compares.getOrDefault("incremental", 0)).as("compares after a checkpoint are incremental")
			.isPositive();
	}

	private void scenario(String prefix, Random random) {
		List<String> keys = new ArrayList<>();
		int count = 2 + random.nextInt(5);
		for (int i = 0; i < count; i++) {
			keys.add(prefix + i);
		}
		// A common past: items on A, some copied to B, one sync of them.
		for (String key : keys) {
			if (random.nextInt(10) < 8) {
				put(a, key, ip(random));
			}
			if (random.nextInt(10) < 3) {
				put(b, key, ip(random));
			}
		}
		if (random.nextBoolean()) {
			runJob(session().get("session_id").asString(), "all", false, "skip", null, Map.of());
		}
		// Both sides move on.
		for (String key : keys) {
			switch (random.nextInt(8)) {
				case 0 -> put(a, key, ip(random));
				case 1 -> put(b, key, ip(random));
				case 2 -> delete(a, key);
				case 3 -> delete(b, key);
				case 4 -> {
					put(a, key, ip(random));
					put(b, key, ip(random));
				}
				default -> {
				}
			}
		}
		JsonNode session = session();
		checkStatuses(session.get("comparison").get("nodes"), keys);

		// The target changes after the operator's review.
		Map<String, String> editedOnB = new HashMap<>();
		for (String key : keys) {
			if (random.nextInt(6) == 0) {
				String ip = ip(random);
				put(b, key, ip);
				editedOnB.put(key, ip);
			}
		}
		Object selection = selection(keys, random);
		boolean dryRun = random.nextInt(5) == 0;
		String policy = random.nextBoolean() ? "skip" : "overwrite";
		// Null: everything ("all" reaches the keys of earlier scenarios too).
		Set<String> selected = (selection instanceof Map<?, ?> named && named.get("nodes") instanceof List<?> list)
				? new HashSet<>(list.stream().map(String::valueOf).toList()) : null;
		Map<String, String> duringJob = new HashMap<>();
		if (random.nextInt(5) == 0) {
			duringJob.put(keys.get(random.nextInt(keys.size())), ip(random));
		}
		runJob(session.get("session_id").asString(), selection, dryRun, policy, selected, editedOnB, duringJob);
	}

	/** Runs a job and checks what it did; records the bases it made. */
	private void runJob(String session, Object selection, boolean dryRun, String policy, Set<String> selected,
			Map<String, String> editedOnB) {
		runJob(session, selection, dryRun, policy, selected, editedOnB, Map.of());
	}

	private void runJob(String session, Object selection, boolean dryRun, String policy, Set<String> selected,
			Map<String, String> editedOnB, Map<String, String> duringJob) {
		Map<String, JsonNode> aBefore = nodes(a);
		Map<String, JsonNode> bBefore = nodes(b);
		String job = a.operator()
			.post()
			.uri("/api/v1/sync/jobs")
			.bodyValue(
					Map.of("session_id", session, "selection", selection, "dry_run", dryRun, "conflict_policy", policy))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("job_id")
			.asString();
		duringJob.forEach((key, ip) -> put(b, key, ip));
		List<ServerSentEvent<JsonNode>> events = events(job);
		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).as("the job ends well: %s", end.data()).isEqualTo("completed");
		Map<String, JsonNode> aAfter = nodes(a);
		Map<String, JsonNode> bAfter = nodes(b);
		assertThat(hashes(aAfter)).as("a push leaves this server alone").isEqualTo(hashes(aBefore));

		Set<String> testEdits = new HashSet<>(editedOnB.keySet());
		testEdits.addAll(duringJob.keySet());
		Map<String, String> status = new LinkedHashMap<>();
		events.stream()
			.filter((event) -> "item".equals(event.event()))
			.forEach((event) -> status.put(event.data().get("key").asString(), event.data().get("status").asString()));
		List<String> leftAlone = new ArrayList<>();
		end.data().get("changed_since_compare").forEach((item) -> leftAlone.add(item.get("key").asString()));
		assertThat(testEdits).as("only edits made on the target since the compare are left alone")
			.containsAll(leftAlone);
		for (String key : union(bBefore.keySet(), bAfter.keySet())) {
			String before = hash(bBefore.get(key));
			String after = hash(bAfter.get(key));
			if (duringJob.containsKey(key)) {
				assertThat(ip(bAfter.get(key))).as("%s, edited on the target while the job ran, keeps that edit", key)
					.isEqualTo(duringJob.get(key));
			}
			else if (editedOnB.containsKey(key)) {
				assertThat(ip(bAfter.get(key))).as("%s, edited on the target after the compare, keeps that edit", key)
					.isEqualTo(editedOnB.get(key));
			}
			else if (dryRun || (selected != null && !selected.contains(key))) {
				assertThat(after).as("%s is not changed on the target (dry run or not selected)", key)
					.isEqualTo(before);
			}
		}
		if (dryRun) {
			return;
		}
		assertThat(end.data().get("verified").asBoolean()).as("verified: %s", end.data()).isTrue();
		status.forEach((key, what) -> {
			if (duringJob.containsKey(key) || leftAlone.contains(key)) {
				return;
			}
			switch (what) {
				case "sent", "in_sync" -> {
					assertThat(hash(bAfter.get(key))).as("%s %s: the target has it", key, what)
						.isEqualTo(hash(aAfter.get(key)));
					this.bases.put(key, hash(aAfter.get(key)));
				}
				case "delete_sent" -> {
					assertThat(bAfter).as("%s deleted on the target", key).doesNotContainKey(key);
					this.bases.remove(key);
				}
				default -> {
				}
			}
		});
	}

	/** The comparison's status of every key, against the three-way model. */
	private void checkStatuses(JsonNode comparison, List<String> keys) {
		Map<String, JsonNode> onA = nodes(a);
		Map<String, JsonNode> onB = nodes(b);
		Map<String, String> listed = new HashMap<>();
		comparison.propertyNames()
			.forEach((status) -> comparison.get(status)
				.forEach((entry) -> listed.put(entry.get("key").asString(), status)));
		for (String key : keys) {
			if (!onA.containsKey(key) && !onB.containsKey(key)) {
				// Deleted on both sides: alike, and the base is gone with them.
				this.bases.remove(key);
			}
			String expected = expectedStatus(hash(onA.get(key)), hash(onB.get(key)), this.bases.get(key));
			if ("identical".equals(expected) && !listed.containsKey(key)) {
				// A kind whose digests agree is counted, not listed.
				continue;
			}
			assertThat(listed.get(key))
				.as("status of %s (local %s, remote %s, base %s)", key, hash(onA.get(key)), hash(onB.get(key)),
						this.bases.get(key))
				.isEqualTo(expected);
		}
	}

	/** DESIGN.md's three-way compare; null: not listed (absent on both sides). */
	static String expectedStatus(String local, String remote, String base) {
		if (Objects.equals(local, remote)) {
			return (local == null) ? null : "identical";
		}
		if (base == null) {
			return (local == null) ? "missing_on_local" : (remote == null) ? "missing_on_remote" : "different";
		}
		if (base.equals(local)) {
			return (remote == null) ? "deleted_on_remote" : "different";
		}
		if (base.equals(remote)) {
			return (local == null) ? "deleted_on_local" : "different";
		}
		return "conflict";
	}

	private static Object selection(List<String> keys, Random random) {
		return switch (random.nextInt(3)) {
			case 0 -> "all";
			case 1 -> Map.of("nodes", "all");
			default -> {
				List<String> named = new ArrayList<>();
				Map<String, JsonNode> onA = nodes(a);
				Map<String, JsonNode> onB = nodes(b);
				for (String key : keys) {
					if ((onA.containsKey(key) || onB.containsKey(key)) && random.nextBoolean()) {
						named.add(key);
					}
				}
				yield named.isEmpty() ? "all" : Map.of("nodes", named);
			}
		};
	}

	private JsonNode session() {
		JsonNode session = a.operator()
			.post()
			.uri("/api/v1/sync/sessions")
			.bodyValue(Map.of("remote_url", b.baseUrl()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		this.compares.merge(session.at("/comparison/method/mode").asString(), 1, Integer::sum);
		return session;
	}

	private static List<ServerSentEvent<JsonNode>> events(String job) {
		return JobStreams.events(a, job);
	}

	/** Every node of a server, by host name (the scenarios use nodes only). */
	private static Map<String, JsonNode> nodes(TestServer server) {
		Map<String, JsonNode> nodes = new HashMap<>();
		for (int page = 0;; page++) {
			JsonNode body = server.operator()
				.get()
				.uri("/api/v1/nodes?size=500&page=" + page + "&search=p")
				.exchange()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			body.get("items").forEach((node) -> nodes.put(node.get("hostname").asString(), node));
			if (body.get("items").size() < 500) {
				return nodes;
			}
		}
	}

	private static Map<String, String> hashes(Map<String, JsonNode> nodes) {
		Map<String, String> hashes = new HashMap<>();
		nodes.forEach((key, node) -> hashes.put(key, hash(node)));
		return hashes;
	}

	private static String hash(JsonNode node) {
		return (node != null) ? node.get("content_hash").asString() : null;
	}

	private static String ip(JsonNode node) {
		return (node != null) ? node.get("ip").asString() : null;
	}

	private static Set<String> union(Set<String> one, Set<String> other) {
		Set<String> all = new HashSet<>(one);
		all.addAll(other);
		return all;
	}

	/** Creates or replaces a node. */
	private static void put(TestServer server, String hostname, String ip) {
		int status = server.operator()
			.put()
			.uri("/api/v1/nodes/" + hostname)
			.bodyValue(Fixtures.node(hostname, ip, null))
			.exchange()
			.returnResult(Void.class)
			.getStatus()
			.value();
		if (status == 404) {
			server.operator()
				.post()
				.uri("/api/v1/nodes")
				.bodyValue(Fixtures.node(hostname, ip, null))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		else {
			assertThat(status).as("PUT %s", hostname).isEqualTo(200);
		}
	}

	private static void delete(TestServer server, String hostname) {
		server.operator().delete().uri("/api/v1/nodes/" + hostname).exchange();
	}

	private static String ip(Random random) {
		return "10." + random.nextInt(250) + "." + random.nextInt(250) + "." + (1 + random.nextInt(250));
	}

}
