package org.orchestrator.livesync.cli;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orchestrator.livesync.client.ApiException;
import org.orchestrator.livesync.client.api.NodesApi;
import org.orchestrator.livesync.client.model.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code history}, {@code history show}, {@code rollback} and {@code jobs} against two
 * real servers: what the CLI's own syncs left in the target's history, undone.
 */
class HistoryCommandsIntegrationTests {

	private static final Pattern JOB = Pattern.compile(": job ([0-9a-f-]{36})");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static BackendProcess a;

	static BackendProcess b;

	static NodesApi onA;

	static NodesApi onB;

	@BeforeAll
	static void servers() throws Exception {
		a = BackendProcess.start("hist-a");
		b = BackendProcess.start("hist-b");
		onA = new NodesApi(a.operator().client());
		onB = new NodesApi(b.operator().client());
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
	void listsWhatASyncAppliedOnTheTargetAndShowsItFieldByField() throws Exception {
		onA.createNode(node("hist-01", "10.7.1.1"));
		String created = sync("hist-01");
		onA.replaceNode("hist-01", node("hist-01", "10.7.1.2"));
		String changed = sync("hist-01");

		CliRun table = onB("history");
		assertThat(table.exitCode()).as(table.err()).isZero();
		assertThat(table.out().lines().findFirst()).hasValueSatisfying((heading) -> assertThat(heading)
			.matches("ID +WHEN +OPERATION +PEER +STARTED BY +ITEMS +ROLLED BACK BY"));
		String changedEntry = entryOf(changed);
		String createdEntry = entryOf(created);
		assertThat(table.out()).containsPattern(changedEntry + " +\\S+Z +push +hist-a +admin +1 +-");
		assertThat(table.out().indexOf(changedEntry)).as("newest first").isLessThan(table.out().indexOf(createdEntry));
		CliRun one = onB("history", "--limit", "1", "--operation", "push");
		assertThat(one.out().lines().count()).isEqualTo(3);
		assertThat(one.out()).containsPattern("1 of \\d+ entries \\(--limit shows more\\)");
		assertThat(onB("history", "--peer", "someone-else").out()).contains("No history entries match.");

		CliRun show = onB("history", "show", changedEntry);
		assertThat(show.exitCode()).as(show.err()).isZero();
		assertThat(show.out()).contains("History entry " + changedEntry + ": push from hist-a to this server at ")
			.contains("job " + changed + ", started by admin")
			.contains("applied 1 nodes; changed 1 nodes; deleted nothing (1 item)")
			.contains("changed node hist-01\n    ip: 10.7.1.1 → 10.7.1.2\n");
		assertThat(onB("history", "show", createdEntry).out()).contains("created node hist-01")
			.contains("    ip: (none) → 10.7.1.1");
		JsonNode detail = JSON.readTree(onB("history", "show", changedEntry, "--json").out());
		assertThat(detail.at("/entry/job_id").asString()).isEqualTo(changed);
		assertThat(detail.at("/total").asLong()).isEqualTo(1);
		assertThat(detail.at("/items/0/changes/0/field").asString()).isEqualTo("ip");
		assertThat(detail.at("/items/0/changes/0/after").asString()).isEqualTo("10.7.1.2");

		assertThat(onB("history", "--operation", "sideways").exitCode()).isEqualTo(2);
		assertThat(onB("history", "--job", "job-7").exitCode()).isEqualTo(2);
		assertThat(onB("history", "show", "not-an-id").exitCode()).isEqualTo(2);
		CliRun missing = onB("history", "show", UUID.randomUUID().toString());
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.err().lines()).singleElement().asString().contains("history entry");
	}

	@Test
	void rollsBackWhatASyncCreatedAfterADryRunThatChangesNothing() throws Exception {
		onA.createNode(node("hist-02", "10.7.2.1"));
		String entry = entryOf(sync("hist-02"));

		CliRun dry = onB("rollback", entry, "--dry-run");
		assertThat(dry.exitCode()).as(dry.err()).isZero();
		assertThat(dry.out())
			.contains("Dry run: rolling back " + entry
					+ " on this server: would restore nothing; would delete 1 nodes; kept nothing.")
			.contains("Nothing was changed (dry run).");
		assertThat(onB.getNode("hist-02").getIp()).isEqualTo("10.7.2.1");
		JsonNode dryJson = JSON.readTree(onB("rollback", entry, "--dry-run", "--json").out());
		assertThat(dryJson.at("/dry_run").asBoolean()).isTrue();
		assertThat(dryJson.at("/deleted/nodes").asLong()).isEqualTo(1);

		CliRun unconfirmed = onB("rollback", entry);
		assertThat(unconfirmed.exitCode()).isEqualTo(2);
		assertThat(unconfirmed.err()).contains("--yes");

		CliRun rollback = onB("rollback", entry, "--yes");
		assertThat(rollback.exitCode()).as(rollback.err()).isZero();
		assertThat(rollback.out())
			.contains("Rolled back " + entry + " on this server: restored nothing; deleted 1 nodes; kept nothing.")
			.containsPattern("The rollback is history entry [0-9a-f-]{36}");
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> onB.getNode("hist-02"))
			.satisfies((gone) -> assertThat(gone.getCode()).isEqualTo(404));
		assertThat(onA.getNode("hist-02").getIp()).as("on that server alone").isEqualTo("10.7.2.1");

