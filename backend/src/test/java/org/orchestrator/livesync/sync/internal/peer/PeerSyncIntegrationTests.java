package org.orchestrator.livesync.sync.internal.peer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.inventory.internal.sshkey.SshKeyService;
import org.orchestrator.livesync.security.PeerSessions;
import org.orchestrator.livesync.security.TokenService;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.Items.find;
import static org.orchestrator.livesync.support.Items.keys;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * Two real servers, A and B, syncing through the peer API, driven the way a peer drives
 * it.
 */
class PeerSyncIntegrationTests {

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b");

	/** Same data, another password. */
	@RegisterExtension
	static TestServer stranger = new TestServer().with("SYNC_PASSWORD", "another-password");

	/** No SYNC_PASSWORD at all. */
	@RegisterExtension
	static TestServer closed = new TestServer();

	static String idA;

	static String idB;

	@BeforeAll
	static void identities() {
		idA = Peers.serverId(a);
		idB = Peers.serverId(b);
	}

	@Test
	void connectsOnlyWithTheRightPassword() {
		JsonNode connected = a.anonymous()
			.post()
			.uri("/api/v1/sync/connect")
			.bodyValue(Map.of("server_id", idB, "password", Peers.SYNC_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(connected.get("success").asBoolean()).isTrue();
		assertThat(connected.get("token").asString()).isNotBlank();
		assertThat(connected.get("session_id").asString()).isNotBlank();
		assertThat(connected.get("expires_in").asLong()).isEqualTo(3600);
		assertThat(connected.at("/server_info/server_id").asString()).isEqualTo(idA);
		assertThat(connected.at("/server_info/name").asString()).isEqualTo("a");

		problem(a.anonymous()
			.post()
			.uri("/api/v1/sync/connect")
			.bodyValue(Map.of("server_id", idB, "password", "guess"))
			.exchange(), 401, "bad-sync-password");
		problem(a.anonymous().post().uri("/api/v1/sync/connect").bodyValue(Map.of("server_id", idB)).exchange(), 401,
				"bad-sync-password");
		problem(closed.anonymous()
			.post()
			.uri("/api/v1/sync/connect")
			.bodyValue(Map.of("server_id", idB, "password", Peers.SYNC_PASSWORD))
			.exchange(), 403, "sync-not-configured");
	}

	@Test
	void servesTheInventoryAsJsonAndNdjsonWithoutPrivateKeys() {
		a.operator()
			.post()
			.uri("/api/v1/ssh-keys")
			.bodyValue(Fixtures.sshKey("inv-key"))
			.exchange()
			.expectStatus()
			.isCreated();
		a.operator()
			.post()
			.uri("/api/v1/nodes")
			.bodyValue(Fixtures.node("inv-node", "10.2.0.1", "inv-key"))
			.exchange()
			.expectStatus()
			.isCreated();
		Peers.Session session = Peers.connect(a, idB);
		JsonNode inventory = session.inventory();
		assertThat(inventory.at("/metadata/server_id").asString()).isEqualTo(idA);
		JsonNode key = find(inventory.get("ssh_keys"), "name", "inv-key");
		assertThat(key.get("fingerprint").asString()).startsWith("SHA256:");
		assertThat(key.get("private_key_fingerprint").asString()).startsWith("SHA256:");
		assertThat(key.has("private_key")).isFalse();
		assertThat(inventory.toString()).doesNotContain("PRIVATE KEY");
		assertThat(find(inventory.get("nodes"), "hostname", "inv-node").get("content_hash").asString()).hasSize(64);
		assertThat(inventory.at("/stats/nodes").asLong()).isEqualTo(inventory.get("nodes").size());

		List<String> lines = session.client()
			.get()
			.uri("/api/v1/sync/inventory")
			.accept(MediaType.APPLICATION_NDJSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()
			.lines()
			.toList();
		assertThat(lines.get(0)).contains("\"type\":\"metadata\"").contains(idA);
		assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"stats\"");
		assertThat(lines).anyMatch((line) -> line.contains("\"type\":\"node\"") && line.contains("inv-node"));
		assertThat(lines.size()).isEqualTo(2 + inventory.at("/stats/total").asInt());
		assertThat(String.join("\n", lines)).doesNotContain("PRIVATE KEY");
	}

	@Test
	void comparesWithEveryStatusAndFieldChanges() {
		create(a, Fixtures.node("cmp-same"));
		create(b, Fixtures.node("cmp-same"));
		create(a, Fixtures.node("cmp-diff", "192.168.1.11", null));
		create(b, Fixtures.node("cmp-diff", "192.168.1.12", null));
		create(a, Fixtures.node("cmp-only-a"));
		create(b, Fixtures.node("cmp-only-b"));
		JsonNode comparison = Peers.connect(a, idB).compare(Peers.connect(b, idA).inventory());
		assertThat(keys(comparison.at("/nodes/identical"))).contains("cmp-same");
		assertThat(keys(comparison.at("/nodes/missing_on_remote"))).contains("cmp-only-a");
		assertThat(keys(comparison.at("/nodes/missing_on_local"))).contains("cmp-only-b");
		JsonNode different = find(comparison.at("/nodes/different"), "key", "cmp-diff");
		assertThat(different.get("changed_on").asString()).isEqualTo("unknown");
		assertThat(different.get("changes")).hasSize(1);
		assertThat(different.at("/changes/0/field").asString()).isEqualTo("ip");
		assertThat(different.at("/changes/0/local").asString()).isEqualTo("192.168.1.11");
		assertThat(different.at("/changes/0/remote").asString()).isEqualTo("192.168.1.12");
		assertThat(comparison.at("/summary/total").asLong()).isGreaterThanOrEqualTo(4);

		// The same compare with B's inventory streamed as NDJSON.
		String lines = Peers.connect(b, idA)
			.client()
			.get()
			.uri("/api/v1/sync/inventory")
			.accept(MediaType.APPLICATION_NDJSON)
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		JsonNode streamed = Peers.connect(a, idB)
			.client()
			.post()
			.uri("/api/v1/sync/compare")
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue(lines)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("comparison");
		assertThat(streamed.get("summary")).isEqualTo(comparison.get("summary"));
		assertThat(streamed.at("/nodes/different")).isEqualTo(comparison.at("/nodes/different"));
		problem(Peers.connect(a, idB)
			.client()
			.post()
			.uri("/api/v1/sync/compare")
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"type\":\"node\",\"hostname\":\"x\"}\n")
			.exchange(), 400, "validation");
	}

	@Test
	void refusesNumbersAndBooleansForKeysAndTextFieldsOfComparedItems() {
		Peers.Session session = Peers.connect(a, idB);
		var scope = problem(
				session.client().post().uri("/api/v1/sync/hashes").bodyValue(Map.of("nodes", List.of(7))).exchange(),
				400, "validation");
		assertThat(scope.errors()).extracting("field", "message")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("nodes", "must list keys as strings"));

		ObjectNode inventory = (ObjectNode) Peers.connect(b, idA).inventory();
		ObjectNode node = TestServer.JSON.valueToTree(Fixtures.node("typed-remote"));
		node.put("content_hash", "0".repeat(64));
		node.put("ip", 10);
		node.withObject("wol").put("mac", true);
		inventory.withArray("nodes").add(node);
		var document = problem(session.client()
			.post()
			.uri("/api/v1/sync/compare")
			.bodyValue(Map.of("remote_inventory", inventory))
			.exchange(), 400, "validation");
		int at = inventory.get("nodes").size() - 1;
		assertThat(document.errors()).extracting("field")
			.containsExactlyInAnyOrder("remote_inventory.nodes[" + at + "].ip",
					"remote_inventory.nodes[" + at + "].wol.mac");

		ObjectNode metadata = ((ObjectNode) inventory.get("metadata")).deepCopy().put("type", "metadata");
		String cluster = "{\"type\":\"cluster\",\"name\":\"c\",\"content_hash\":\"" + "0".repeat(64)
				+ "\",\"nodes\":[{\"hostname\":1}]}";
		var lines = problem(session.client()
			.post()
			.uri("/api/v1/sync/compare")
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue(metadata + "\n" + cluster + "\n")
			.exchange(), 400, "validation");
		assertThat(lines.errors()).extracting("field").containsExactly("[1].nodes[0].hostname");
	}

