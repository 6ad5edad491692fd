package org.orchestrator.livesync.sync.internal.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.JobStreams;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.Nodes.ip;
import static org.orchestrator.livesync.support.Nodes.replace;

/**
 * Conflict policies with two real servers: each item is changed on both sides after a
 * first sync, and the job's policy says which version both end with, or that neither
 * moves.
 */
class ConflictPolicyJobIntegrationTests {

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b");

	@Test
	void bothWaysThePreferredVersionEndsOnBothSides() {
		conflict("prefer-01");
		JsonNode completed = last(job("both", "prefer_remote", null));
		assertThat(completed.get("verified").asBoolean()).as("%s", completed).isTrue();
		assertThat(ip(a, "prefer-01")).as("the remote's version came here").isEqualTo(address(2, "prefer-01"));
		assertThat(ip(b, "prefer-01")).isEqualTo(address(2, "prefer-01"));

		conflict("prefer-02");
		completed = last(job("both", "prefer_local", null));
		assertThat(completed.get("verified").asBoolean()).as("%s", completed).isTrue();
		assertThat(ip(a, "prefer-02")).isEqualTo(address(1, "prefer-02"));
		assertThat(ip(b, "prefer-02")).as("this server's version went there").isEqualTo(address(1, "prefer-02"));
	}

	@Test
	void aPushCanOnlyCarryThisServersVersionAndAPullTheRemotes() {
		conflict("carry-01");

		List<ServerSentEvent<JsonNode>> push = job("push", "prefer_remote", null);
		assertThat(JobStreams.itemStatuses(push)).containsEntry("carry-01", "skipped_conflict");
		assertThat(ip(b, "carry-01")).as("the remote keeps its version").isEqualTo(address(2, "carry-01"));

		List<ServerSentEvent<JsonNode>> pull = job("pull", "prefer_local", null);
		assertThat(JobStreams.itemStatuses(pull)).containsEntry("carry-01", "skipped_conflict");
		assertThat(ip(a, "carry-01")).as("this server keeps its version").isEqualTo(address(1, "carry-01"));

		assertThat(JobStreams.itemStatuses(job("pull", "prefer_remote", null))).containsEntry("carry-01", "received");
		assertThat(ip(a, "carry-01")).isEqualTo(address(2, "carry-01"));
	}

	@Test
	void aKindsPolicyOverridesTheJobsAndManualLeavesTheConflictToTheOperator() {
		conflict("kind-01");

		List<ServerSentEvent<JsonNode>> events = job("both", "prefer_local", Map.of("nodes", "manual"));
		assertThat(JobStreams.itemStatuses(events)).containsEntry("kind-01", "skipped_conflict");
		assertThat(last(events).get("skipped").asLong()).isPositive();
		assertThat(ip(a, "kind-01")).isEqualTo(address(1, "kind-01"));
		assertThat(ip(b, "kind-01")).isEqualTo(address(2, "kind-01"));

		a.operator()
			.post()
			.uri("/api/v1/sync/jobs")
			.bodyValue(Map.of("session_id", session().get("session_id").asString(), "selection", "all",
					"conflict_policies", Map.of("nodes", "newest-first")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("conflict_policies.nodes");
	}

	/**
	 * The nodes synced once, then changed here to {@code address(1, key)} and there to
	 * {@code address(2, key)}.
	 */
	private static void conflict(String... keys) {
		for (String key : keys) {
			create(a, Fixtures.node(key, address(0, key), null));
		}
		SyncJobs.complete(a, Map.of("session_id", session().get("session_id").asString(), "selection",
				Map.of("nodes", List.of(keys)), "direction", "push"));
		for (String key : keys) {
			replace(a, key, address(1, key));
			replace(b, key, address(2, key));
		}
	}

	/**
	 * 10.7{version}.{test}.{N}: one IP per key and version, as the job checks what it
	 * would write against every node, the other tests' too, and refuses duplicate IPs.
	 */
	private static String address(int version, String key) {
		int dash = key.lastIndexOf('-');
		int test = Math.floorMod(key.substring(0, dash).hashCode(), 250);
		return "10.7" + version + "." + test + "." + Integer.parseInt(key.substring(dash + 1));
	}

	/**
	 * A job for "all" of the nodes, so that only the policy can move a conflict (a named
	 * key goes as named). Conflicts other tests left are decided by it too, which they do
	 * not look at again.
	 */
	private static List<ServerSentEvent<JsonNode>> job(String direction, String policy, Map<String, String> byKind) {
		Map<String, Object> request = new HashMap<>(Map.of("session_id", session().get("session_id").asString(),
				"selection", Map.of("nodes", "all"), "direction", direction, "conflict_policy", policy));
		if (byKind != null) {
			request.put("conflict_policies", byKind);
		}
		return SyncJobs.complete(a, request);
	}

	private static JsonNode session() {
		return SyncJobs.session(a, b.baseUrl());
	}

	private static JsonNode last(List<ServerSentEvent<JsonNode>> events) {
		return events.get(events.size() - 1).data();
	}

}
