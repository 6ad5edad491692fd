package org.orchestrator.livesync.sync.internal.job;

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
import static org.orchestrator.livesync.support.Items.keys;
import static org.orchestrator.livesync.support.Nodes.ip;
import static org.orchestrator.livesync.support.Nodes.replace;

/**
 * Pull jobs on server A, taking from a real server B: what only B has, what B changed,
 * what B deleted; what A changed since the last sync stays as it is.
 */
class PullJobIntegrationTests {

	static final int PORT_B = Peers.freePort();

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b", PORT_B);

	@Test
	void pullsWhatTheRemoteAddedChangedAndDeletedAndLeavesLocalChangesAlone() {
		for (String key : List.of("pull-02", "pull-03", "pull-04")) {
			create(a, Fixtures.node(key, "10.40.0." + key.charAt(6), null));
		}
		JsonNode pushed = last(events(session(), Map.of("nodes", List.of("pull-02", "pull-03", "pull-04")), "push"));
		assertThat(pushed.get("verified").asBoolean()).isTrue();
		create(b, Fixtures.node("pull-01", "10.41.0.1", null));
		replace(b, "pull-02", "10.41.0.2");
		replace(a, "pull-03", "10.42.0.3");
		b.operator().delete().uri("/api/v1/nodes/pull-04").exchange().expectStatus().isNoContent();

		List<ServerSentEvent<JsonNode>> events = events(session(), Map.of("nodes", "all"), "pull");
		JsonNode completed = last(events);
		assertThat(completed.get("verified").asBoolean()).as("%s", completed).isTrue();
		assertThat(JobStreams.itemStatuses(events)).containsEntry("pull-01", "received")
			.containsEntry("pull-02", "received")
			.containsEntry("pull-03", "skipped_changed_here")
			.containsEntry("pull-04", "delete_received");
		// The other test's node, only on B, may come along: "all" is every node.
		assertThat(completed.get("applied").get("nodes").asLong())
			.isEqualTo(JobStreams.itemStatuses(events).values().stream().filter("received"::equals).count());
		assertThat(completed.get("deleted").get("nodes").asLong()).isEqualTo(1);
		assertThat(ip(a, "pull-01")).isEqualTo("10.41.0.1");
		assertThat(ip(a, "pull-02")).isEqualTo("10.41.0.2");
		assertThat(ip(a, "pull-03")).isEqualTo("10.42.0.3");
		assertThat(a.operator().get().uri("/api/v1/nodes/pull-04").exchange().returnResult(Void.class).getStatus())
			.hasToString("404 NOT_FOUND");
		assertThat(ip(b, "pull-03")).as("a pull changes nothing on the remote").isEqualTo("10.40.0.3");

		// Both sides recorded the pulled items as synced: only A's own change is left.
		JsonNode comparison = session().get("comparison").get("nodes");
		assertThat(keys(comparison.get("identical"))).contains("pull-01", "pull-02");
		assertThat(keys(comparison.get("different"))).containsExactly("pull-03");
		assertThat(comparison.get("different").get(0).get("changed_on").asString()).isEqualTo("local");
		assertThat(comparison.get("deleted_on_remote")).isEmpty();
		assertThat(comparison.get("missing_on_local")).isEmpty();
	}

	@Test
	void aDryRunPullChangesNothingHere() {
		create(b, Fixtures.node("dry-pull-01", "10.43.0.1", null));
		JsonNode completed = last(events(session(), Map.of("nodes", List.of("dry-pull-01")), "pull", true));
		assertThat(completed.get("dry_run").asBoolean()).isTrue();
		assertThat(completed.get("applied").get("nodes").asLong()).isEqualTo(1);
		assertThat(a.operator().get().uri("/api/v1/nodes/dry-pull-01").exchange().returnResult(Void.class).getStatus())
			.hasToString("404 NOT_FOUND");
	}

	private static JsonNode session() {
		return SyncJobs.session(a, b.baseUrl());
	}

	private static List<ServerSentEvent<JsonNode>> events(JsonNode session, Object selection, String direction) {
		return events(session, selection, direction, false);
	}

	private static List<ServerSentEvent<JsonNode>> events(JsonNode session, Object selection, String direction,
			boolean dryRun) {
		return SyncJobs.complete(a, Map.of("session_id", session.get("session_id").asString(), "selection", selection,
				"direction", direction, "dry_run", dryRun));
	}

	private static JsonNode last(List<ServerSentEvent<JsonNode>> events) {
		return events.get(events.size() - 1).data();
	}

}