	@Test
	void transfersOnlyTheSelectionWithAUsablePrivateKeyAndRecordsBasesOnBothSides() {
		create(a, Fixtures.sshKey("sel-key"));
		create(a, Fixtures.node("sel-01", "10.3.0.1", "sel-key"));
		create(a, Fixtures.node("sel-02"));
		create(a, Fixtures.node("sel-not-selected"));
		create(a, Fixtures.cluster("sel-cluster", "sel-01", "sel-02"));
		create(a, Fixtures.configuration("sel-config"));
		JsonNode result = sync(Map.of("nodes", List.of("sel-01", "sel-02"), "clusters", List.of("sel-cluster"),
				"ssh_keys", List.of("sel-key"), "configurations", List.of("sel-config")));
		assertThat(result.get("success").asBoolean()).isTrue();
		assertThat(result.at("/applied/nodes").asLong()).isEqualTo(2);
		assertThat(result.at("/applied/clusters").asLong()).isEqualTo(1);
		assertThat(result.at("/applied/ssh_keys").asLong()).isEqualTo(1);
		assertThat(result.get("errors")).isEmpty();
		assertThat(result.get("replayed").asBoolean()).isFalse();

		b.operator().get().uri("/api/v1/nodes/sel-01").exchange().expectStatus().isOk();
		b.operator()
			.get()
			.uri("/api/v1/clusters/sel-cluster")
			.exchange()
			.expectBody()
			.jsonPath("$.nodes.length()")
			.isEqualTo(2);
		b.operator().get().uri("/api/v1/nodes/sel-not-selected").exchange().expectStatus().isNotFound();
		assertThat(b.bean(SshKeyService.class).privateKey("sel-key").block())
			.isEqualTo(Fixtures.resource("ssh/test_ed25519"));

		JsonNode fromB = Peers.connect(b, idA).compare(Peers.connect(a, idB).inventory());
		JsonNode fromA = Peers.connect(a, idB).compare(Peers.connect(b, idA).inventory());
		for (JsonNode comparison : List.of(fromA, fromB)) {
			assertThat(keys(comparison.at("/nodes/identical"))).contains("sel-01", "sel-02");
			assertThat(keys(comparison.at("/clusters/identical"))).contains("sel-cluster");
			assertThat(keys(comparison.at("/ssh_keys/identical"))).contains("sel-key");
			assertThat(keys(comparison.at("/configurations/identical"))).contains("sel-config");
		}
		assertThat(keys(fromA.at("/nodes/missing_on_remote"))).contains("sel-not-selected");
	}

