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
 * job in a random direction (push, pull or both) of a random selection (named keys or
 * "all", dry run or not, either conflict policy one way). Each scenario checks that the
 * compare's statuses follow the three-way model against the bases the earlier jobs made,
 * that each item's outcome is what the model says the direction does with that status,
 * that a one-way job never changes its source, that nothing outside the selection
 * changes, that no edit made after the compare is lost on the side it was made, that only
 * such edits are reported as changed since the compare, that what the job says it moved
 * is on both sides, and that after a both-ways job of everything without conflicts the
 * two sides agree. A failure prints the seed and scenario;
 * {@code -Dsync.properties.seed=N} replays it, and {@code -Dsync.properties.scenarios=N}
 * sets how many run ({@code make test-properties} runs thousands).
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

		Map<String, String> atCompare = statuses(keys);
		String direction = List.of("push", "pull", "both").get(random.nextInt(3));

		// The target (either side, both ways) changes after the operator's review.
		Map<String, String> editedOnA = new HashMap<>();
		Map<String, String> editedOnB = new HashMap<>();
		for (String key : keys) {
			if (random.nextInt(6) == 0) {
				String ip = ip(random);
				boolean onA = direction.equals("pull") || (direction.equals("both") && random.nextBoolean());
				put(onA ? a : b, key, ip);
				(onA ? editedOnA : editedOnB).put(key, ip);
			}
		}
		Object selection = selection(keys, random);
		boolean dryRun = random.nextInt(5) == 0;
		// Overwrite makes the job's source win: both ways there is none.
		String[] policies = direction.equals("both") ? new String[] { "manual", "prefer_local", "prefer_remote" }
				: new String[] { "skip", "overwrite", "manual", "prefer_local", "prefer_remote" };
		String policy = policies[random.nextInt(policies.length)];
		// Null: everything ("all" reaches the keys of earlier scenarios too).
		Set<String> selected = (selection instanceof Map<?, ?> named && named.get("nodes") instanceof List<?> list)
				? new HashSet<>(list.stream().map(String::valueOf).toList()) : null;
		Job job = new Job(session.get("session_id").asString(), direction, selection, selected, dryRun, policy);
		if (random.nextInt(5) == 0) {
			boolean onA = direction.equals("pull") || (direction.equals("both") && random.nextBoolean());
			job.duringJob(onA).put(keys.get(random.nextInt(keys.size())), ip(random));
		}
		job.editedOnA.putAll(editedOnA);
		job.editedOnB.putAll(editedOnB);
		runJob(job);
		checkOutcomes(job, keys, atCompare);
	}

	/** A job of a scenario: what it asks for, and the edits made around it. */
	static final class Job {

		final String session;

		final String direction;

		final Object selection;

		/** Null: "all". */
		final Set<String> selected;

		final boolean dryRun;

		final String policy;

		final Map<String, String> editedOnA = new HashMap<>();

		final Map<String, String> editedOnB = new HashMap<>();

		final Map<String, String> duringJobOnA = new HashMap<>();

		final Map<String, String> duringJobOnB = new HashMap<>();

		/** Each key's item event status. */
		final Map<String, String> status = new LinkedHashMap<>();

		final List<String> leftAlone = new ArrayList<>();

		Job(String session, String direction, Object selection, Set<String> selected, boolean dryRun, String policy) {
			this.session = session;
			this.direction = direction;
			this.selection = selection;
			this.selected = selected;
			this.dryRun = dryRun;
			this.policy = policy;
		}

		Map<String, String> duringJob(boolean onA) {
			return onA ? this.duringJobOnA : this.duringJobOnB;
		}

		/** Edited on either side after the compare or while the job ran. */
		boolean edited(String key) {
			return this.editedOnA.containsKey(key) || this.editedOnB.containsKey(key)
					|| this.duringJobOnA.containsKey(key) || this.duringJobOnB.containsKey(key);
		}

	}

	/** Runs a job and checks what it did; records the bases it made. */
	private void runJob(String session, Object selection, boolean dryRun, String policy, Set<String> selected,
			Map<String, String> editedOnB) {
		Job job = new Job(session, "push", selection, selected, dryRun, policy);
		job.editedOnB.putAll(editedOnB);
		runJob(job);
	}

	private void runJob(Job job) {
		Map<String, JsonNode> aBefore = nodes(a);
		Map<String, JsonNode> bBefore = nodes(b);
		String id = a.operator()
			.post()
			.uri("/api/v1/sync/jobs")
			.bodyValue(Map.of("session_id", job.session, "selection", job.selection, "dry_run", job.dryRun,
					"conflict_policy", job.policy, "direction", job.direction))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("job_id")
			.asString();
		job.duringJobOnA.forEach((key, ip) -> put(a, key, ip));
		job.duringJobOnB.forEach((key, ip) -> put(b, key, ip));
		List<ServerSentEvent<JsonNode>> events = events(id);
		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).as("the job ends well: %s", end.data()).isEqualTo("completed");
		Map<String, JsonNode> aAfter = nodes(a);
		Map<String, JsonNode> bAfter = nodes(b);
		if (job.direction.equals("push")) {
			assertThat(hashes(aAfter)).as("a push leaves this server alone").isEqualTo(hashes(aBefore));
		}
		if (job.direction.equals("pull")) {
			assertThat(hashes(bAfter)).as("a pull leaves the remote alone").isEqualTo(hashes(bBefore));
		}

		events.stream()
			.filter((event) -> "item".equals(event.event()))
			.forEach((event) -> job.status.put(event.data().get("key").asString(),
					event.data().get("status").asString()));
		end.data().get("changed_since_compare").forEach((item) -> job.leftAlone.add(item.get("key").asString()));
		assertThat(job.leftAlone).as("only edits made since the compare are left alone").allMatch(job::edited);
		for (String key : union(union(aBefore.keySet(), aAfter.keySet()), union(bBefore.keySet(), bAfter.keySet()))) {
			keepsEdit(key, aAfter, job.duringJobOnA, job.editedOnA, "this server");
			keepsEdit(key, bAfter, job.duringJobOnB, job.editedOnB, "the remote");
			if (!job.edited(key) && (job.dryRun || (job.selected != null && !job.selected.contains(key)))) {
				assertThat(hash(aAfter.get(key))).as("%s is not changed here (dry run or not selected)", key)
					.isEqualTo(hash(aBefore.get(key)));
				assertThat(hash(bAfter.get(key))).as("%s is not changed on the remote (dry run or not selected)", key)
					.isEqualTo(hash(bBefore.get(key)));
			}
		}
		if (job.dryRun) {
			return;
		}
		// An item changed on the source while the job ran may no longer match what the
		// job moved: the verification must say so, and only of such items.
		List<String> mismatched = new ArrayList<>();
		end.data().get("mismatches").forEach((mismatch) -> mismatched.add(mismatch.asString().split("'")[1]));
		assertThat(mismatched).as("only items changed during the job may mismatch: %s", end.data())
			.allMatch((key) -> job.duringJobOnA.containsKey(key) || job.duringJobOnB.containsKey(key));
		assertThat(end.data().get("verified").asBoolean()).as("verified: %s", end.data())
			.isEqualTo(mismatched.isEmpty());
		job.status.forEach((key, what) -> {
			if (job.duringJobOnA.containsKey(key) || job.duringJobOnB.containsKey(key) || job.leftAlone.contains(key)) {
				return;
			}
			switch (what) {
				case "sent", "in_sync", "received" -> {
					assertThat(hash(bAfter.get(key))).as("%s %s: both sides have it", key, what)
						.isNotNull()
						.isEqualTo(hash(aAfter.get(key)));
					this.bases.put(key, hash(aAfter.get(key)));
				}
				case "delete_sent", "delete_received" -> {
					assertThat(bAfter).as("%s deleted on the remote", key).doesNotContainKey(key);
					assertThat(aAfter).as("%s deleted here", key).doesNotContainKey(key);
					this.bases.remove(key);
				}
				default -> {
				}
			}
		});
	}

	/**
	 * An edit made on one side after the compare, or while the job ran, is kept there.
	 */
	private static void keepsEdit(String key, Map<String, JsonNode> after, Map<String, String> duringJob,
			Map<String, String> edited, String side) {
		if (duringJob.containsKey(key)) {
			assertThat(ip(after.get(key))).as("%s, edited on %s while the job ran, keeps that edit", key, side)
				.isEqualTo(duringJob.get(key));
		}
		else if (edited.containsKey(key)) {
			assertThat(ip(after.get(key))).as("%s, edited on %s after the compare, keeps that edit", key, side)
				.isEqualTo(edited.get(key));
		}
	}

	/**
	 * Each key the job was free to decide on (not edited since the compare) got the
	 * outcome the model gives its status in the job's direction; after a real both-ways
	 * job of everything, every such key that was no conflict is alike on both sides.
	 */
	private void checkOutcomes(Job job, List<String> keys, Map<String, String> atCompare) {
		Map<String, JsonNode> onA = nodes(a);
		Map<String, JsonNode> onB = nodes(b);
		for (String key : keys) {
			if (job.edited(key) || job.leftAlone.contains(key)) {
				continue;
			}
			String status = atCompare.get(key);
			boolean selected = job.selected == null || job.selected.contains(key);
			String expected = selected ? ThreeWayModel.outcome(job.direction, status, job.selected != null,
					ThreeWayModel.winner(job.policy, job.direction)) : null;
			assertThat(job.status.get(key)).as("outcome of %s, %s, in a %s job", key, status, job.direction)
				.isEqualTo(expected);
			boolean decided = !ThreeWayModel.isConflict(status)
					|| !ThreeWayModel.winner(job.policy, job.direction).equals("manual");
			if (job.direction.equals("both") && job.selected == null && !job.dryRun && decided) {
				assertThat(hash(onB.get(key))).as("%s is alike on both sides after a both-ways job", key)
					.isEqualTo(hash(onA.get(key)));
			}
		}
	}

	/**
	 * Each key's status as a compare now sees it (the model's, which the compare's
	 * statuses were checked against): with changed_on for a different item.
	 */
	private Map<String, String> statuses(List<String> keys) {
		Map<String, JsonNode> onA = nodes(a);
		Map<String, JsonNode> onB = nodes(b);
		Map<String, String> statuses = new HashMap<>();
		for (String key : keys) {
			String local = hash(onA.get(key));
			String remote = hash(onB.get(key));
			String base = this.bases.get(key);
			String status = expectedStatus(local, remote, base);
			if ("different".equals(status)) {
				status += (base == null) ? ":unknown" : base.equals(local) ? ":remote" : ":local";
			}
			else if ("identical".equals(status) && Objects.equals(base, local)) {
				status += ":synced";
			}
			else if ("conflict".equals(status)) {
				status += (local == null) ? ":deleted_here" : (remote == null) ? ":deleted_there" : "";
			}
			statuses.put(key, status);
		}
		return statuses;
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
