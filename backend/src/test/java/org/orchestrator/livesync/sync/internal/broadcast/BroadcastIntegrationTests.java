package org.orchestrator.livesync.sync.internal.broadcast;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.JobStreams;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * A broadcast from one server to three peers, one of them down: the two that answer get
 * the selection, verified, the third is reported failed, and one stream tells it all.
 */
class BroadcastIntegrationTests {

	@RegisterExtension
	static TestServer hub = Peers.server("hub").with("SYNC_BROADCAST_PARALLELISM", "2");

	@RegisterExtension
	static TestServer east = Peers.server("east");

	@RegisterExtension
	static TestServer west = Peers.server("west");

	@BeforeAll
	static void peers() {
		register("east", east.baseUrl());
		register("west", west.baseUrl());
		// Nothing listens there.
		register("down", "http://127.0.0.1:" + Peers.freePort());
		create(hub, Fixtures.node("bc-01"));
		create(hub, Fixtures.node("bc-02"));
	}

	@Test
	void aPeerThatIsDownFailsAloneAndTheOthersComplete() {
		JsonNode started = start(Map.of("peers", List.of("east", "down", "west"), "selection", "all"));
		List<ServerSentEvent<JsonNode>> events = JobStreams.stream(hub, started.get("events_url").asString(), null);

		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).isEqualTo("finished");
		assertThat(end.data().get("completed").asLong()).isEqualTo(2);
		assertThat(end.data().get("failed").asLong()).isEqualTo(1);
		assertThat(events).filteredOn((event) -> "progress".equals(event.event()))
			.extracting((event) -> event.data().get("peer").asString())
			.contains("east", "west");
		assertThat(events).filteredOn((event) -> "peer".equals(event.event()))
			.extracting((event) -> event.data().at("/peer/peer").asString() + ":"
					+ event.data().at("/peer/status").asString())
			.contains("down:failed", "east:running", "east:completed", "west:completed");

		JsonNode view = hub.getJson("/api/v1/sync/broadcasts/" + started.get("broadcast_id").asString());
		assertThat(view.get("status").asString()).isEqualTo("failed");
		for (JsonNode peer : view.get("peers")) {
			switch (peer.get("peer").asString()) {
				case "down" -> {
					assertThat(peer.get("status").asString()).isEqualTo("failed");
					assertThat(peer.at("/problem/code").asString()).isEqualTo("remote-unreachable");
				}
				default -> {
					assertThat(peer.get("status").asString()).as("%s", peer).isEqualTo("completed");
					assertThat(peer.at("/result/verified").asBoolean()).isTrue();
					assertThat(peer.at("/result/applied/nodes").asLong()).isEqualTo(2);
				}
			}
		}
		for (TestServer target : List.of(east, west)) {
			target.operator().get().uri("/api/v1/nodes/bc-02").exchange().expectStatus().isOk();
		}
		// Each peer's job is a normal job of the hub.
		assertThat(hub.rows("sync_jobs WHERE started_by = 'admin' AND status = 'completed'")).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aBroadcastNamesRegisteredPeersAndAValidSelection() {
		invalidField(post(Map.of("peers", List.of("east", "nowhere"), "selection", "all")), "peers");
		invalidField(post(Map.of("peers", List.of(), "selection", "all")), "peers");
		problem(post(Map.of("peers", List.of("east"), "selection", Map.of("gadgets", "all"))), 400, "validation");
		problem(hub.operator().get().uri("/api/v1/sync/broadcasts/not-an-id").exchange(), 404, "not-found");
		problem(hub.operator().get().uri("/api/v1/sync/broadcasts/0b9a5c7e-1f2d-4c3b-9a8e-7d6c5b4a3f21").exchange(),
				404, "not-found");
		hub.anonymous().get().uri("/api/v1/sync/broadcasts/x").exchange().expectStatus().isUnauthorized();
	}

	private static JsonNode start(Map<String, ?> request) {
		return post(request).expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(
			Map<String, ?> request) {
		return hub.operator().post().uri("/api/v1/sync/broadcasts").bodyValue(request).exchange();
	}

	private static void register(String name, String url) {
		hub.operator()
			.post()
			.uri("/api/v1/sync/peers")
			.bodyValue(Map.of("name", name, "url", url))
			.exchange()
			.expectStatus()
			.isCreated();
	}

}