	@Test
	void detectsARealConflictAfterAPriorSync() {
		create(a, Fixtures.node("conf-01", "10.4.0.1", null));
		sync(Map.of("nodes", List.of("conf-01")));
		a.operator()
			.put()
			.uri("/api/v1/nodes/conf-01")
			.bodyValue(Fixtures.node("conf-01", "10.4.0.2", null))
			.exchange()
			.expectStatus()
			.isOk();
		b.operator()
			.put()
			.uri("/api/v1/nodes/conf-01")
			.bodyValue(Fixtures.node("conf-01", "10.4.0.3", null))
			.exchange()
			.expectStatus()
			.isOk();
		JsonNode onB = find(Peers.connect(b, idA).compare(Peers.connect(a, idB).inventory()).at("/nodes/conflict"),
				"key", "conf-01");
		assertThat(onB.get("changed_on").asString()).isEqualTo("both");
		assertThat(onB.get("base_hash").asString()).hasSize(64);
		assertThat(onB.at("/changes/0/local").asString()).isEqualTo("10.4.0.3");
		JsonNode onA = find(Peers.connect(a, idB).compare(Peers.connect(b, idA).inventory()).at("/nodes/conflict"),
				"key", "conf-01");
		assertThat(onA.at("/changes/0/local").asString()).isEqualTo("10.4.0.2");

		// One side only: "different", and the compare says which side changed.
		create(a, Fixtures.node("conf-02", "10.4.1.1", null));
		sync(Map.of("nodes", List.of("conf-02")));
		b.operator()
			.put()
			.uri("/api/v1/nodes/conf-02")
			.bodyValue(Fixtures.node("conf-02", "10.4.1.9", null))
			.exchange()
			.expectStatus()
			.isOk();
		JsonNode different = find(
				Peers.connect(a, idB).compare(Peers.connect(b, idA).inventory()).at("/nodes/different"), "key",
				"conf-02");
		assertThat(different.get("changed_on").asString()).isEqualTo("remote");

		// Deleted on one side after a sync: a deletion, which syncs as one.
		a.operator().delete().uri("/api/v1/nodes/conf-02").exchange().expectStatus().isNoContent();
		b.operator()
			.put()
			.uri("/api/v1/nodes/conf-02")
			.bodyValue(Fixtures.node("conf-02", "10.4.1.1", null))
			.exchange()
			.expectStatus()
			.isOk();
		JsonNode comparison = Peers.connect(a, idB).compare(Peers.connect(b, idA).inventory());
		assertThat(keys(comparison.at("/nodes/deleted_on_local"))).contains("conf-02");
		JsonNode deletion = sync(Map.of("nodes", List.of("conf-02")));
		assertThat(deletion.at("/deleted/nodes").asLong()).isEqualTo(1);
		b.operator().get().uri("/api/v1/nodes/conf-02").exchange().expectStatus().isNotFound();
	}

