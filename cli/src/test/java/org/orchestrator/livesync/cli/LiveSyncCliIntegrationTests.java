package org.orchestrator.livesync.cli;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orchestrator.livesync.client.ApiException;
import org.orchestrator.livesync.client.api.ClustersApi;
import org.orchestrator.livesync.client.api.NodesApi;
import org.orchestrator.livesync.client.model.Cluster;
import org.orchestrator.livesync.client.model.Member;
import org.orchestrator.livesync.client.model.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The CLI against two real servers, as a script would run it. */
class LiveSyncCliIntegrationTests {

	static BackendProcess a;

	static BackendProcess b;

	@BeforeAll
	static void servers() throws Exception {
		a = BackendProcess.start("cli-a");
		b = BackendProcess.start("cli-b");
		NodesApi nodes = new NodesApi(a.operator().client());
		for (String hostname : List.of("cli-01", "cli-02", "cli-03")) {
			nodes.createNode(new Node().hostname(hostname).ip("10.9.0." + hostname.substring(5)).username("ubuntu"));
		}
		new ClustersApi(a.operator().client())
			.createCluster(new Cluster().name("cli-cluster").addNodesItem(new Member().hostname("cli-01")));
		new NodesApi(b.operator().client()).createNode(new Node().hostname("cli-03").ip("10.9.9.3").username("ubuntu"));
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
	void testsTheServerAndTheRemote() {
		CliRun run = cli("test", "--remote", b.url());
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("ok  " + a.url() + ": cli-a").contains("ok  " + b.url() + ": cli-b");
		CliRun down = cli("--server", "http://localhost:1", "test");
		assertThat(down.exitCode()).isEqualTo(2);
		assertThat(down.err().lines()).singleElement().asString().contains("cannot reach http://localhost:1");
		CliRun remoteDown = cli("test", "--remote", "http://localhost:1");
		assertThat(remoteDown.exitCode()).isEqualTo(2);
		assertThat(remoteDown.err()).contains("see --remote or SYNC_REMOTE_URL");
	}

	@Test
	void testAndConnectPrintJsonForScripts() throws Exception {
		CliRun test = cli("test", "--remote", b.url(), "--json");
		assertThat(test.exitCode()).as(test.err()).isZero();
		List<JsonNode> lines = new java.util.ArrayList<>();
		for (String line : test.out().lines().toList()) {
			lines.add(JsonMapper.builder().build().readTree(line));
		}
		assertThat(lines).extracting((line) -> line.get("url").asString()).containsExactly(a.url(), b.url());
		assertThat(lines.get(1).at("/result/server_name").asString()).isEqualTo("cli-b");
		CliRun connect = cli("connect", "--remote", b.url(), "--json");
		assertThat(connect.exitCode()).as(connect.err()).isZero();
		JsonNode session = JsonMapper.builder().build().readTree(connect.out());
		assertThat(session.at("/remote/name").asString()).isEqualTo("cli-b");
		assertThat(session.at("/comparison/summary/total").isNumber()).isTrue();
	}

	@Test
	void comparesThenSyncsEverythingWithProgressAndASummary() throws Exception {
		CliRun table = cli("compare", "--remote", b.url());
		assertThat(table.exitCode()).isZero();
		assertThat(table.out()).contains("🔵 node cli-01: missing on remote")
			.contains("🟡 node cli-03: different — ip: 10.9.0.3 → 10.9.9.3");
		CliRun json = cli("compare", "--remote", b.url(), "--json");
		JsonNode session = JsonMapper.builder().build().readTree(json.out());
		assertThat(session.at("/comparison/summary/missing_on_remote").asLong()).isGreaterThanOrEqualTo(2);

		CliRun dry = cli("sync", "--remote", b.url(), "--select", "node:cli-02", "--dry-run", "--yes");
		assertThat(dry.exitCode()).isZero();
		assertThat(dry.out()).contains("Nothing was changed (dry run)");

		CliRun run = cli("sync", "--remote", b.url(), "--all", "--yes");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("phase: connecting")
			.contains("phase: transferring")
			.contains("progress: ")
			.contains("Synced to cli-b")
			.contains("Verified");
		assertThat(new NodesApi(b.operator().client()).getNode("cli-02").getIp()).isEqualTo("10.9.0.2");
		assertThat(new ClustersApi(b.operator().client()).getCluster("cli-cluster").getNodes()).hasSize(1);
	}

	@Test
	void pullsWhatOnlyTheRemoteHas() throws Exception {
		new NodesApi(b.operator().client()).createNode(new Node().hostname("cli-pull").ip("10.9.8.1").username("ops"));
		CliRun run = cli("sync", "--remote", b.url(), "--select", "node:cli-pull", "--direction", "pull", "--yes");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("Syncing from cli-b")
			.contains("Pulled from cli-b")
			.contains("applied 1 nodes")
			.contains("Verified: this server now has exactly what was pulled.");
		assertThat(new NodesApi(a.operator().client()).getNode("cli-pull").getIp()).isEqualTo("10.9.8.1");
		assertThat(cli("sync", "--remote", b.url(), "--all", "--direction", "sideways", "--yes").exitCode())
			.isEqualTo(2);
	}

	@Test
	void syncsBothWaysAndSaysWhatEachDirectionDid() throws Exception {
		NodesApi onA = new NodesApi(a.operator().client());
		NodesApi onB = new NodesApi(b.operator().client());
		onA.createNode(new Node().hostname("cli-here").ip("10.9.3.1").username("ubuntu"));
		onB.createNode(new Node().hostname("cli-there").ip("10.9.3.2").username("ubuntu"));
		CliRun run = cli("sync", "--remote", b.url(), "--select", "node:cli-here", "--select", "node:cli-there",
				"--direction", "both", "--yes");
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).contains("Syncing both ways with cli-b")
			.contains("Synced both ways with cli-b")
			.contains("  → cli-b (" + b.url() + "): applied 1 nodes; deleted nothing; skipped 0")
			.contains("  ← this server: applied 1 nodes; deleted nothing; skipped 0")
			.contains("Verified: each server now has exactly what the other sent it.");
		assertThat(onB.getNode("cli-here").getIp()).isEqualTo("10.9.3.1");
		assertThat(onA.getNode("cli-there").getIp()).isEqualTo("10.9.3.2");

		onB.replaceNode("cli-there", new Node().hostname("cli-there").ip("10.9.4.2").username("ubuntu"));
		CliRun json = cli("sync", "--remote", b.url(), "--select", "node:cli-there", "--direction", "both", "--json",
				"--yes");
		assertThat(json.exitCode()).as(json.err()).isZero();
		List<String> events = json.out().lines().toList();
		JsonNode completed = JsonMapper.builder().build().readTree(events.get(events.size() - 1));
		assertThat(JsonMapper.builder().build().readTree(events.get(0)).get("type").asString()).isEqualTo("started");
		assertThat(completed.get("type").asString()).isEqualTo("completed");
		assertThat(completed.at("/pulled/applied/nodes").asLong()).isEqualTo(1);
		assertThat(completed.at("/pushed/applied/nodes").asLong()).isZero();
		assertThat(completed.at("/applied/nodes").asLong()).isEqualTo(1);
		assertThat(json.err()).contains("Syncing both ways with cli-b");
		assertThat(onA.getNode("cli-there").getIp()).isEqualTo("10.9.4.2");

		assertThat(cli("sync", "--remote", b.url(), "--all", "--direction", "both", "--mirror", "--yes").exitCode())
			.isEqualTo(2);
	}

