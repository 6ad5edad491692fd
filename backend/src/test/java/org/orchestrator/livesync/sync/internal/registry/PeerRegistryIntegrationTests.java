package org.orchestrator.livesync.sync.internal.registry;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.Problem;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * Registered peers: a remote named once, with a sync password of its own kept encrypted,
 * picked by name for sessions and shown with its last contact, replication state and last
 * job.
 */
class PeerRegistryIntegrationTests {

	private static final String REMOTE_PASSWORD = "the-remote-has-its-own";

	@RegisterExtension
	static TestServer local = Peers.server("local");

	/**
	 * A remote whose sync password is not the local server's: only the peer's one opens
	 * it.
	 */
	@RegisterExtension
	static TestServer remote = new TestServer().with("SYNC_PASSWORD", REMOTE_PASSWORD).with("SERVER_NAME", "remote");

	@Test
	void aPeerPickedByNameConnectsWithItsOwnPasswordAndShowsItsStateAndLastJob() {
		JsonNode created = local.operator()
			.post()
			.uri("/api/v1/sync/peers")
			.bodyValue(Map.of("name", "remote-site", "url", remote.baseUrl() + "/", "password", REMOTE_PASSWORD))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/v1/sync/peers/remote-site")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(created.get("url").asString()).as("normalized").isEqualTo(remote.baseUrl());
		assertThat(created.get("has_password").asBoolean()).isTrue();
		assertThat(created.has("password")).isFalse();
		assertThat(created.at("/replication/state").asString()).isEqualTo("none");
		assertThat(created.get("last_contact_at").isNull()).isTrue();
		String stored = local.bean(DatabaseClient.class)
			.sql("SELECT password_secret FROM sync_peers WHERE name = 'remote-site'")
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		assertThat(stored).isNotBlank().doesNotContain(REMOTE_PASSWORD);

		create(local, Fixtures.node("peer-01"));
		JsonNode session = SyncJobs.session(local, Map.of("peer", "remote-site"));
		assertThat(session.at("/remote/url").asString()).isEqualTo(remote.baseUrl());
		SyncJobs.complete(local, Map.of("session_id", session.get("session_id").asString(), "selection", "all"));

		JsonNode peer = get("remote-site");
		assertThat(peer.get("server_name").asString()).isEqualTo("remote");
		assertThat(peer.get("server_id").asString()).isEqualTo(session.at("/remote/server_id").asString());
		assertThat(peer.get("last_contact_at").isNull()).isFalse();
		assertThat(peer.at("/last_job/status").asString()).isEqualTo("completed");
		assertThat(peer.at("/last_job/direction").asString()).isEqualTo("push");
		assertThat(peer.at("/replication/state").asString()).isEqualTo("checkpoint");
		assertThat(local.operator()
			.get()
			.uri("/api/v1/sync/peers")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("\"remote-site\"").doesNotContain(REMOTE_PASSWORD);

		// Without its own password the peer gets this server's, which the remote refuses.
		local.operator()
			.put()
			.uri("/api/v1/sync/peers/remote-site")
			.bodyValue(Map.of("url", remote.baseUrl(), "password", ""))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(get("remote-site").get("has_password").asBoolean()).isFalse();
		assertThat(get("remote-site").get("server_id").isNull()).as("same URL: what was learned stays").isFalse();
		problem(local.operator()
			.post()
			.uri("/api/v1/sync/sessions")
			.bodyValue(Map.of("peer", "remote-site"))
			.exchange(), 422, "remote-rejected-password");
		// A password left out keeps the stored one.
		put("remote-site", Map.of("url", remote.baseUrl(), "password", REMOTE_PASSWORD));
		put("remote-site", Map.of("url", remote.baseUrl()));
		assertThat(SyncJobs.session(local, Map.of("peer", "remote-site")).get("session_id").asString()).isNotBlank();

		String audit = local.operator()
			.get()
			.uri("/api/v1/audit?action=peer_saved")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(audit).contains("remote-site").contains("\"kept\"").doesNotContain(REMOTE_PASSWORD);
	}

	@Test
	void badPeersAreRefusedNamingEveryBadField() {
		Problem problem = invalidField(post(Map.of("name", "Bad_Name", "url", "http://h:1")), "name");
		assertThat(problem.errors()).hasSize(1);
		invalidField(post(Map.of("name", "ok", "url", "ftp://h")), "url");
		Map<String, Object> both = new HashMap<>(Map.of("name", "pinned", "url", "http://h:1"));
		both.put("fingerprint", "AB".repeat(32));
		invalidField(post(both), "fingerprint");
		both.put("fingerprint", "not hex");
		both.put("url", "https://h:1");
		invalidField(post(both), "fingerprint");
		invalidField(post(Map.of("name", "long", "url", "http://h:1", "password", "x".repeat(1025))), "password");
		problem(post(Map.of("name", "ok", "url", "http://h:1", "extra", 1)), 400, "validation");
		assertThat(local.rows("sync_peers WHERE name IN ('ok', 'pinned', 'long')")).isZero();

		post(Map.of("name", "twice", "url", "http://h:1")).expectStatus().isCreated();
		problem(post(Map.of("name", "twice", "url", "http://h:2")), 409, "conflict");
		problem(local.operator().get().uri("/api/v1/sync/peers/nope").exchange(), 404, "not-found");
		problem(local.operator().post().uri("/api/v1/sync/sessions").bodyValue(Map.of("peer", "nope")).exchange(), 404,
				"not-found");
		invalidField(local.operator()
			.post()
			.uri("/api/v1/sync/sessions")
			.bodyValue(Map.of("peer", "twice", "remote_url", "http://h:1"))
			.exchange(), "remote_url");
		local.operator().delete().uri("/api/v1/sync/peers/twice").exchange().expectStatus().isNoContent();
		problem(local.operator().delete().uri("/api/v1/sync/peers/twice").exchange(), 404, "not-found");
		local.anonymous().get().uri("/api/v1/sync/peers").exchange().expectStatus().isUnauthorized();
	}

	private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(Map<String, ?> body) {
		return local.operator().post().uri("/api/v1/sync/peers").bodyValue(body).exchange();
	}

	private static void put(String name, Map<String, ?> body) {
		local.operator().put().uri("/api/v1/sync/peers/" + name).bodyValue(body).exchange().expectStatus().isOk();
	}

	private static JsonNode get(String name) {
		return local.getJson("/api/v1/sync/peers/" + name);
	}

}