	@Test
	void appliesTheSamePackageOnlyOnce() {
		create(a, Fixtures.node("replay-01"));
		Peers.Session onA = Peers.connect(a, idB);
		JsonNode pack = onA.pack(Map.of("nodes", List.of("replay-01")));
		Peers.connect(b, idA).receive(pack).expectStatus().isOk();
		long seq = b.operator()
			.get()
			.uri("/api/v1/nodes/replay-01")
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("change_seq")
			.asLong();
		b.operator()
			.put()
			.uri("/api/v1/nodes/replay-01")
			.bodyValue(Fixtures.node("replay-01", "10.5.0.9", null))
			.exchange()
			.expectStatus()
			.isOk();
		JsonNode again = Peers.connect(b, idA)
			.receive(pack)
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(again.get("replayed").asBoolean()).isTrue();
		JsonNode node = b.operator()
			.get()
			.uri("/api/v1/nodes/replay-01")
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(node.get("ip").asString()).isEqualTo("10.5.0.9");
		assertThat(node.get("change_seq").asLong()).isGreaterThan(seq);
	}

	@Test
	void refusesTamperedPackagesAndWrongPasswordsChangingNothing() {
		create(a, Fixtures.node("tamper-01"));
		JsonNode pack = Peers.connect(a, idB).pack(Map.of("nodes", List.of("tamper-01")));

		byte[] payload = Base64.getDecoder().decode(pack.get("payload").asString());
		payload[payload.length / 2] ^= 0x01;
		ObjectNode flipped = ((ObjectNode) pack).deepCopy();
		flipped.put("payload", Base64.getEncoder().encodeToString(payload));
		var rejected = problem(Peers.connect(b, idA).receive(flipped), 422, "package-rejected");
		assertThat(rejected.detail()).contains("does not decrypt");

		ObjectNode relabelled = ((ObjectNode) pack).deepCopy();
		relabelled.put("items", 2);
		problem(Peers.connect(b, idA).receive(relabelled), 422, "package-rejected");

		var wrongPassword = problem(Peers.connect(stranger, idA, "another-password").receive(pack), 422,
				"package-rejected");
		assertThat(wrongPassword.detail()).contains("SYNC_PASSWORD");
		b.operator().get().uri("/api/v1/nodes/tamper-01").exchange().expectStatus().isNotFound();
		stranger.operator().get().uri("/api/v1/nodes/tamper-01").exchange().expectStatus().isNotFound();
	}

