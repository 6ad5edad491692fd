package org.orchestrator.livesync.sync.internal.job;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.security.PeerSessions;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.JobStreams;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.sync.internal.session.SessionService;
import org.orchestrator.livesync.sync.internal.session.SyncSession;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.Items.find;
import static org.orchestrator.livesync.support.Items.keys;
import static org.orchestrator.livesync.support.Nodes.ip;
import static org.orchestrator.livesync.support.Nodes.replace;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/** The operator's side: sessions and jobs on server A, syncing to a real server B. */
class SyncJobIntegrationTests {

	static final int PORT_B = Peers.freePort();

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b", PORT_B);

	@Test
	void opensASessionWithAComparison() {
		create(a, Fixtures.node("ses-01", "10.6.0.1", null));
		create(b, Fixtures.node("ses-01", "10.6.0.2", null));
		JsonNode session = session(b.baseUrl(), null);
		assertThat(session.at("/remote/name").asString()).isEqualTo("b");
		assertThat(session.at("/remote/server_id").asString()).isEqualTo(Peers.serverId(b));
		JsonNode different = find(session.at("/comparison/nodes/different"), "key", "ses-01");
		assertThat(different.at("/changes/0/field").asString()).isEqualTo("ip");
		assertThat(different.at("/changes/0/local").asString()).isEqualTo("10.6.0.1");
		assertThat(a.operator()
			.get()
			.uri("/api/v1/sync/sessions/" + session.get("session_id").asString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.at("/comparison/summary")).isEqualTo(session.at("/comparison/summary"));
	}

	@Test
	void saysWhyASessionCannotBeOpened() {
		var refused = problem(a.operator()
			.post()
			.uri("/api/v1/sync/sessions")
			.bodyValue(Map.of("remote_url", b.baseUrl(), "password", "wrong"))
			.exchange(), 422, "remote-rejected-password");
		assertThat(refused.detail()).contains(b.baseUrl());
		long started = System.nanoTime();
		var unreachable = problem(a.operator()
			.post()
			.uri("/api/v1/sync/sessions")
			.bodyValue(Map.of("remote_url", "http://127.0.0.1:" + Peers.freePort()))
			.exchange(), 502, "remote-unreachable");
		assertThat(unreachable.detail()).contains("connection was refused");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		problem(a.operator()
			.post()
			.uri("/api/v1/sync/sessions")
			.bodyValue(Map.of("remote_url", "http://no-such-host.invalid:5000"))
			.exchange(), 502, "remote-unreachable");
		problem(a.operator()
			.post()
			.uri("/api/v1/sync/sessions")
			.bodyValue(Map.of("remote_url", b.baseUrl() + "/not-here"))
			.exchange(), 502, "remote-not-live-sync");
		problem(a.operator()
			.post()
			.uri("/api/v1/sync/sessions")
			.bodyValue(Map.of("remote_url", "ftp://server2"))
			.exchange(), 400, "validation");
		problem(a.operator()
			.post()
			.uri("/api/v1/sync/sessions")
			.bodyValue(Map.of("remote_url", a.baseUrl()))
			.exchange(), 400, "validation");
		problem(a.operator().get().uri("/api/v1/sync/sessions/nope").exchange(), 404, "not-found");
	}

	@Test
	void syncsASelectionWithLiveProgressAndVerifiesIt() {
		create(a, Fixtures.sshKey("job-key"));
		create(a, Fixtures.node("job-01", "10.7.0.1", "job-key"));
		create(a, Fixtures.node("job-02"));
		create(a, Fixtures.node("job-not-selected"));
		create(a, Fixtures.cluster("job-cluster", "job-01", "job-02"));
		String session = session(b.baseUrl(), Peers.SYNC_PASSWORD).get("session_id").asString();
		String job = startJob(session, Map.of("nodes", List.of("job-01", "job-02"), "clusters", List.of("job-cluster"),
				"ssh_keys", List.of("job-key")), false);

		List<ServerSentEvent<JsonNode>> events = events(job);
		List<String> phases = new ArrayList<>();
		long lastDone = -1;
		JsonNode lastProgress = null;
		for (ServerSentEvent<JsonNode> event : events) {
			if ("phase".equals(event.event())) {
				phases.add(event.data().get("phase").asString());
			}
			if ("progress".equals(event.event())) {
				assertThat(event.data().get("done").asLong()).isGreaterThanOrEqualTo(lastDone);
				lastDone = event.data().get("done").asLong();
				lastProgress = event.data();
			}
		}
		assertThat(phases).containsExactly("connecting", "fetching", "comparing", "packaging", "transferring",
				"applying", "verifying");
		assertThat(lastProgress.get("done").asLong()).isEqualTo(4).isEqualTo(lastProgress.get("total").asLong());
		assertThat(lastProgress.get("bytes").asLong()).isPositive();
		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).isEqualTo("completed");
		assertThat(end.data().get("verified").asBoolean()).isTrue();
		assertThat(end.data().at("/applied/nodes").asLong()).isEqualTo(2);
		assertThat(end.data().at("/applied/ssh_keys").asLong()).isEqualTo(1);

		b.operator().get().uri("/api/v1/clusters/job-cluster").exchange().expectStatus().isOk();
		b.operator().get().uri("/api/v1/nodes/job-not-selected").exchange().expectStatus().isNotFound();
		JsonNode status = a.operator()
			.get()
			.uri("/api/v1/sync/jobs/" + job)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(status.get("status").asString()).isEqualTo("completed");
		assertThat(status.at("/result/verified").asBoolean()).isTrue();

		// A late subscriber gets the end again, then the stream closes.
		List<ServerSentEvent<JsonNode>> replay = events(job);
		assertThat(replay.get(replay.size() - 1).event()).isEqualTo("completed");
		assertThat(replay).filteredOn((event) -> "phase".equals(event.event())).hasSize(7);

		// Both sides now agree.
		JsonNode again = session(b.baseUrl(), null);
		assertThat(keys(again.at("/comparison/nodes/identical"))).contains("job-01", "job-02");
	}

