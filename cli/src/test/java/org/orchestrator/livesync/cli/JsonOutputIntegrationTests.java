package org.orchestrator.livesync.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orchestrator.livesync.client.api.NodesApi;
import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.JobView;
import org.orchestrator.livesync.client.model.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command's {@code --json} (or {@code -o json}) against two real servers: standard
 * output parses as JSON and holds nothing else, a failure is one JSON problem line on
 * standard error, and the exit code is the one README's table gives (0 done, 1 ran and
 * failed, 2 could not run).
 */
class JsonOutputIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static BackendProcess a;

	static BackendProcess b;

	@BeforeAll
	static void servers() throws Exception {
		a = BackendProcess.start("json-a");
		b = BackendProcess.start("json-b");
		NodesApi onA = new NodesApi(a.operator().client());
		for (int i = 1; i <= 3; i++) {
			onA.createNode(new Node().hostname("json-0" + i).ip("10.5.0." + i).username("ubuntu"));
		}
		new NodesApi(b.operator().client())
			.createNode(new Node().hostname("json-03").ip("10.5.9.3").username("ubuntu"));
	}

	@AfterAll
	static void stop() throws Exception {
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
	}

	@Test
	void testAndConnect() throws Exception {
		List<JsonNode> lines = lines(expect(0, cli("test", "--remote", b.url(), "--json")));
		assertThat(lines).extracting((line) -> line.get("url").asString()).containsExactly(a.url(), b.url());
		problem(expect(2, cli("--server", "http://localhost:1", "test", "-o", "json")), "unreachable", 2);

		JsonNode session = one(expect(0, cli("connect", "--remote", b.url(), "--output=json")));
		assertThat(session.at("/remote/name").asString()).isEqualTo("json-b");
		JsonNode refused = problem(
				expect(2, cli("connect", "--remote", b.url(), "--json", "--sync-password", "not-it")),
				"remote-rejected-password", 2);
		assertThat(refused.get("status").asInt()).isEqualTo(422);
	}

	@Test
	void compareCountsEachKindInFull() throws Exception {
		JsonNode comparison = one(expect(0, cli("compare", "--remote", b.url(), "-o", "json"))).get("comparison");
		JsonNode nodes = comparison.at("/counts/nodes");
		assertThat(nodes.get("missing_on_remote").asLong()).isEqualTo(comparison.at("/nodes/missing_on_remote").size())
			.isGreaterThanOrEqualTo(2);
		assertThat(nodes.get("different").asLong()).isGreaterThanOrEqualTo(1);
		String table = expect(0, cli("compare", "--remote", b.url())).out();
		assertThat(table).containsPattern("nodes +" + nodes.get("identical").asLong() + " +"
				+ nodes.get("different").asLong() + " +" + nodes.get("missing_on_remote").asLong() + " ");
		problem(expect(2, run(Map.of("LIVE_SYNC_SERVER", a.url(), "ADMIN_PASSWORD", BackendProcess.ADMIN_PASSWORD),
				"compare", "--json")), "no-remote", 2);
		problem(expect(2, cli("compare", "--remote", b.url(), "--json", "--output", "yaml")), "usage", 2);
	}

	@Test
	void syncStreamsItsEventsAsNdjson() throws Exception {
		List<JsonNode> events = lines(
				expect(0, cli("sync", "--remote", b.url(), "--select", "node:json-01", "--yes", "--json")));
		assertThat(events.get(0).get("type").asString()).isEqualTo("started");
		assertThat(events.get(0).get("job_id").asString()).isNotBlank();
		assertThat(events).extracting((event) -> event.get("type").asString()).contains("phase", "progress", "item");
		JsonNode end = events.get(events.size() - 1);
		assertThat(end.get("type").asString()).isEqualTo("completed");
		assertThat(end.at("/applied/nodes").asLong()).isEqualTo(1);

		NodesApi onA = new NodesApi(a.operator().client());
		NodesApi onB = new NodesApi(b.operator().client());
		onA.createNode(new Node().hostname("json-dup-a").ip("10.5.7.1").username("ubuntu"));
		onB.createNode(new Node().hostname("json-dup-b").ip("10.5.7.1").username("ubuntu"));
		try {
			CliRun refused = expect(1,
					cli("sync", "--remote", b.url(), "--select", "node:json-dup-a", "--yes", "--json"));
			List<JsonNode> failed = lines(refused);
			assertThat(failed.get(failed.size() - 1).get("type").asString()).isEqualTo("failed");
			assertThat(problem(refused, null, 1).get("detail").asString()).startsWith("sync failed:");
		}
		finally {
			onB.deleteNode("json-dup-b");
		}
		problem(expect(2, cli("sync", "--remote", b.url(), "--json")), "usage", 2);
		problem(expect(2, cli("sync", "--remote", b.url(), "--all", "--json")), "not-a-terminal", 2);
	}

	@Test
	void historyRollbackJobsAndAudit() throws Exception {
		new NodesApi(a.operator().client())
			.createNode(new Node().hostname("json-hist").ip("10.5.1.1").username("ubuntu"));
		List<JsonNode> events = lines(
				expect(0, cli("sync", "--remote", b.url(), "--select", "node:json-hist", "--yes", "--json")));
		String job = events.get(0).get("job_id").asString();

		JsonNode history = one(expect(0, onB("history", "--job", job, "--json")));
		String entry = history.at("/items/0/id").asString();
		assertThat(history.get("total").asLong()).isEqualTo(1);
		problem(expect(2, onB("history", "--operation", "sideways", "--json")), "usage", 2);

		JsonNode detail = one(expect(0, onB("history", "show", entry, "-o", "json")));
		assertThat(detail.at("/items/0/key").asString()).isEqualTo("json-hist");
		problem(expect(2, onB("history", "show", "0b9a5c7e-1f2d-4c3b-9a8e-7d6c5b4a3f21", "--json")), "not-found", 2);

		JsonNode dry = one(expect(0, onB("rollback", entry, "--dry-run", "--json")));
		assertThat(dry.at("/deleted/nodes").asLong()).isEqualTo(1);
		one(expect(0, onB("rollback", entry, "--yes", "--json")));
		problem(expect(1, onB("rollback", entry, "--yes", "--json")), "conflict", 1);

		JsonNode jobs = one(expect(0, cli("jobs", "--json")));
		assertThat(jobs.valueStream().map((view) -> view.get("job_id").asString())).contains(job);
		problem(expect(2, run(Map.of("LIVE_SYNC_SERVER", a.url()), "jobs", "--json")), "no-password", 2);
		problem(expect(2, cli("jobs", "cancel", job, "--json")), "conflict", 2);
		problem(expect(2, cli("jobs", "cancel", "0b9a5c7e-1f2d-4c3b-9a8e-7d6c5b4a3f21", "--json")), "not-found", 2);

		JsonNode audit = one(expect(0, onB("audit", "--action", "package_applied", "--json")));
		assertThat(audit.get("items").size()).isPositive();
		problem(expect(2, onB("audit", "--limit", "0", "--json")), "validation", 2);

		JsonNode verdict = one(expect(0, onB("audit", "verify", "--json")));
		assertThat(verdict.get("valid").asBoolean()).isTrue();
		problem(expect(2, run(Map.of("LIVE_SYNC_SERVER", "http://localhost:1", "ADMIN_PASSWORD", "x"), "audit",
				"verify", "--json")), "unreachable", 2);
	}

	@Test
	void peersAreRegisteredListedChangedAndPickedByName() throws Exception {
		JsonNode added = one(expect(0, cli("peers", "add", "json-peer", b.url(), "--json")));
		assertThat(added.get("url").asString()).isEqualTo(b.url());
		assertThat(added.get("has_password").asBoolean()).isFalse();
		problem(expect(2, cli("peers", "add", "json-peer", b.url(), "--json")), "conflict", 2);
		problem(expect(2, cli("peers", "add", "Not_A_Name", b.url(), "--json")), "validation", 2);

		JsonNode session = one(expect(0, cli("compare", "--peer", "json-peer", "--json")));
		assertThat(session.at("/remote/name").asString()).isEqualTo("json-b");
		problem(expect(2, cli("compare", "--peer", "json-peer", "--remote", b.url(), "--json")), "usage", 2);
		problem(expect(2, cli("compare", "--peer", "nope", "--json")), "not-found", 2);

		JsonNode listed = one(expect(0, cli("peers", "-o", "json")));
		assertThat(listed.valueStream().map((peer) -> peer.get("name").asString())).contains("json-peer");
		assertThat(expect(0, cli("peers")).out()).contains("json-peer").contains("json-b");

		JsonNode changed = one(
				expect(0, cli("peers", "set", "json-peer", b.url(), "--sync-password", "not-it", "--json")));
		assertThat(changed.get("has_password").asBoolean()).isTrue();
		assertThat(expect(2, cli("connect", "--peer", "json-peer")).err()).doesNotContain("not-it");
		problem(expect(2, cli("connect", "--peer", "json-peer", "--json")), "remote-rejected-password", 2);
		one(expect(0, cli("peers", "set", "json-peer", b.url(), "--no-sync-password", "--json")));
		one(expect(0, cli("connect", "--peer", "json-peer", "--json")));

		assertThat(one(expect(0, cli("peers", "remove", "json-peer", "--json"))).get("removed").asString())
			.isEqualTo("json-peer");
		problem(expect(2, cli("peers", "remove", "json-peer", "--json")), "not-found", 2);
	}

	@Test
	void syncWithManyPeersIsABroadcastThatFailsOnlyForThePeerThatIsDown() throws Exception {
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		one(expect(0, cli("peers", "add", "bc-b", b.url(), "--json")));
		one(expect(0, cli("peers", "add", "bc-down", "http://127.0.0.1:" + closed, "--json")));

		CliRun words = expect(0, cli("sync", "--peers", "bc-b", "--select", "node:json-02", "--yes"));
		assertThat(words.out()).contains("bc-b: running, job ")
			.contains("bc-b: completed, applied 1")
			.contains("All 1 peers completed.");

		CliRun both = expect(1, cli("sync", "--peers", "bc-b,bc-down", "--select", "node:json-02", "--yes", "--json"));
		List<JsonNode> events = lines(both);
		assertThat(events.get(0).get("type").asString()).isEqualTo("started");
		JsonNode finished = events.get(events.size() - 1);
		assertThat(finished.get("type").asString()).isEqualTo("finished");
		assertThat(finished.get("completed").asLong()).isEqualTo(1);
		assertThat(finished.get("failed").asLong()).isEqualTo(1);
		assertThat(problem(both, "broadcast-failed", 1).get("detail").asString()).contains("bc-down");
		problem(expect(2, cli("sync", "--peers", "bc-b", "--remote", b.url(), "--all", "--yes", "--json")), "usage", 2);
		problem(expect(2, cli("sync", "--peers", "nowhere", "--all", "--yes", "--json")), "validation", 2);
	}

	@Test
	void schedulesAreAddedListedShownChangedPausedRunAndRemoved() throws Exception {
		one(expect(0, cli("peers", "add", "sched-b", b.url(), "--json")));
		new NodesApi(a.operator().client())
			.createNode(new Node().hostname("json-sched").ip("10.5.3.1").username("ubuntu"));
		// Yearly: it runs when told to, never by itself while the test goes on.
		JsonNode added = one(expect(0, cli("schedules", "add", "json-yearly", "--cron", "@yearly", "--peer", "sched-b",
				"--select", "node:json-sched", "--prefer", "local", "--apply", "only_if_conflict_free", "--json")));
		assertThat(added.get("peers").valueStream().map(JsonNode::asString)).containsExactly("sched-b");
		assertThat(added.at("/selection/nodes/0").asString()).isEqualTo("json-sched");
		assertThat(added.get("direction").asString()).isEqualTo("push");
		assertThat(added.get("conflict_policy").asString()).isEqualTo("prefer_local");
		assertThat(added.get("apply").asString()).isEqualTo("only_if_conflict_free");
		assertThat(added.get("paused").asBoolean()).isFalse();
		assertThat(added.get("next_runs")).hasSize(5);
		problem(expect(2,
				cli("schedules", "add", "json-yearly", "--cron", "@yearly", "--peer", "sched-b", "--all", "--json")),
				"conflict", 2);

		JsonNode listed = one(expect(0, cli("schedules", "-o", "json")));
		assertThat(listed.valueStream().map((schedule) -> schedule.get("name").asString())).contains("json-yearly");
		assertThat(expect(0, cli("schedules")).out()).containsPattern("json-yearly +@yearly +sched-b +push "
				+ "+only_if_conflict_free +active +" + added.at("/next_runs/0").asString().substring(0, 10));

		JsonNode shown = one(expect(0, cli("schedules", "show", "json-yearly", "--json")));
		assertThat(shown.get("next_runs")).isEqualTo(added.get("next_runs"));
		String details = expect(0, cli("schedules", "show", "json-yearly")).out();
		assertThat(details).contains("Schedule json-yearly: active")
			.contains("selection:   nodes: json-sched")
			.contains("conflicts:   prefer_local");
		assertThat(details.lines().filter((line) -> line.matches(" +(next runs:)? +\\d{4}-.*Z"))).hasSize(5);
		problem(expect(2, cli("schedules", "show", "missing", "--json")), "not-found", 2);

		JsonNode changed = one(expect(0, cli("schedules", "set", "json-yearly", "--apply", "always", "--json")));
		assertThat(changed.get("apply").asString()).isEqualTo("always");
		assertThat(changed.get("cron").asString()).as("what was not given stays").isEqualTo("@yearly");
		assertThat(changed.get("selection")).isEqualTo(added.get("selection"));
		assertThat(changed.get("conflict_policy").asString()).isEqualTo("prefer_local");
		problem(expect(2, cli("schedules", "set", "json-yearly", "--json")), "usage", 2);
		problem(expect(2, cli("schedules", "set", "json-yearly", "--direction", "sideways", "--json")), "usage", 2);
		problem(expect(2, cli("schedules", "set", "missing", "--all", "--json")), "not-found", 2);

		JsonNode paused = one(expect(0, cli("schedules", "pause", "json-yearly", "--json")));
		assertThat(paused.get("paused").asBoolean()).isTrue();
		assertThat(paused.get("next_runs")).isEmpty();
		assertThat(expect(0, cli("schedules")).out()).containsPattern("json-yearly .* paused +- ");

		// Run now, paused or not, followed to its end: the job's events, each with its
		// id.
		List<JsonNode> events = lines(expect(0, cli("schedules", "run", "json-yearly", "--wait", "--json")));
		assertThat(events.get(0).get("type").asString()).isEqualTo("started");
		String job = events.get(0).at("/job_ids/0").asString();
		JsonNode end = events.get(events.size() - 1);
		assertThat(end.get("type").asString()).isEqualTo("completed");
		assertThat(end.get("job_id").asString()).isEqualTo(job);
		assertThat(end.at("/applied/nodes").asLong()).isEqualTo(1);
		assertThat(new NodesApi(b.operator().client()).getNode("json-sched").getIp()).isEqualTo("10.5.3.1");
		assertThat(expect(0, cli("schedules", "run", "json-yearly", "--wait")).out()).contains("Synced to json-b")
			.contains("Verified");
		assertThat(expect(0, cli("schedules")).out()).contains("completed ");

		JsonNode resumed = one(expect(0, cli("schedules", "resume", "json-yearly", "--json")));
		assertThat(resumed.get("paused").asBoolean()).isFalse();
		assertThat(resumed.get("next_runs")).hasSize(5);
		assertThat(resumed.get("last_job_ids")).isNotEmpty();

		JsonNode run = one(expect(0, cli("schedules", "run", "json-yearly", "--json")));
		assertThat(run.get("job_ids")).hasSize(1);
		assertThat(run.get("errors").isNull()).isTrue();
		awaitEnd(run.at("/job_ids/0").asString());

		assertThat(one(expect(0, cli("schedules", "remove", "json-yearly", "--json"))).get("removed").asString())
			.isEqualTo("json-yearly");
		problem(expect(2, cli("schedules", "remove", "json-yearly", "--json")), "not-found", 2);
		problem(expect(2, cli("schedules", "run", "json-yearly", "--json")), "not-found", 2);
	}

	@Test
	void badSchedulesAreRefusedAndFailedRunsExitOne() throws Exception {
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		one(expect(0, cli("peers", "add", "sched-fail-b", b.url(), "--json")));
		one(expect(0, cli("peers", "add", "sched-down", "http://127.0.0.1:" + closed, "--json")));

		JsonNode badCron = problem(expect(2, cli("schedules", "add", "json-bad", "--cron", "every tuesday", "--peer",
				"sched-fail-b", "--all", "--json")), "validation", 2);
		assertThat(badCron.get("status").asInt()).isEqualTo(400);
		problem(expect(2,
				cli("schedules", "add", "json-bad", "--cron", "@daily", "--peer", "nobody", "--all", "--json")),
				"validation", 2);
		problem(expect(2,
				cli("schedules", "add", "Bad_Name", "--cron", "@daily", "--peer", "sched-fail-b", "--all", "--json")),
				"validation", 2);
		problem(expect(2, cli("schedules", "add", "json-bad", "--peer", "sched-fail-b", "--all", "--json")), "usage",
				2);
		problem(expect(2, cli("schedules", "add", "json-bad", "--cron", "@daily", "--peer", "sched-fail-b", "--json")),
				"usage", 2);
		problem(expect(2, cli("schedules", "add", "json-bad", "--cron", "@daily", "--peer", "sched-fail-b", "--all",
				"--apply", "sometimes", "--json")), "usage", 2);
		assertThat(one(expect(0, cli("schedules", "--json"))).valueStream()
			.map((schedule) -> schedule.get("name").asString())).doesNotContain("json-bad", "Bad_Name");

		// A peer that is down: the run starts no job for it and says so.
		one(expect(0,
				cli("schedules", "add", "json-down", "--cron", "@yearly", "--peers", "sched-down", "--all", "--json")));
		CliRun down = expect(1, cli("schedules", "run", "json-down", "--json"));
		assertThat(one(down).get("job_ids")).isEmpty();
		assertThat(problem(down, "schedule-run-failed", 1).get("detail").asString()).contains("sched-down");
		one(expect(0, cli("schedules", "remove", "json-down", "--json")));

		// Changed on both sides since the last sync: only_if_conflict_free applies
		// nothing.
		NodesApi onA = new NodesApi(a.operator().client());
		NodesApi onB = new NodesApi(b.operator().client());
		onA.createNode(new Node().hostname("json-careful").ip("10.5.4.1").username("ubuntu"));
		one(expect(0, cli("schedules", "add", "json-careful", "--cron", "@yearly", "--peer", "sched-fail-b", "--select",
				"node:json-careful", "--apply", "only_if_conflict_free", "--json")));
		lines(expect(0, cli("schedules", "run", "json-careful", "--wait", "--json")));
		onA.replaceNode("json-careful", new Node().hostname("json-careful").ip("10.5.4.2").username("ubuntu"));
		onB.replaceNode("json-careful", new Node().hostname("json-careful").ip("10.5.4.3").username("ubuntu"));
		CliRun careful = expect(1, cli("schedules", "run", "json-careful", "--wait", "--json"));
		assertThat(lines(careful).get(lines(careful).size() - 1).get("type").asString()).isEqualTo("failed");
		problem(careful, "needs-attention", 1);
		assertThat(expect(1, cli("schedules", "run", "json-careful", "--wait")).err())
			.contains("live-sync: sync failed:");
		assertThat(expect(0, cli("schedules", "show", "json-careful")).out()).contains("failed needs-attention ");
		assertThat(onB.getNode("json-careful").getIp()).as("the target is unchanged").isEqualTo("10.5.4.3");
		one(expect(0, cli("schedules", "remove", "json-careful", "--json")));
	}

	@Test
	void asksForThePasswordOnATerminalWithoutEcho() throws Exception {
		AtomicReference<String> asked = new AtomicReference<>();
		Terminal terminal = new Terminal() {

			@Override
			public String readLine(String prompt) {
				return "n";
			}

			@Override
			public char[] readPassword(String prompt) {
				asked.set(prompt);
				return BackendProcess.ADMIN_PASSWORD.toCharArray();
			}

		};
		CliRun jobs = CliRun.at(terminal, Map.of("LIVE_SYNC_SERVER", a.url()), "jobs", "--json");
		assertThat(jobs.exitCode()).as(jobs.err()).isZero();
		assertThat(asked.get()).isEqualTo("Password for admin at " + a.url() + ": ");
		one(jobs);

		Terminal wrong = new Terminal() {

			@Override
			public String readLine(String prompt) {
				return null;
			}

			@Override
			public char[] readPassword(String prompt) {
				return "not-it".toCharArray();
			}

		};
		problem(expect(2, CliRun.at(wrong, Map.of("LIVE_SYNC_SERVER", a.url()), "jobs", "--json")), null, 2);
		CliRun cancelled = CliRun.at(terminal, Map.of("LIVE_SYNC_SERVER", a.url()), "sync", "--remote", b.url(),
				"--select", "node:json-02", "--json");
		problem(expect(2, cancelled), "cancelled", 2);
		assertThat(cancelled.out()).isEmpty();
	}

	/** Waits for a job started without --wait, so that it ends before its schedule. */
	private static void awaitEnd(String job) throws Exception {
		SyncApi sync = new SyncApi(a.operator().client());
		Instant deadline = Instant.now().plusSeconds(60);
		while (sync.getSyncJob(job).getStatus() == JobView.StatusEnum.RUNNING) {
			assertThat(Instant.now()).as("job %s ends", job).isBefore(deadline);
			Thread.sleep(200);
		}
	}

	private static CliRun expect(int exitCode, CliRun run) {
		assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isEqualTo(exitCode);
		return run;
	}

	/** Standard output as one JSON document. */
	private static JsonNode one(CliRun run) throws Exception {
		return JSON.readTree(run.out());
	}

	/** Standard output as NDJSON, one document a line. */
	private static List<JsonNode> lines(CliRun run) throws Exception {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : run.out().lines().toList()) {
			lines.add(JSON.readTree(line));
		}
		assertThat(lines).isNotEmpty();
		return lines;
	}

	/**
	 * The problem on standard error's last line, with its code (when given) and exit
	 * code; standard output has nothing else than JSON.
	 */
	private static JsonNode problem(CliRun run, String code, int exitCode) throws Exception {
		List<String> err = run.err().lines().toList();
		assertThat(err).isNotEmpty();
		JsonNode problem = JSON.readTree(err.get(err.size() - 1));
		if (code != null) {
			assertThat(problem.get("code").asString()).as(run.err()).isEqualTo(code);
		}
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("exit_code").asInt()).isEqualTo(exitCode);
		// Nothing but JSON on standard output: NDJSON lines (sync) or nothing.
		for (String line : run.out().lines().toList()) {
			JSON.readTree(line);
		}
		return problem;
	}

	private static CliRun cli(String... args) {
		return CliRun.on(a, args);
	}

	private static CliRun onB(String... args) {
		return CliRun.on(b, args);
	}

	private static CliRun run(Map<String, String> environment, String... args) {
		return CliRun.with(environment, args);
	}

}
