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
 * Both-ways jobs on server A with a real server B, after each side changed different
 * items since their last sync: each change goes to the other side, items only one side
 * has are copied, deletions propagate both ways, and afterwards the two agree.
 */
class BothWaysJobIntegrationTests {

	static final int PORT_B = Peers.freePort();

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b", PORT_B);

	@Test
	void eachSidesChangesCreationsAndDeletionsReachTheOtherAndBothAgree() {
		List<String> common = List.of("two-01", "two-02", "two-03", "two-04", "two-05");
		common.forEach((key) -> create(a, Fixtures.node(key, "10.50.0." + key.charAt(5), null)));
		assertThat(last(events(session(), Map.of("nodes", common), "push")).get("verified").asBoolean()).isTrue();
		replace(a, "two-01", "10.51.0.1");
		replace(b, "two-02", "10.52.0.2");
		delete(a, "two-03");
		delete(b, "two-04");
		create(a, Fixtures.node("two-here", "10.51.0.9", null));
		create(b, Fixtures.node("two-there", "10.52.0.9", null));

		List<ServerSentEvent<JsonNode>> events = events(session(), "all", "both");
		JsonNode completed = last(events);
		assertThat(completed.get("verified").asBoolean()).as("%s", completed).isTrue();
		assertThat(JobStreams.itemStatuses(events)).containsEntry("two-01", "sent")
			.containsEntry("two-here", "sent")
			.containsEntry("two-03", "delete_sent")
			.containsEntry("two-02", "received")
			.containsEntry("two-there", "received")
			.containsEntry("two-04", "delete_received")
			.doesNotContainKey("two-05");
		// Each direction's own counts, and their totals at the top.
		JsonNode pushed = completed.get("pushed");
		JsonNode pulled = completed.get("pulled");
		assertThat(pushed.at("/applied/nodes").asLong()).isEqualTo(count(events, "sent"));
		assertThat(pushed.at("/deleted/nodes").asLong()).isEqualTo(count(events, "delete_sent"));
		assertThat(pulled.at("/applied/nodes").asLong()).isEqualTo(count(events, "received"));
		assertThat(pulled.at("/deleted/nodes").asLong()).isEqualTo(count(events, "delete_received"));
		assertThat(completed.at("/applied/nodes").asLong())
			.isEqualTo(pushed.at("/applied/nodes").asLong() + pulled.at("/applied/nodes").asLong());
		assertThat(completed.at("/deleted/nodes").asLong()).isEqualTo(2);
		JsonNode progress = events.stream()
			.filter((event) -> "progress".equals(event.event()))
			.reduce((first, second) -> second)
			.orElseThrow()
			.data();
		assertThat(progress.at("/pushed/done").asLong())
			.isEqualTo(count(events, "sent") + count(events, "delete_sent"));
		assertThat(progress.at("/pulled/done").asLong())
			.isEqualTo(count(events, "received") + count(events, "delete_received"));

		for (TestServer server : List.of(a, b)) {
			assertThat(ip(server, "two-01")).isEqualTo("10.51.0.1");
			assertThat(ip(server, "two-02")).isEqualTo("10.52.0.2");
			assertThat(ip(server, "two-here")).isEqualTo("10.51.0.9");
			assertThat(ip(server, "two-there")).isEqualTo("10.52.0.9");
			assertThat(absent(server, "two-03")).isTrue();
			assertThat(absent(server, "two-04")).isTrue();
		}
		// Both sides recorded every moved item as synced: nothing differs any more.
		JsonNode comparison = session().get("comparison").get("nodes");
		comparison.propertyNames().forEach((status) -> {
			if (!"identical".equals(status)) {
				assertThat(keys(comparison.get(status))).as(status).noneMatch((key) -> key.startsWith("two-"));
			}
		});
	}

	@Test
	void conflictsAreSkippedAndReportedAndADryRunChangesNeitherSide() {
		List<String> keys = List.of("clash-01", "clash-02");
		keys.forEach((key) -> create(a, Fixtures.node(key, "10.60.0." + key.charAt(7), null)));
		events(session(), Map.of("nodes", keys), "push");
		replace(a, "clash-01", "10.61.0.1");
		replace(b, "clash-01", "10.62.0.1");
		replace(b, "clash-02", "10.62.0.2");

		List<ServerSentEvent<JsonNode>> dry = events(session(), Map.of("nodes", keys), "both", true);
		assertThat(last(dry).get("dry_run").asBoolean()).isTrue();
		assertThat(last(dry).at("/pulled/applied/nodes").asLong()).isEqualTo(1);
		assertThat(ip(a, "clash-02")).as("a dry run changes nothing here").isEqualTo("10.60.0.2");

		List<ServerSentEvent<JsonNode>> events = events(session(), Map.of("nodes", keys), "both");
		assertThat(JobStreams.itemStatuses(events)).containsEntry("clash-01", "skipped_conflict")
			.containsEntry("clash-02", "received");
		JsonNode completed = last(events);
		assertThat(completed.get("verified").asBoolean()).as("%s", completed).isTrue();
		assertThat(completed.get("skipped").asLong()).isEqualTo(1);
		assertThat(completed.at("/pushed/skipped").asLong()).as("a conflict goes neither way").isZero();
		assertThat(ip(a, "clash-01")).isEqualTo("10.61.0.1");
		assertThat(ip(b, "clash-01")).isEqualTo("10.62.0.1");
		assertThat(ip(a, "clash-02")).isEqualTo("10.62.0.2");
		// Resolved by hand, so the other test's "all" sees no conflict of this one.
		replace(a, "clash-01", "10.62.0.1");
	}

	@Test
	void mirrorBothWaysIsAValidationProblem() {
		a.operator()
			.post()
			.uri("/api/v1/sync/jobs")
			.bodyValue(Map.of("session_id", session().get("session_id").asString(), "selection", "all", "direction",
					"both", "mode", "mirror"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("mode");
	}

	private static long count(List<ServerSentEvent<JsonNode>> events, String status) {
		return JobStreams.itemStatuses(events).values().stream().filter(status::equals).count();
	}

	private static boolean absent(TestServer server, String hostname) {
		return server.operator()
			.get()
			.uri("/api/v1/nodes/" + hostname)
			.exchange()
			.returnResult(Void.class)
			.getStatus()
			.value() == 404;
	}

	private static void delete(TestServer server, String hostname) {
		server.operator().delete().uri("/api/v1/nodes/" + hostname).exchange().expectStatus().isNoContent();
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