	@Test
	void aJobGoesOnInTheComparesPeerSessionOrInANewOneWhenTheRemoteForgotIt() {
		create(a, Fixtures.node("job-reused-01"));
		String kept = session(b.baseUrl(), null).get("session_id").asString();
		SyncSession keeping = a.bean(SessionService.class).find(kept).block();
		String peerSession = keeping.peerSessionId();
		assertThat(peerSession).as("the compare's peer session, kept for the job").isNotNull();
		assertThat(b.bean(PeerSessions.class).find(peerSession).blockOptional()).isPresent();
		ServerSentEvent<JsonNode> end = last(events(startJob(kept, Map.of("nodes", List.of("job-reused-01")), false)));
		assertThat(end.data().get("verified").asBoolean()).as("%s", end.data()).isTrue();
		assertThat(keeping.peerSessionId()).as("taken by the job").isNull();
		assertThat(b.bean(PeerSessions.class).find(peerSession).blockOptional())
			.as("ended by the package the job pushed in it")
			.isEmpty();

		// As when B ended the session meanwhile (or it expired): the job connects anew.
		create(a, Fixtures.node("job-reused-02"));
		String forgotten = session(b.baseUrl(), null).get("session_id").asString();
		b.bean(PeerSessions.class).revoke(a.bean(SessionService.class).find(forgotten).block().peerSessionId()).block();
		end = last(events(startJob(forgotten, Map.of("nodes", List.of("job-reused-02")), false)));
		assertThat(end.data().get("verified").asBoolean()).as("%s", end.data()).isTrue();
		b.operator().get().uri("/api/v1/nodes/job-reused-02").exchange().expectStatus().isOk();
	}