	@Test
	void letsThePreferredVersionWinAConflictBothWays() throws Exception {
		NodesApi onA = new NodesApi(a.operator().client());
		NodesApi onB = new NodesApi(b.operator().client());
		onA.createNode(new Node().hostname("cli-clash").ip("10.9.6.1").username("ubuntu"));
		assertThat(cli("sync", "--remote", b.url(), "--select", "node:cli-clash", "--yes").exitCode()).isZero();
		onA.replaceNode("cli-clash", new Node().hostname("cli-clash").ip("10.9.6.2").username("ubuntu"));
		onB.replaceNode("cli-clash", new Node().hostname("cli-clash").ip("10.9.6.3").username("ubuntu"));

		CliRun skipped = cli("sync", "--remote", b.url(), "--select", "node:cli-clash", "--direction", "both", "--yes");
		assertThat(skipped.exitCode()).as(skipped.err()).isZero();
		assertThat(skipped.out()).contains("cli-clash")
			.contains("1 conflict needs a decision: --prefer local, remote or newest")
			.contains("ip: 10.9.6.2 → 10.9.6.3 (changed on both sides, was 10.9.6.1)")
			.contains("conflict, left alone: --prefer local, remote or newest decides it");
		assertThat(onA.getNode("cli-clash").getIp()).as("no side wins by default").isEqualTo("10.9.6.2");

		CliRun remote = cli("sync", "--remote", b.url(), "--select", "node:cli-clash", "--direction", "both",
				"--prefer", "remote", "--yes");
		assertThat(remote.exitCode()).as(remote.err()).isZero();
		assertThat(onA.getNode("cli-clash").getIp()).isEqualTo("10.9.6.3");
		assertThat(onB.getNode("cli-clash").getIp()).isEqualTo("10.9.6.3");

		// There, then here: the later change wins on both sides by the servers' logical
		// clocks.
		onB.replaceNode("cli-clash", new Node().hostname("cli-clash").ip("10.9.6.4").username("ubuntu"));
		onA.replaceNode("cli-clash", new Node().hostname("cli-clash").ip("10.9.6.5").username("ubuntu"));
		CliRun newest = cli("sync", "--remote", b.url(), "--select", "node:cli-clash", "--direction", "both",
				"--prefer", "newest", "--yes");
		assertThat(newest.exitCode()).as(newest.err()).isZero();
		assertThat(onA.getNode("cli-clash").getIp()).isEqualTo("10.9.6.5");
		assertThat(onB.getNode("cli-clash").getIp()).isEqualTo("10.9.6.5");

		assertThat(cli("sync", "--remote", b.url(), "--all", "--prefer", "oldest", "--yes").exitCode()).isEqualTo(2);
		assertThat(cli("sync", "--remote", b.url(), "--all", "--prefer", "local", "--conflicts", "skip", "--yes")
			.exitCode()).isEqualTo(2);
	}

