package org.orchestrator.livesync.sync.internal.peer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * The change feed and checkpoints as a peer sees them: the state is current only for the
 * checkpoint both hold, the feed lists what changed after it, and bad input is a 400.
 */
class PeerReplicationIntegrationTests {

	@RegisterExtension
	static TestServer server = Peers.server("feed");

	@Test
	void theFeedListsWhatChangedSinceTheCheckpointBothHold() {
		Peers.Session peer = Peers.connect(server, "feed-peer-1");
		JsonNode none = lines(peer, null, null).get(0);
		assertThat(lines(peer, null, null)).as("neither since nor a checkpoint: the metadata alone").hasSize(1);
		assertThat(none.get("type").asString()).isEqualTo("metadata");
		assertThat(none.get("checkpoint").asString()).isEqualTo("none");
		assertThat(none.get("server_id").asString()).isEqualTo(Peers.serverId(server));
		long watermark = none.get("watermark").asLong();

		String id = UUID.randomUUID().toString();
		peer.client()
			.post()
			.uri("/api/v1/sync/checkpoint")
			.bodyValue(Map.of("checkpoint_id", id, "seq", watermark, "peer_seq", 7))
			.exchange()
			.expectStatus()
			.isOk();
		create(server, Fixtures.node("feed-01", "10.70.0.1", null));
		List<JsonNode> current = lines(peer, watermark, id);
		assertThat(current.get(0).get("checkpoint").asString()).isEqualTo("current");
		assertThat(current.get(0).get("watermark").asLong()).isGreaterThan(watermark);
		assertThat(current.subList(1, current.size())).extracting((line) -> line.get("key").asString())
			.containsExactly("feed-01");

		List<JsonNode> window = lines(peer, watermark, null);
		assertThat(window.get(0).get("checkpoint").asString()).isEqualTo("none");
		assertThat(window.subList(1, window.size())).as("without a checkpoint, the window after since")
			.extracting((line) -> line.get("key").asString())
			.containsExactly("feed-01");

		List<JsonNode> stale = lines(peer, watermark, UUID.randomUUID().toString());
		assertThat(stale).hasSize(1);
		assertThat(stale.get(0).get("checkpoint").asString()).isEqualTo("stale");
		assertThat(stale.get(0).get("reason").asString()).contains("restored");
		assertThat(lines(Peers.connect(server, "feed-peer-2"), watermark, id).get(0).get("checkpoint").asString())
			.as("a checkpoint is the state of one pair of servers")
			.isEqualTo("stale");
	}

	@Test
	void badInputIsRefusedWithAProblem() {
		Peers.Session peer = Peers.connect(server, "feed-peer-3");
		problem(peer.client()
			.get()
			.uri("/api/v1/sync/changes?since=1&checkpoint=not-a-uuid")
			.accept(MediaType.APPLICATION_NDJSON)
			.exchange(), 400, "validation");
		problem(peer.client()
			.get()
			.uri("/api/v1/sync/changes?checkpoint=" + UUID.randomUUID())
			.accept(MediaType.APPLICATION_NDJSON)
			.exchange(), 400, "validation");
		problem(peer.client()
			.post()
			.uri("/api/v1/sync/checkpoint")
			.bodyValue(Map.of("checkpoint_id", UUID.randomUUID().toString()))
			.exchange(), 400, "validation");
		problem(peer.client()
			.post()
			.uri("/api/v1/sync/checkpoint")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"checkpoint_id\": ")
			.exchange(), 400, "malformed-request");
		problem(server.operator().get().uri("/api/v1/sync/changes").exchange(), 403, "wrong-token");
	}

	private static List<JsonNode> lines(Peers.Session peer, Long since, String checkpoint) {
		String query = (since != null) ? "?since=" + since : "";
		query += (checkpoint != null) ? "&checkpoint=" + checkpoint : "";
		return peer.client()
			.get()
			.uri("/api/v1/sync/changes" + query)
			.accept(MediaType.APPLICATION_NDJSON)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(JsonNode.class)
			.getResponseBody()
			.collectList()
			.block();
	}

}