	@Test
	void aDryRunReportsWhatWouldBeAppliedAndChangesNothing() {
		create(a, Fixtures.node("dry-01"));
		create(a, Fixtures.configuration("dry-config"));
		String session = session(b.baseUrl(), null).get("session_id").asString();
		String job = startJob(session, Map.of("nodes", List.of("dry-01"), "configurations", "all"), true);
		ServerSentEvent<JsonNode> end = last(events(job));
		assertThat(end.event()).isEqualTo("completed");
		assertThat(end.data().get("dry_run").asBoolean()).isTrue();
		assertThat(end.data().at("/applied/nodes").asLong()).isEqualTo(1);
		assertThat(end.data().at("/changed/nodes").asLong()).isEqualTo(1);
		assertThat(end.data().at("/applied/configurations").asLong()).isGreaterThanOrEqualTo(1);
		b.operator().get().uri("/api/v1/nodes/dry-01").exchange().expectStatus().isNotFound();
		b.operator().get().uri("/api/v1/configurations/dry-config").exchange().expectStatus().isNotFound();
	}

	@Test
	void syncsAllOfAKindButSkipsConflicts() {
		create(a, Fixtures.node("all-01", "10.8.0.1", null));
		create(a, Fixtures.node("all-02", "10.8.0.2", null));
		String session = session(b.baseUrl(), null).get("session_id").asString();
		assertThat(last(events(startJob(session, Map.of("nodes", List.of("all-01", "all-02")), false))).event())
			.isEqualTo("completed");
		// Both change all-01: a conflict; only A changes all-02.
		a.operator()
			.put()
			.uri("/api/v1/nodes/all-01")
			.bodyValue(Fixtures.node("all-01", "10.8.1.1", null))
			.exchange()
			.expectStatus()
			.isOk();
		b.operator()
			.put()
			.uri("/api/v1/nodes/all-01")
			.bodyValue(Fixtures.node("all-01", "10.8.2.1", null))
			.exchange()
			.expectStatus()
			.isOk();
		a.operator()
			.put()
			.uri("/api/v1/nodes/all-02")
			.bodyValue(Fixtures.node("all-02", "10.8.1.2", null))
			.exchange()
			.expectStatus()
			.isOk();
		String fresh = session(b.baseUrl(), null).get("session_id").asString();
		List<ServerSentEvent<JsonNode>> events = events(startJob(fresh, Map.of("nodes", "all"), false));
		assertThat(events)
			.anyMatch((event) -> "item".equals(event.event()) && "all-01".equals(event.data().get("key").asString())
					&& "skipped_conflict".equals(event.data().get("status").asString()));
		assertThat(last(events).data().get("verified").asBoolean()).isTrue();
		assertThat(last(events).data().get("skipped").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(ip(b, "all-01")).isEqualTo("10.8.2.1");
		assertThat(ip(b, "all-02")).isEqualTo("10.8.1.2");
	}

	@Test
	void anEditOnTheTargetAfterTheReviewIsReportedNotOverwritten() {
		create(a, Fixtures.node("review-01", "10.8.5.1", null));
		create(a, Fixtures.node("review-02", "10.8.5.2", null));
		String first = session(b.baseUrl(), null).get("session_id").asString();
		assertThat(last(events(startJob(first, Map.of("nodes", List.of("review-01", "review-02")), false))).event())
			.isEqualTo("completed");
		// A changes both; the operator reviews that; then B changes review-01.
		replace(a, "review-01", "10.8.6.1");
		replace(a, "review-02", "10.8.6.2");
		String reviewed = session(b.baseUrl(), null).get("session_id").asString();
		replace(b, "review-01", "10.8.7.1");

		// Named explicitly, so today's compare would send it over B's edit.
		List<ServerSentEvent<JsonNode>> events = events(
				startJob(reviewed, Map.of("nodes", List.of("review-01", "review-02")), false));
		JsonNode completed = last(events).data();
		assertThat(last(events).event()).isEqualTo("completed");
		assertThat(events)
			.anyMatch((event) -> "item".equals(event.event()) && "review-01".equals(event.data().get("key").asString())
					&& JobRunner.CHANGED_SINCE_COMPARE.equals(event.data().get("status").asString()));
		assertThat(completed.get("changed_since_compare").toString())
			.isEqualTo("[{\"kind\":\"nodes\",\"key\":\"review-01\"}]");
		assertThat(completed.get("applied").get("nodes").asLong()).isEqualTo(1);
		assertThat(completed.get("verified").asBoolean()).isTrue();
		assertThat(ip(b, "review-01")).isEqualTo("10.8.7.1");
		assertThat(ip(b, "review-02")).isEqualTo("10.8.6.2");

		// Nothing became a base: a fresh compare shows the conflict that it is.
		JsonNode conflicts = session(b.baseUrl(), null).get("comparison").get("nodes").get("conflict");
		assertThat(keys(conflicts)).contains("review-01");
	}

	@Test
	void aPushLeavesAloneWhatChangedOnTheRemoteUnlessMirroring() {
		create(a, Fixtures.node("rmt-01", "10.10.0.1", null));
		create(a, Fixtures.node("rmt-02", "10.10.0.2", null));
		create(a, Fixtures.node("rmt-03", "10.10.0.3", null));
		String first = session(b.baseUrl(), null).get("session_id").asString();
		assertThat(last(events(startJob(first, Map.of("nodes", List.of("rmt-01", "rmt-02", "rmt-03")), false))).data()
			.get("verified")
			.asBoolean()).isTrue();
		// B edits rmt-01 and deletes rmt-02; both delete rmt-03.
		b.operator()
			.put()
			.uri("/api/v1/nodes/rmt-01")
			.bodyValue(Fixtures.node("rmt-01", "10.10.2.1", null))
			.exchange()
			.expectStatus()
			.isOk();
		delete(b, "rmt-02");
		delete(a, "rmt-03");
		delete(b, "rmt-03");

		JsonNode compared = session(b.baseUrl(), null);
		assertThat(keys(compared.at("/comparison/nodes/different"))).contains("rmt-01");
		assertThat(keys(compared.at("/comparison/nodes/deleted_on_remote"))).contains("rmt-02");
		assertThat(compared.at("/comparison/nodes").toString()).doesNotContain("rmt-03");
		assertThat(bases(a, Peers.serverId(b), "rmt-03")).isZero();
		List<ServerSentEvent<JsonNode>> events = events(
				startJob(compared.get("session_id").asString(), Map.of("nodes", "all"), false));
		assertThat(itemStatus(events, "rmt-01")).isEqualTo("skipped_changed_on_remote");
		assertThat(itemStatus(events, "rmt-02")).isEqualTo("skipped_changed_on_remote");
		assertThat(itemStatus(events, "rmt-03")).isNull();
		JsonNode end = last(events).data();
		assertThat(end.get("verified").asBoolean()).isTrue();
		assertThat(end.get("skipped").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(ip(b, "rmt-01")).isEqualTo("10.10.2.1");
		b.operator().get().uri("/api/v1/nodes/rmt-02").exchange().expectStatus().isNotFound();

		// Named, it is left alone too.
		String named = session(b.baseUrl(), null).get("session_id").asString();
		assertThat(itemStatus(events(startJob(named, Map.of("nodes", List.of("rmt-01")), false)), "rmt-01"))
			.isEqualTo("skipped_changed_on_remote");
		assertThat(ip(b, "rmt-01")).isEqualTo("10.10.2.1");

		// Re-created on A, the item deleted on both sides is new, not a conflict.
		create(a, Fixtures.node("rmt-03", "10.10.1.3", null));
		JsonNode again = session(b.baseUrl(), null);
		assertThat(keys(again.at("/comparison/nodes/missing_on_remote"))).contains("rmt-03");

		// A mirror makes B like A for the selection.
		List<ServerSentEvent<JsonNode>> mirrored = events(
				startJob(again.get("session_id").asString(), Map.of("nodes", "all"), false, "mirror"));
		assertThat(itemStatus(mirrored, "rmt-01")).isEqualTo("sent");
		assertThat(itemStatus(mirrored, "rmt-02")).isEqualTo("sent");
		assertThat(itemStatus(mirrored, "rmt-03")).isEqualTo("sent");
		assertThat(last(mirrored).data().get("verified").asBoolean()).isTrue();
		assertThat(ip(b, "rmt-01")).isEqualTo("10.10.0.1");
		assertThat(ip(b, "rmt-02")).isEqualTo("10.10.0.2");
		assertThat(ip(b, "rmt-03")).isEqualTo("10.10.1.3");
	}

	@Test
	void verificationCatchesATargetThatDoesNotStoreWhatItWasSent() {
		DatabaseClient databaseB = b.bean(DatabaseClient.class);
		// A target that alters one node as it stores it: its digest no longer matches.
		databaseB.sql("""
				CREATE FUNCTION sabotage() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN NEW.content_hash := repeat('0', 64); RETURN NEW; END $$;
				CREATE TRIGGER zz_sabotage BEFORE INSERT OR UPDATE ON nodes
				    FOR EACH ROW WHEN (NEW.hostname = 'vfy-02') EXECUTE FUNCTION sabotage();
				""").then().block();
		try {
			create(a, Fixtures.node("vfy-01", "10.9.0.1", null));
			String session = session(b.baseUrl(), null).get("session_id").asString();
			assertThat(
					last(events(startJob(session, Map.of("nodes", "all"), false))).data().get("verified").asBoolean())
				.isTrue();

			create(a, Fixtures.node("vfy-02", "10.9.0.2", null));
			String again = session(b.baseUrl(), null).get("session_id").asString();
			JsonNode end = last(events(startJob(again, Map.of("nodes", "all"), false))).data();
			assertThat(end.get("verified").asBoolean()).isFalse();
			assertThat(end.get("mismatches").toString()).contains("vfy-02").doesNotContain("vfy-01");
		}
		finally {
			databaseB.sql("DROP TRIGGER zz_sabotage ON nodes; DROP FUNCTION sabotage()").then().block();
		}
	}

	@Test
	void aFailingJobSaysWhyAndLeavesTheTargetUnchanged() throws Exception {
		create(a, Fixtures.node("fail-01"));
		String session = session(b.baseUrl(), null).get("session_id").asString();
		b.stop();
		try {
			ServerSentEvent<JsonNode> end = last(events(startJob(session, Map.of("nodes", List.of("fail-01")), false)));
			assertThat(end.event()).isEqualTo("failed");
			assertThat(end.data().at("/problem/code").asString()).isEqualTo("remote-unreachable");
		}
		finally {
			b.with("SYNC_PASSWORD", "changed-meanwhile").start();
		}
		ServerSentEvent<JsonNode> refused = last(events(startJob(session, Map.of("nodes", List.of("fail-01")), false)));
		assertThat(refused.event()).isEqualTo("failed");
		assertThat(refused.data().at("/problem/code").asString()).isEqualTo("remote-rejected-password");
		b.operator().get().uri("/api/v1/nodes/fail-01").exchange().expectStatus().isNotFound();
		b.stop();
		b.with("SYNC_PASSWORD", Peers.SYNC_PASSWORD).start();

		problem(a.operator()
			.post()
			.uri("/api/v1/sync/jobs")
			.bodyValue(Map.of("session_id", session, "selection", Map.of("robots", "all")))
			.exchange(), 400, "validation");
		var notText = problem(a.operator()
			.post()
			.uri("/api/v1/sync/jobs")
			.bodyValue(Map.of("session_id", session, "selection", Map.of("nodes", List.of("fail-01", 123))))
			.exchange(), 400, "validation");
		assertThat(notText.errors()).extracting("field", "message")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("selection.nodes[1]", "expected a string"));
		problem(a.operator()
			.post()
			.uri("/api/v1/sync/jobs")
			.bodyValue(Map.of("session_id", "nope", "selection", "all"))
			.exchange(), 404, "not-found");
		ServerSentEvent<JsonNode> unknown = last(
				events(startJob(session(b.baseUrl(), null).get("session_id").asString(),
						Map.of("nodes", List.of("ghost-node")), false)));
		assertThat(unknown.event()).isEqualTo("failed");
		assertThat(unknown.data().at("/problem/detail").asString()).contains("ghost-node");
	}

	/**
	 * Items alike on both sides without a base are recorded as synced, but they do not
	 * move: the progress counts only what does, and the session counts each kind.
	 */
	@Test
	void progressCountsWhatMovesNotWhatIsAlreadyAlike() {
		create(a, Fixtures.node("moves-01", "10.6.9.1", null));
		create(a, Fixtures.node("alike-01", "10.6.9.2", null));
		create(b, Fixtures.node("alike-01", "10.6.9.2", null));
		create(a, Fixtures.node("alike-02", "10.6.9.3", null));
		create(b, Fixtures.node("alike-02", "10.6.9.3", null));
		JsonNode session = session(b.baseUrl(), Peers.SYNC_PASSWORD);
		JsonNode nodes = session.at("/comparison/counts/nodes");
		assertThat(nodes.get("total").asLong()).isEqualTo(session.at("/comparison/summary/total").asLong()
				- session.at("/comparison/counts/clusters/total").asLong()
				- session.at("/comparison/counts/ssh_keys/total").asLong()
				- session.at("/comparison/counts/configurations/total").asLong());
		assertThat(nodes.get("identical").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(nodes.get("missing_on_remote").asLong()).isGreaterThanOrEqualTo(1);

		String job = startJob(session.get("session_id").asString(),
				Map.of("nodes", List.of("moves-01", "alike-01", "alike-02")), false);
		List<ServerSentEvent<JsonNode>> events = events(job);
		JsonNode progress = events.stream()
			.filter((event) -> "progress".equals(event.event()))
			.reduce((first, second) -> second)
			.orElseThrow()
			.data();
		assertThat(itemStatus(events, "alike-01")).isEqualTo("in_sync");
		assertThat(itemStatus(events, "moves-01")).isEqualTo("sent");
		assertThat(progress.get("done").asLong()).isEqualTo(1);
		assertThat(progress.get("total").asLong()).isEqualTo(1);
		JsonNode end = last(events).data();
		assertThat(end.at("/applied/nodes").asLong()).isEqualTo(1);
		assertThat(end.get("skipped").asLong()).isZero();
	}

	private static JsonNode session(String remoteUrl, String password) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("remote_url", remoteUrl));
		if (password != null) {
			body.put("password", password);
		}
		return a.operator()
			.post()
			.uri("/api/v1/sync/sessions")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static String startJob(String session, Object selection, boolean dryRun) {
		return startJob(session, selection, dryRun, "sync");
	}

	private static String startJob(String session, Object selection, boolean dryRun, String mode) {
		return a.operator()
			.post()
			.uri("/api/v1/sync/jobs")
			.bodyValue(Map.of("session_id", session, "selection", selection, "dry_run", dryRun, "mode", mode))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("job_id")
			.asString();
	}

	private static List<ServerSentEvent<JsonNode>> events(String job) {
		return JobStreams.events(a, job);
	}

	private static ServerSentEvent<JsonNode> last(List<ServerSentEvent<JsonNode>> events) {
		return events.get(events.size() - 1);
	}

	/** The status of the job's last item event about a node, or null. */
	private static String itemStatus(List<ServerSentEvent<JsonNode>> events, String key) {
		String status = null;
		for (ServerSentEvent<JsonNode> event : events) {
			if ("item".equals(event.event()) && key.equals(event.data().get("key").asString())) {
				status = event.data().get("status").asString();
			}
		}
		return status;
	}

	private static void delete(TestServer server, String hostname) {
		server.operator().delete().uri("/api/v1/nodes/" + hostname).exchange().expectStatus().is2xxSuccessful();
	}

	/** How many bases {@code server} keeps with a peer for a node. */
	private static long bases(TestServer server, String peerServerId, String hostname) {
		return server.bean(DatabaseClient.class)
			.sql("SELECT count(*) AS n FROM sync_bases WHERE peer_server_id = $1 AND kind = 'node' AND key = $2")
			.bind(0, peerServerId)
			.bind(1, hostname)
			.map((row) -> row.get("n", Long.class))
			.one()
			.block();
	}

}