	@Test
	void refusesASyncThatWouldBreakAnInventoryRuleAndSaysWhatFixesIt() throws Exception {
		NodesApi onA = new NodesApi(a.operator().client());
		NodesApi onB = new NodesApi(b.operator().client());
		onA.createNode(new Node().hostname("cli-dup-a").ip("10.9.7.1").username("ubuntu"));
		onB.createNode(new Node().hostname("cli-dup-b").ip("10.9.7.1").username("ubuntu"));
		try {
			CliRun refused = cli("sync", "--remote", b.url(), "--select", "node:cli-dup-a", "--yes");
			assertThat(refused.exitCode()).isEqualTo(1);
			assertThat(refused.out()).contains("A sync of everything would break these inventory rules:")
				.contains("Refused before anything moved")
				.contains("'cli-dup-a' and 'cli-dup-b'")
				.contains("10.9.7.1");
			assertThat(refused.err()).contains("sync failed:");
			assertThatExceptionOfType(ApiException.class).isThrownBy(() -> onB.getNode("cli-dup-a"))
				.satisfies((missing) -> assertThat(missing.getCode()).isEqualTo(404));
		}
		finally {
			onB.deleteNode("cli-dup-b");
		}
	}

	@Test
	void leavesAnEditMadeOnTheRemoteAloneUnlessMirroring() throws Exception {
		new NodesApi(a.operator().client()).createNode(new Node().hostname("cli-m1").ip("10.9.1.1").username("ubuntu"));
		assertThat(cli("sync", "--remote", b.url(), "--select", "node:cli-m1", "--yes").exitCode()).isZero();
		NodesApi onB = new NodesApi(b.operator().client());
		onB.replaceNode("cli-m1", new Node().hostname("cli-m1").ip("10.9.2.1").username("ubuntu"));

		CliRun sync = cli("sync", "--remote", b.url(), "--select", "node:cli-m1", "--yes");
		assertThat(sync.exitCode()).as(sync.err()).isZero();
		assertThat(sync.out()).contains("node cli-m1: changed on the remote: pull or sync both ways to take it")
			.contains("skipped 1")
			.doesNotContain("--mirror makes");
		assertThat(onB.getNode("cli-m1").getIp()).isEqualTo("10.9.2.1");

		CliRun mirror = cli("sync", "--remote", b.url(), "--select", "node:cli-m1", "--mirror", "--yes");
		assertThat(mirror.exitCode()).as(mirror.err()).isZero();
		assertThat(mirror.out())
			.contains("Warning: --mirror makes cli-b (" + b.url()
					+ ") like this server for the selection: changes made only there are overwritten")
			.doesNotContain("changed on the remote:");
		assertThat(mirror.out().indexOf("Warning: --mirror")).isLessThan(mirror.out().indexOf("Syncing to"));
		assertThat(onB.getNode("cli-m1").getIp()).isEqualTo("10.9.1.1");
	}

	@Test
	void failsInOneLineOnAWrongPasswordAndOnUsageErrors() {
		CliRun wrong = cli("sync", "--remote", b.url(), "--all", "--yes", "--sync-password", "not-it");
		assertThat(wrong.exitCode()).isNotZero();
		assertThat(wrong.err().lines()).singleElement().asString().contains("refused the sync password");

		CliRun badPin = cli("connect", "--remote", b.url(), "--remote-fingerprint", "AB:CD");
		assertThat(badPin.exitCode()).isNotZero();
		assertThat(badPin.err().lines()).singleElement().asString().contains("remote_fingerprint");
		CliRun pinOverHttp = cli("compare", "--remote", b.url(), "--remote-fingerprint", "ab".repeat(32));
		assertThat(pinOverHttp.err()).contains("remote_url must be https://");

		assertThat(cli("sync", "--remote", b.url()).exitCode()).isEqualTo(2);
		assertThat(cli("sync", "--remote", b.url(), "--select", "robot:r2").exitCode()).isEqualTo(2);
		CliRun unconfirmed = cli("sync", "--remote", b.url(), "--select", "node:cli-01");
		assertThat(unconfirmed.exitCode()).isEqualTo(2);
		assertThat(unconfirmed.err()).contains("--yes");
		CliRun noPassword = run(Map.of("LIVE_SYNC_SERVER", a.url()), "compare", "--remote", b.url());
		assertThat(noPassword.exitCode()).isEqualTo(2);
		assertThat(noPassword.err()).contains("ADMIN_PASSWORD");
	}

	private static CliRun cli(String... args) {
		return CliRun.on(a, args);
	}

	private static CliRun run(Map<String, String> environment, String... args) {
		return CliRun.with(environment, args);
	}

}
