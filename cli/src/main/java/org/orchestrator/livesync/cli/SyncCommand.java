package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Compares, confirms, syncs the selection to the remote and follows the job to its end.
 */
@Command(name = "sync", description = "Sync items from the server to the remote, showing live progress.")
class SyncCommand implements Callable<Integer> {

	private static final Map<String, String> KINDS = Map.of("node", "nodes", "nodes", "nodes", "cluster", "clusters",
			"clusters", "clusters", "ssh_key", "ssh_keys", "ssh-key", "ssh_keys", "ssh_keys", "ssh_keys",
			"configuration", "configurations", "configurations", "configurations");

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Mixin
	RemoteOptions remote;

	@Option(names = "--select", paramLabel = "KIND:KEY",
			description = "an item to sync, e.g. node:node-01, cluster:production, ssh_key:deploy; repeatable")
	List<String> select = new ArrayList<>();

	@Option(names = "--all",
			description = "sync everything that differs (conflicts are skipped unless --conflicts overwrite)")
	boolean all;

	@Option(names = "--dry-run", description = "report what would be applied, change nothing")
	boolean dryRun;

	@Option(names = { "--yes", "-y" }, description = "do not ask for confirmation")
	boolean yes;

	@Option(names = "--conflicts", paramLabel = "skip|overwrite",
			description = "with --all: skip (default) or overwrite items changed on both sides")
	String conflicts = "skip";

	@Override
	public Integer call() {
		Object selection = selection();
		PrintWriter out = this.spec.commandLine().getOut();
		ApiClient api = this.cli.operator();
		JsonNode session = this.remote.openSession(this.cli, api);
		String remoteName = session.at("/remote/name").asString() + " (" + session.at("/remote/url").asString() + ")";
		ComparisonReport.print(session, out);
		if (!this.yes) {
			confirm(remoteName, out);
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("session_id", session.get("session_id").asString());
		request.put("selection", selection);
		request.put("dry_run", this.dryRun);
		request.put("conflict_policy", this.conflicts);
		JsonNode started = api.post("/api/v1/sync/jobs", request, CliFailure.CANNOT_RUN);
		out.printf("%s to %s: job %s%n", this.dryRun ? "Dry run" : "Syncing", remoteName,
				started.get("job_id").asString());
		out.flush();
		ProgressDisplay display = new ProgressDisplay(out, this.cli.terminal);
		api.events(started.get("events_url").asString(), display::show);
		return report(display.end(), remoteName, out);
	}

	private Object selection() {
		if (this.all == !this.select.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(),
					"choose what to sync: --all, or one or more --select kind:key");
		}
		if (this.all) {
			return "all";
		}
		Map<String, List<String>> keys = new LinkedHashMap<>();
		for (String item : this.select) {
			int colon = item.indexOf(':');
			String kind = (colon > 0) ? KINDS.get(item.substring(0, colon)) : null;
			if (kind == null || colon == item.length() - 1) {
				throw new ParameterException(this.spec.commandLine(),
						"--select " + item + ": expected kind:key with kind node, cluster, ssh_key or configuration");
			}
			keys.computeIfAbsent(kind, (k) -> new ArrayList<>()).add(item.substring(colon + 1));
		}
		return keys;
	}

	private void confirm(String remoteName, PrintWriter out) {
		if (!this.cli.terminal || System.console() == null) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "not a terminal: add --yes to sync without asking");
		}
		out.printf("%s the selection to %s? [y/N] ", this.dryRun ? "Dry-run" : "Sync", remoteName);
		out.flush();
		String answer = System.console().readLine();
		if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "cancelled, nothing synced");
		}
	}

	private int report(ApiClient.Event end, String remoteName, PrintWriter out) {
		if (end == null) {
			throw new CliFailure(CliFailure.SYNC_FAILED, "the event stream ended before the job did");
		}
		if ("failed".equals(end.name())) {
			throw new CliFailure(CliFailure.SYNC_FAILED,
					"sync failed: " + end.data().at("/problem/detail").asString("unknown reason"));
		}
		JsonNode result = end.data();
		out.printf("%s %s: applied %s; changed %s; deleted %s; skipped %d; %.1f s.%n",
				result.path("dry_run").asBoolean() ? "Dry run against" : "Synced to", remoteName,
				counts(result.get("applied")), counts(result.get("changed")), counts(result.get("deleted")),
				result.path("skipped").asLong(), result.path("duration_ms").asLong() / 1000.0);
		if (result.path("dry_run").asBoolean()) {
			out.println("Nothing was changed (dry run).");
			return 0;
		}
		if (!result.path("verified").asBoolean(false)) {
			List<String> mismatches = new ArrayList<>();
			result.path("mismatches").forEach((m) -> mismatches.add(m.asString()));
			throw new CliFailure(CliFailure.SYNC_FAILED,
					"applied, but verification found differences: " + String.join("; ", mismatches));
		}
		out.println("Verified: the remote now has exactly what was sent.");
		return 0;
	}

	private static String counts(JsonNode counts) {
		List<String> parts = new ArrayList<>();
		for (String[] kind : ComparisonReport.KINDS) {
			long count = counts.path(kind[0]).asLong();
			if (count > 0) {
				parts.add(count + " " + kind[0].replace('_', ' '));
			}
		}
		return parts.isEmpty() ? "nothing" : String.join(", ", parts);
	}

}
