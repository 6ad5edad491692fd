package org.orchestrator.livesync.sync.internal.history;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.internal.node.Node;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.ServerIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.Items.find;

/**
 * Sync history on two real servers: what a sync changed is recorded where it was applied,
 * with every item before and after, and a rollback on that server alone (the other one
 * stopped) gives back exactly what was there before, refusing to overwrite later changes
 * unless told to.
 */
class HistoryIntegrationTests {

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b");

	@Test
	void aSelectiveSyncIsRecordedOnTheTargetAndItsRollbackRestoresTheStateBeforeWithTheSourceStopped() {
		create(a, Fixtures.node("hist-01", "10.60.0.1", null));
		create(a, Fixtures.node("hist-02", "10.60.0.2", null));
		create(a, Fixtures.node("hist-03", "10.60.0.3", null));
		create(b, Fixtures.node("hist-02", "10.60.1.2", null));
		Map<String, String> before = hashes(b, "hist-01", "hist-02", "hist-03");

		String job = SyncJobs.completeJob(a,
				Map.of("session_id", session(), "selection", Map.of("nodes", List.of("hist-01", "hist-02")),
						"direction", "push", "conflict_policy", "prefer_local"));
		JsonNode entry = entryOf(b, job);
		assertThat(entry.get("operation").asString()).isEqualTo("push");
		assertThat(entry.get("peer_name").asString()).isEqualTo(a.bean(ServerIdentity.class).name());
		assertThat(entry.get("started_by").asString()).isEqualTo("admin");
		assertThat(entry.get("items").asLong()).as("selective: hist-03 was not part of it").isEqualTo(2);

		JsonNode detail = get(b, "/api/v1/sync/history/" + entry.get("id").asString());
		JsonNode created = find(detail.get("items"), "key", "hist-01");
		assertThat(created.get("action").asString()).isEqualTo("created");
		assertThat(created.get("before").isNull()).isTrue();
		assertThat(created.at("/after/ip").asString()).isEqualTo("10.60.0.1");
		JsonNode changed = find(detail.get("items"), "key", "hist-02");
		assertThat(changed.get("action").asString()).isEqualTo("changed");
		JsonNode ip = find(changed.get("changes"), "field", "ip");
		assertThat(ip.get("before").asString()).isEqualTo("10.60.1.2");
		assertThat(ip.get("after").asString()).isEqualTo("10.60.0.2");

		a.stop();
		try {
			JsonNode rollback = rollback(b, entry.get("id").asString(), Map.of());
			assertThat(rollback.at("/restored/nodes").asLong()).isEqualTo(1);
			assertThat(rollback.at("/deleted/nodes").asLong()).isEqualTo(1);
			assertThat(hashes(b, "hist-01", "hist-02", "hist-03")).as("exactly as before the sync").isEqualTo(before);

			JsonNode undo = find(get(b, "/api/v1/sync/history?operation=rollback").get("items"), "rollback_of",
					entry.get("id").asString());
			assertThat(undo.get("id").asString()).isEqualTo(rollback.get("history_id").asString());
			assertThat(
					get(b, "/api/v1/sync/history/" + entry.get("id").asString()).at("/entry/rolled_back_by").asString())
				.isEqualTo(undo.get("id").asString());
			b.operator()
				.post()
				.uri("/api/v1/sync/history/{id}/rollback", entry.get("id").asString())
				.bodyValue(Map.of())
				.exchange()
				.expectStatus()
				.isEqualTo(409);

			// A rollback is an entry too: rolling it back gives the sync's result back.
			rollback(b, undo.get("id").asString(), Map.of());
			assertThat(get(b, "/api/v1/nodes/hist-01").get("ip").asString()).isEqualTo("10.60.0.1");
			assertThat(get(b, "/api/v1/nodes/hist-02").get("ip").asString()).isEqualTo("10.60.0.2");
		}
		finally {
			a.start();
		}
	}

