package org.orchestrator.livesync.sync.internal.job;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Nodes;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.sync.internal.transfer.Selection;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pull of more items than one selection may name: the keys travel to the remote as
 * NDJSON and wait in its database, the expectations wait in this server's, and the whole
 * package is still applied in one transaction, verified, and cleaned up on both sides.
 */
class LargePullIntegrationTests {

	private static final int NODES = Selection.MAX_ITEMS + 500;

	@RegisterExtension
	static TestServer puller = Peers.server("puller");

	@RegisterExtension
	static TestServer remote = Peers.server("remote");

	@BeforeAll
	static void inventory() {
		Nodes.importFixtures(remote, IntStream.range(0, NODES).mapToObj((i) -> String.format("large-%06d", i)));
	}

	@Test
	void aPullOfMoreItemsThanOneSelectionNamesIsAppliedWholeAndVerified() {
		JsonNode session = SyncJobs.session(puller, remote.baseUrl());
		List<ServerSentEvent<JsonNode>> events = SyncJobs.run(puller, Map.of("session_id",
				session.get("session_id").asString(), "selection", Map.of("nodes", "all"), "direction", "pull"));
		JsonNode completed = events.get(events.size() - 1).data();

		assertThat(events.get(events.size() - 1).event()).as("%s", completed).isEqualTo("completed");
		assertThat(completed.get("verified").asBoolean()).as("%s", completed).isTrue();
		assertThat(completed.at("/pulled/applied/nodes").asLong()).isEqualTo(NODES);
		assertThat(puller.rows("nodes")).isEqualTo(NODES);
		assertThat(puller.rows("sync_received_packages")).as("one package").isEqualTo(1);
		assertThat(puller.rows("sync_pull_items")).as("the puller's scratch space is cleaned up").isZero();
		assertThat(remote.rows("sync_pull_requests")).as("the remote's too").isZero();
	}

}