	@Test
	void refusesAPackageWithAMissingReferenceNamingIt() {
		create(a, Fixtures.node("ref-01"));
		create(a, Fixtures.node("ref-02"));
		create(a, Fixtures.cluster("ref-cluster", "ref-01", "ref-02"));
		create(a, Fixtures.configuration("ref-config"));
		JsonNode pack = Peers.connect(a, idB)
			.pack(Map.of("clusters", List.of("ref-cluster"), "configurations", List.of("ref-config")));
		var problem = problem(Peers.connect(b, idA).receive(pack), 422, "missing-reference");
		assertThat(problem.detail()).contains("cluster 'ref-cluster' lists node 'ref-01', which does not exist");
		b.operator().get().uri("/api/v1/clusters/ref-cluster").exchange().expectStatus().isNotFound();
		b.operator().get().uri("/api/v1/configurations/ref-config").exchange().expectStatus().isNotFound();
	}

	@Test
	void refusesUnknownSelectionsAndMismatchedSessions() {
		Peers.Session session = Peers.connect(a, idB);
		problem(session.transfer(Map.of("nodes", List.of("no-such-node"))), 404, "not-found");
		problem(session.transfer(Map.of("nodes", List.of("Bad_Name"))), 400, "validation");
		problem(session.transfer(Map.of()), 400, "validation");
		problem(session.client()
			.post()
			.uri("/api/v1/sync/transfer")
			.bodyValue(Map.of("session_id", "another-session", "items", Map.of("nodes", List.of("x"))))
			.exchange(), 403, "wrong-session");
	}

	@Test
	void refusesEndedSessionsAndTheWrongKindOfToken() {
		create(a, Fixtures.node("token-01"));
		Peers.Session onB = Peers.connect(b, idA);
		onB.receive(Peers.connect(a, idB).pack(Map.of("nodes", List.of("token-01")))).expectStatus().isOk();
		var ended = problem(onB.client().get().uri("/api/v1/sync/inventory").exchange(), 401, "unauthorized");
		assertThat(ended.detail()).contains("session has ended");

		PeerSessions.PeerSession expiring = a.bean(PeerSessions.class).open(idB, Duration.ofSeconds(-1)).block();
		String expiredToken = a.bean(TokenService.class)
			.issue(TokenService.Audience.PEER, idB, expiring.sessionId(), Duration.ofHours(1));
		problem(withToken(a, expiredToken).get().uri("/api/v1/sync/inventory").exchange(), 401, "unauthorized");

		Peers.Session peer = Peers.connect(a, idB);
		problem(peer.client().get().uri("/api/v1/nodes").exchange(), 403, "wrong-token");
		problem(a.operator().get().uri("/api/v1/sync/inventory").exchange(), 403, "wrong-token");
		problem(a.anonymous().get().uri("/api/v1/sync/inventory").exchange(), 401, "unauthorized");
	}

	/** A→B the way a puller does it: package from A, applied on B, confirmed to A. */
	private static JsonNode sync(Map<String, List<String>> items) {
		Peers.Session onA = Peers.connect(a, idB);
		JsonNode pack = onA.pack(items);
		JsonNode result = Peers.connect(b, idA)
			.receive(pack)
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		onA.confirm(pack.get("package_id").asString()).expectStatus().isOk();
		return result;
	}

	private static WebTestClient withToken(TestServer server, String token) {
		return server.anonymous().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
	}

}