	@Test
	void aRollbackOverALaterChangeIsRefusedAndChangesNothingUnlessForcedOrKept() {
		create(a, Fixtures.node("later-01", "10.61.0.1", null));
		create(a, Fixtures.node("later-02", "10.61.0.2", null));
		String job = SyncJobs.completeJob(a, Map.of("session_id", session(), "selection",
				Map.of("nodes", List.of("later-01", "later-02")), "direction", "push"));
		String id = entryOf(b, job).get("id").asString();
		Node edited = Fixtures.node("later-01", "10.61.9.1", null);
		b.operator().put().uri("/api/v1/nodes/later-01").bodyValue(edited).exchange().expectStatus().isOk();
		Map<String, String> afterEdit = hashes(b, "later-01", "later-02");

		b.operator()
			.post()
			.uri("/api/v1/sync/history/{id}/rollback", id)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("rollback-conflicts")
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).contains("nodes 'later-01'"));
		assertThat(hashes(b, "later-01", "later-02")).as("nothing rolled back").isEqualTo(afterEdit);

		JsonNode preview = rollback(b, id, Map.of("dry_run", true));
		assertThat(preview.get("dry_run").asBoolean()).isTrue();
		assertThat(preview.get("history_id").isNull()).isTrue();
		assertThat(preview.get("conflict_count").asLong()).isEqualTo(1);
		assertThat(preview.at("/conflicts/0/key").asString()).isEqualTo("later-01");
		assertThat(preview.at("/conflicts/0/current_hash").asString()).isEqualTo(afterEdit.get("later-01"));
		assertThat(hashes(b, "later-01", "later-02")).as("a dry run changes nothing").isEqualTo(afterEdit);

		JsonNode kept = rollback(b, id, Map.of("keep", List.of(Map.of("kind", "nodes", "key", "later-01"))));
		assertThat(kept.at("/kept/nodes").asLong()).isEqualTo(1);
		assertThat(kept.at("/deleted/nodes").asLong()).isEqualTo(1);
		assertThat(get(b, "/api/v1/nodes/later-01").get("ip").asString()).as("kept as edited").isEqualTo("10.61.9.1");
		b.operator().get().uri("/api/v1/nodes/later-02").exchange().expectStatus().isNotFound();
	}

	@Test
	void forceOverwritesTheLaterChange() {
		create(a, Fixtures.node("force-01", "10.62.0.1", null));
		String job = SyncJobs.completeJob(a, Map.of("session_id", session(), "selection",
				Map.of("nodes", List.of("force-01")), "direction", "push"));
		String id = entryOf(b, job).get("id").asString();
		b.operator()
			.put()
			.uri("/api/v1/nodes/force-01")
			.bodyValue(Fixtures.node("force-01", "10.62.9.1", null))
			.exchange()
			.expectStatus()
			.isOk();

		JsonNode forced = rollback(b, id, Map.of("force", true));
		assertThat(forced.get("conflict_count").asLong()).isEqualTo(1);
		b.operator().get().uri("/api/v1/nodes/force-01").exchange().expectStatus().isNotFound();
	}

	@Test
	void aPullIsRecordedHereAndAClusterWithItsKeyComesBackWholeWhenItsRollbackIsRolledBack() {
		create(b, Fixtures.sshKey("pulled-key"));
		create(b, Fixtures.node("pulled-01", "10.63.0.1", "pulled-key"));
		create(b, Fixtures.cluster("pulled-cluster", "pulled-01"));
		Map<String, Object> selection = Map.of("nodes", List.of("pulled-01"), "clusters", List.of("pulled-cluster"),
				"ssh_keys", List.of("pulled-key"));
		String job = SyncJobs.completeJob(a,
				Map.of("session_id", session(), "selection", selection, "direction", "pull"));
		JsonNode entry = entryOf(a, job);
		assertThat(entry.get("operation").asString()).isEqualTo("pull");
		assertThat(entry.get("items").asLong()).isEqualTo(3);
		Map<String, String> pulled = Map.of("key", hashOf(a, "/api/v1/ssh-keys/pulled-key"), "cluster",
				hashOf(a, "/api/v1/clusters/pulled-cluster"));

		String detail = a.operator()
			.get()
			.uri("/api/v1/sync/history/" + entry.get("id").asString())
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(detail).contains("\"has_private_key\":true")
			.doesNotContain("PRIVATE KEY")
			.doesNotContain("private_key_ciphertext");

		JsonNode undo = rollback(a, entry.get("id").asString(), Map.of());
		a.operator().get().uri("/api/v1/clusters/pulled-cluster").exchange().expectStatus().isNotFound();
		a.operator().get().uri("/api/v1/ssh-keys/pulled-key").exchange().expectStatus().isNotFound();

		rollback(a, undo.get("history_id").asString(), Map.of());
		assertThat(hashOf(a, "/api/v1/ssh-keys/pulled-key")).isEqualTo(pulled.get("key"));
		assertThat(hashOf(a, "/api/v1/clusters/pulled-cluster")).isEqualTo(pulled.get("cluster"));
		assertThat(get(a, "/api/v1/clusters/pulled-cluster").at("/nodes/0/hostname").asString()).isEqualTo("pulled-01");
	}

	@Test
	void badRequestsAreProblems() {
		b.operator().get().uri("/api/v1/sync/history?operation=sideways").exchange().expectStatus().isBadRequest();
		b.operator().get().uri("/api/v1/sync/history?size=0").exchange().expectStatus().isBadRequest();
		b.operator()
			.get()
			.uri("/api/v1/sync/history/00000000-0000-0000-0000-000000000000")
			.exchange()
			.expectStatus()
			.isNotFound();
		b.operator().get().uri("/api/v1/sync/history/not-a-uuid").exchange().expectStatus().isBadRequest();
		b.operator()
			.post()
			.uri("/api/v1/sync/history/00000000-0000-0000-0000-000000000000/rollback")
			.bodyValue(Map.of("dry_run", "yes please"))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private static JsonNode rollback(TestServer server, String id, Map<String, ?> request) {
		return server.operator()
			.post()
			.uri("/api/v1/sync/history/{id}/rollback", id)
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/** The history entry of a job on {@code server}. */
	private static JsonNode entryOf(TestServer server, String job) {
		JsonNode entries = get(server, "/api/v1/sync/history?job=" + job).get("items");
		assertThat(entries).as("the entry of job %s", job).hasSize(1);
		return entries.get(0);
	}

	private static Map<String, String> hashes(TestServer server, String... hostnames) {
		Map<String, String> hashes = new HashMap<>();
		for (String hostname : hostnames) {
			JsonNode node = server.operator()
				.get()
				.uri("/api/v1/nodes/" + hostname)
				.exchange()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			hashes.put(hostname,
					(node != null && node.has("content_hash")) ? node.get("content_hash").asString() : "absent");
		}
		return hashes;
	}

	private static String hashOf(TestServer server, String path) {
		return get(server, path).get("content_hash").asString();
	}

	private static JsonNode get(TestServer server, String path) {
		return server.operator().get().uri(path).exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	private static String session() {
		return SyncJobs.session(a, b.baseUrl()).get("session_id").asString();
	}

}
