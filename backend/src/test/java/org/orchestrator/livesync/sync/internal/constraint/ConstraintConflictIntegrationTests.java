package org.orchestrator.livesync.sync.internal.constraint;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;

/**
 * Inventory rules a sync would break, found before anything is applied, with two real
 * servers: the compare lists them with their fixes, a job that would break one is refused
 * with nothing moved, and the same job with the fix applied goes through.
 */
class ConstraintConflictIntegrationTests {

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b");

	@Test
	void aClusterWhoseNodeTheRemoteLacksIsRefusedUntilTheNodeIsSelectedToo() {
		create(a, Fixtures.node("ref-01"));
		create(a, Fixtures.cluster("ref-cluster", "ref-01"));

		JsonNode conflict = only(refused(push(Map.of("clusters", List.of("ref-cluster")))), "missing_reference");
		assertThat(conflict.get("on").asString()).isEqualTo("remote");
		assertThat(conflict.at("/also_select/nodes/0").asString()).isEqualTo("ref-01");
		assertThat(conflict.get("fix").asString()).isEqualTo("also select node 'ref-01'");
		assertThat(exists(b, "/api/v1/clusters/ref-cluster")).as("nothing moved").isFalse();

		SyncJobs.complete(a, job(Map.of("clusters", List.of("ref-cluster"), "nodes", List.of("ref-01"))));
		assertThat(exists(b, "/api/v1/clusters/ref-cluster")).isTrue();
	}

	@Test
	void aNodeWhoseSshKeyTheRemoteLacksNamesTheKey() {
		create(a, Fixtures.sshKey("ref-key"));
		create(a, Fixtures.node("keyed-01", "10.61.0.1", "ref-key"));

		JsonNode conflict = only(refused(push(Map.of("nodes", List.of("keyed-01")))), "missing_reference");
		assertThat(conflict.at("/also_select/ssh_keys/0").asString()).isEqualTo("ref-key");
		assertThat(exists(b, "/api/v1/nodes/keyed-01")).isFalse();

		SyncJobs.complete(a, job(Map.of("nodes", List.of("keyed-01"), "ssh_keys", List.of("ref-key"))));
		assertThat(exists(b, "/api/v1/nodes/keyed-01")).isTrue();
	}

	@Test
	void aNodeThatWouldBeInTwoClustersIsRefused() {
		create(a, Fixtures.node("shared-01"));
		SyncJobs.complete(a, job(Map.of("nodes", List.of("shared-01"))));
		create(a, Fixtures.cluster("here-cluster", "shared-01"));
		create(b, Fixtures.cluster("there-cluster", "shared-01"));

		JsonNode conflict = only(refused(push(Map.of("clusters", List.of("here-cluster")))), "node_in_two_clusters");
		assertThat(conflict.get("message").asString()).contains("shared-01", "here-cluster", "there-cluster");
		assertThat(conflict.get("items")).hasSize(3);
		assertThat(exists(b, "/api/v1/clusters/here-cluster")).isFalse();
	}

	@Test
	void twoNodesWithOneAddressAreListedByTheCompareAndRefusedByTheJob() {
		create(a, Fixtures.node("addr-here", "10.62.0.1", null));
		create(b, Fixtures.node("addr-there", "10.62.0.1", null));

		JsonNode listed = SyncJobs.session(a, b.baseUrl()).at("/comparison/constraint_conflicts");
		assertThat(listed.findValuesAsString("type")).contains("duplicate_ip");
		assertThat(listed.findValuesAsString("on")).contains("local", "remote");

		JsonNode conflict = only(refused(push(Map.of("nodes", List.of("addr-here")))), "duplicate_ip");
		assertThat(conflict.get("message").asString()).contains("addr-here", "addr-there", "10.62.0.1");
		assertThat(conflict.has("also_select")).as("neither side has another address for it").isFalse();
		assertThat(exists(b, "/api/v1/nodes/addr-here")).isFalse();
	}

	@Test
	void deletingANodeAClusterStillListsThereIsRefused() {
		create(a, Fixtures.node("gone-01"));
		create(a, Fixtures.cluster("gone-cluster", "gone-01"));
		SyncJobs.complete(a, job(Map.of("nodes", List.of("gone-01"), "clusters", List.of("gone-cluster"))));
		a.operator()
			.put()
			.uri("/api/v1/clusters/gone-cluster")
			.bodyValue(Fixtures.cluster("gone-cluster"))
			.exchange()
			.expectStatus()
			.isOk();
		a.operator().delete().uri("/api/v1/nodes/gone-01").exchange().expectStatus().is2xxSuccessful();

		JsonNode conflict = only(refused(push(Map.of("nodes", List.of("gone-01")))), "broken_reference");
		assertThat(conflict.at("/also_select/clusters/0").asString()).isEqualTo("gone-cluster");
		assertThat(exists(b, "/api/v1/nodes/gone-01")).isTrue();

		SyncJobs.complete(a, job(Map.of("nodes", List.of("gone-01"), "clusters", List.of("gone-cluster"))));
		assertThat(exists(b, "/api/v1/nodes/gone-01")).isFalse();
	}

	private static List<ServerSentEvent<JsonNode>> push(Map<String, Object> selection) {
		return SyncJobs.run(a, job(selection));
	}

	private static Map<String, Object> job(Map<String, ?> selection) {
		return Map.of("session_id", SyncJobs.session(a, b.baseUrl()).get("session_id").asString(), "selection",
				selection, "direction", "push");
	}

	/** The constraint conflicts of a job that was refused for them. */
	private static JsonNode refused(List<ServerSentEvent<JsonNode>> events) {
		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).as("%s", end.data()).isEqualTo("failed");
		assertThat(end.data().at("/problem/code").asString()).isEqualTo("constraint-conflicts");
		return end.data().get("constraint_conflicts");
	}

	private static JsonNode only(JsonNode conflicts, String type) {
		assertThat(conflicts.findValuesAsString("type")).as("%s", conflicts).containsExactly(type);
		return conflicts.get(0);
	}

	private static boolean exists(TestServer server, String path) {
		return server.operator().get().uri(path).exchange().returnResult(byte[].class).getStatus().is2xxSuccessful();
	}

}