		JsonNode rollbacks = JSON.readTree(onB("history", "--operation", "rollback", "--json").out());
		assertThat(rollbacks.get("items").valueStream().map((item) -> item.get("rollback_of").asString()))
			.contains(entry);
		assertThat(onB("history").out()).containsPattern(entry + " .* [0-9a-f-]{36}\n");

		CliRun again = onB("rollback", entry, "--yes");
		assertThat(again.exitCode()).isEqualTo(1);
		assertThat(again.err().lines()).singleElement().asString().contains("rolled back already");
	}

	@Test
	void refusesToRollBackOverALaterChangeAndNamesItUnlessForced() throws Exception {
		onA.createNode(node("hist-03", "10.7.3.1"));
		sync("hist-03");
		onA.replaceNode("hist-03", node("hist-03", "10.7.3.2"));
		String entry = entryOf(sync("hist-03"));
		onB.replaceNode("hist-03", node("hist-03", "10.7.3.9"));

		CliRun refused = onB("rollback", entry, "--yes");
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.out()).contains("Refused, nothing rolled back")
			.contains("  ⚠ node hist-03: changed since\n")
			.contains("To roll back anyway: --force overwrites it, or --keep node:hist-03 leaves it as it is now.");
		assertThat(refused.err().lines()).singleElement().asString().contains("changed again since this entry");
		assertThat(onB.getNode("hist-03").getIp()).isEqualTo("10.7.3.9");

		CliRun dry = onB("rollback", entry, "--dry-run");
		assertThat(dry.exitCode()).isZero();
		assertThat(dry.out()).contains("⚠ node hist-03: changed since")
			.contains("A rollback like this would be refused")
			.contains("Nothing was changed (dry run).");
		CliRun kept = onB("rollback", entry, "--dry-run", "--keep", "node:hist-03");
		assertThat(kept.out()).contains("kept 1 nodes").contains("node hist-03: changed since, kept as it is (--keep)");

		CliRun forced = onB("rollback", entry, "--force", "--yes");
		assertThat(forced.exitCode()).as(forced.err()).isZero();
		assertThat(forced.out()).contains("restored 1 nodes")
			.contains("node hist-03: changed since, overwritten (--force)");
		assertThat(onB.getNode("hist-03").getIp()).isEqualTo("10.7.3.1");

		assertThat(onB("rollback", entry, "--keep", "robot:r2", "--yes").exitCode()).isEqualTo(2);
	}

	@Test
	void listsTheSyncJobsWithTheirRemote() throws Exception {
		onA.createNode(node("hist-04", "10.7.4.1"));
		String job = sync("hist-04");

		CliRun jobs = CliRun.on(a, "jobs");
		assertThat(jobs.exitCode()).as(jobs.err()).isZero();
		assertThat(jobs.out().lines().findFirst())
			.hasValueSatisfying((heading) -> assertThat(heading).startsWith("JOB").contains("RESULT"));
		assertThat(jobs.out())
			.containsPattern(Pattern.quote(job) + " +completed +push +" + Pattern.quote("hist-b (" + b.url() + ")")
					+ " +admin +\\S+Z +applied 1 nodes; changed 1 nodes; deleted nothing; skipped 0");
		JsonNode json = JSON.readTree(CliRun.on(a, "jobs", "--json").out());
		assertThat(json.valueStream().map((view) -> view.get("job_id").asString())).contains(job);
		assertThat(CliRun.on(b, "jobs").out()).contains("No sync jobs");
	}

	/** Pushes one node from A to B with the CLI; the job's id. */
	private static String sync(String hostname) {
		CliRun run = CliRun.on(a, "sync", "--remote", b.url(), "--select", "node:" + hostname, "--yes");
		assertThat(run.exitCode()).as(run.err()).isZero();
		Matcher job = JOB.matcher(run.out());
		assertThat(job.find()).as(run.out()).isTrue();
		return job.group(1);
	}

	/** The id of the one entry B's history has for this job. */
	private static String entryOf(String job) {
		CliRun run = onB("history", "--job", job, "--json");
		assertThat(run.exitCode()).as(run.err()).isZero();
		JsonNode page = JSON.readTree(run.out());
		assertThat(page.get("items")).hasSize(1);
		return page.at("/items/0/id").asString();
	}

	@Test
	void listsTheAuditLogAndVerifiesItsChain() throws Exception {
		onA.createNode(node("hist-audit", "10.7.9.1"));
		sync("hist-audit");

		CliRun log = onB("audit", "--action", "package_applied");
		assertThat(log.exitCode()).as(log.err()).isZero();
		assertThat(log.out().lines().findFirst())
			.hasValueSatisfying((heading) -> assertThat(heading).matches("SEQ +AT +ACTION +ACTOR +FROM +DETAILS"));
		assertThat(log.out()).containsPattern("package_applied +admin +- +\\{.*\"operation\":\"push\"");
		CliRun verify = onB("audit", "verify");
		assertThat(verify.exitCode()).as(verify.err()).isZero();
		assertThat(verify.out()).containsPattern("The audit log is intact: \\d+ entries checked.");
		assertThat(onB("audit", "--action", "dance").exitCode()).isEqualTo(2);
	}

	private static CliRun onB(String... args) {
		return CliRun.on(b, args);
	}

	private static Node node(String hostname, String ip) {
		return new Node().hostname(hostname).ip(ip).username("ubuntu");
	}

}
