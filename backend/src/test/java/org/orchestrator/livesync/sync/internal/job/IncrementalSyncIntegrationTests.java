package org.orchestrator.livesync.sync.internal.job;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.JobStreams;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.TestDatabases;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.internal.startup.DatabaseUrl;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.Items.keys;
import static org.orchestrator.livesync.support.Nodes.replace;

/**
 * Compares and jobs after a first sync look only at what changed on either side since the
 * last checkpoint, plus what was left different then, between real servers A and B (and
 * C, a third peer of B): and fall back to a full compare, saying so, when the state no
 * longer matches.
 */
class IncrementalSyncIntegrationTests {

	static final int PORT_B = Peers.freePort();

	static final Map<String, String> EVERYTHING = Map.of("nodes", "all", "clusters", "all", "ssh_keys", "all",
			"configurations", "all");

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b", PORT_B);

	@RegisterExtension
	static TestServer c = Peers.server("c");

	@Test
	void afterAFirstSyncOnlyWhatChangedOnEitherSideIsCompared() {
		for (int i = 1; i <= 20; i++) {
			create(a, Fixtures.node(String.format("inc-%02d", i), "10.60.0." + i, null));
		}
		job(a, session(a, b), EVERYTHING, "push");
		JsonNode settled = session(a, b).get("comparison");
		assertThat(settled.at("/method/mode").asString()).as("%s", settled.get("method")).isEqualTo("incremental");
		// What other tests left different stays so; this test counts on top of it.
		long leftBefore = differing(settled);
		long candidatesBefore = settled.at("/method/candidates").asLong();
		assertThat(candidatesBefore).isEqualTo(leftBefore);

		replace(a, "inc-01", "10.61.0.1");
		replace(b, "inc-02", "10.61.0.2");
		b.operator().delete().uri("/api/v1/nodes/inc-03").exchange().expectStatus().isNoContent();
		a.operator().delete().uri("/api/v1/nodes/inc-04").exchange().expectStatus().isNoContent();
		create(b, Fixtures.node("inc-21", "10.61.0.21", null));

		JsonNode changed = session(a, b).get("comparison");
		assertThat(changed.at("/method/mode").asString()).isEqualTo("incremental");
		assertThat(changed.at("/method/candidates").asLong()).isEqualTo(candidatesBefore + 5);
		JsonNode nodes = changed.get("nodes");
		assertThat(keys(nodes.get("different"))).contains("inc-01", "inc-02");
		assertThat(keys(nodes.get("deleted_on_remote"))).contains("inc-03");
		assertThat(keys(nodes.get("deleted_on_local"))).contains("inc-04");
		assertThat(keys(nodes.get("missing_on_local"))).contains("inc-21");
		assertThat(differing(changed)).isEqualTo(leftBefore + 5);
		assertThat(changed.at("/summary/identical").asLong()).isEqualTo(settled.at("/summary/identical").asLong() - 4);

		// A push moves A's changes and leaves B's alone: those stay in the residue.
		JsonNode pushed = job(a, session(a, b), EVERYTHING, "push");
		assertThat(pushed.at("/compare/mode").asString()).isEqualTo("incremental");
		JsonNode after = session(a, b).get("comparison");
		assertThat(after.at("/method/mode").asString()).isEqualTo("incremental");
		assertThat(after.at("/method/candidates").asLong()).isEqualTo(candidatesBefore + 3);
		assertThat(keys(after.at("/nodes/different"))).contains("inc-02").doesNotContain("inc-01");
		assertThat(keys(after.at("/nodes/deleted_on_remote"))).contains("inc-03");
		assertThat(keys(after.at("/nodes/deleted_on_local"))).doesNotContain("inc-04");
		assertThat(keys(after.at("/nodes/missing_on_local"))).contains("inc-21");
		assertThat(differing(after)).isEqualTo(leftBefore + 3);
	}

	@Test
	void aSelectiveSyncLeavesTheUnselectedDifferencesForTheNextCompare() {
		job(a, session(a, b), EVERYTHING, "push");
		create(a, Fixtures.node("sel-01", "10.62.0.1", null));
		create(a, Fixtures.node("sel-02", "10.62.0.2", null));
		JsonNode selective = job(a, session(a, b), Map.of("nodes", List.of("sel-01")), "push");
		assertThat(selective.at("/compare/mode").asString()).isEqualTo("incremental");
		assertThat(selective.at("/result/applied/nodes").asLong()).isEqualTo(1);

		JsonNode next = session(a, b).get("comparison");
		assertThat(next.at("/method/mode").asString()).isEqualTo("incremental");
		assertThat(keys(next.at("/nodes/missing_on_remote"))).contains("sel-02").doesNotContain("sel-01");
	}

	@Test
	void deletedAndRecreatedItemsAreSeenAsSuch() {
		create(a, Fixtures.node("again-01", "10.63.0.1", null));
		job(a, session(a, b), EVERYTHING, "push");
		a.operator().delete().uri("/api/v1/nodes/again-01").exchange().expectStatus().isNoContent();
		job(a, session(a, b), EVERYTHING, "push");
		b.operator().get().uri("/api/v1/nodes/again-01").exchange().expectStatus().isNotFound();
		create(a, Fixtures.node("again-01", "10.63.0.11", null));
		JsonNode recreated = session(a, b).get("comparison");
		assertThat(recreated.at("/method/mode").asString()).isEqualTo("incremental");
		assertThat(keys(recreated.at("/nodes/missing_on_remote"))).containsExactly("again-01");
	}

	@Test
	void aThirdServersSyncsDoNotDisturbTheFirstPairsState() {
		job(a, session(a, b), EVERYTHING, "push");
		create(c, Fixtures.node("third-01", "10.64.0.1", null));
		job(c, session(c, b), EVERYTHING, "push");
		JsonNode comparison = session(a, b).get("comparison");
		assertThat(comparison.at("/method/mode").asString()).isEqualTo("incremental");
		assertThat(keys(comparison.at("/nodes/missing_on_local"))).contains("third-01");
		JsonNode back = session(c, b).get("comparison");
		assertThat(back.at("/method/mode").asString()).isEqualTo("incremental");
		assertThat(back.at("/summary/total").asLong() - back.at("/summary/identical").asLong())
			.as("what only A pushed to B is B's own to C")
			.isEqualTo(keysOnlyOnB(back));
	}

	@Test
	void aDatabaseRestoredFromAnOlderBackupIsDetectedAndComparedInFull() {
		job(a, session(a, b), EVERYTHING, "push");
		b.stop();
		DatabaseUrl backup = b.backup();
		try {
			b.start();
			create(a, Fixtures.node("restore-01", "10.65.0.1", null));
			job(a, session(a, b), EVERYTHING, "push");
			b.stop();
			b.restore(backup);
			b.start();

			JsonNode comparison = session(a, b).get("comparison");
			assertThat(comparison.at("/method/mode").asString()).isEqualTo("full");
			assertThat(comparison.at("/method/reason").asString()).contains("restored");
			assertThat(keys(comparison.at("/nodes/deleted_on_remote"))).contains("restore-01");

			JsonNode repaired = job(a, session(a, b), EVERYTHING, "push");
			assertThat(repaired.at("/compare/mode").asString()).isEqualTo("full");
			assertThat(session(a, b).at("/comparison/method/mode").asString()).isEqualTo("incremental");
		}
		finally {
			TestDatabases.drop(backup);
		}
	}

	/** How many items a compare found not identical. */
	private static long differing(JsonNode comparison) {
		return comparison.at("/summary/total").asLong() - comparison.at("/summary/identical").asLong();
	}

	private static long keysOnlyOnB(JsonNode comparison) {
		return comparison.at("/summary/missing_on_local").asLong()
				+ comparison.at("/summary/deleted_on_local").asLong();
	}

	private static JsonNode session(TestServer from, TestServer to) {
		return SyncJobs.session(from, to.baseUrl());
	}

	/** Runs a job to its end and answers the job as GET /sync/jobs/{id} shows it. */
	private static JsonNode job(TestServer from, JsonNode session, Object selection, String direction) {
		String job = SyncJobs.start(from, Map.of("session_id", session.get("session_id").asString(), "selection",
				selection, "direction", direction));
		List<ServerSentEvent<JsonNode>> events = JobStreams.events(from, job);
		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).as("%s", end.data()).isEqualTo("completed");
		assertThat(end.data().get("verified").asBoolean()).as("%s", end.data()).isTrue();
		return from.operator()
			.get()
			.uri("/api/v1/sync/jobs/" + job)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
