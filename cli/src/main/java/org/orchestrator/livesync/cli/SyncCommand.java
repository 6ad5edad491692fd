package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.Completed;
import org.orchestrator.livesync.client.model.Failed;
import org.orchestrator.livesync.client.model.ItemKey;
import org.orchestrator.livesync.client.model.JobStarted;
import org.orchestrator.livesync.client.model.KindSelection;
import org.orchestrator.livesync.client.model.KindCounts;
import org.orchestrator.livesync.client.model.SessionResponse;
import org.orchestrator.livesync.client.model.StartJobRequest;
import org.orchestrator.livesync.client.model.SyncSelection;
import org.orchestrator.livesync.client.model.StartJobRequest.ConflictPolicyEnum;
import org.orchestrator.livesync.client.model.StartJobRequest.DirectionEnum;
import org.orchestrator.livesync.client.model.StartJobRequest.ModeEnum;
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

	@Option(names = "--direction", paramLabel = "push|pull",
			description = "push (default): from this server to the remote; pull: from the remote to this server")
	String direction = "push";

	@Option(names = "--mirror",
			description = "make the target like the source for the selection, overwriting what changed only on the "
					+ "target (default: leave that alone and report it)")
	boolean mirror;

	@Override
	public Integer call() {
		SyncSelection selection = selection();
		ConflictPolicyEnum conflictPolicy = conflictPolicy();
		DirectionEnum direction = direction();
		PrintWriter out = this.spec.commandLine().getOut();
		Server api = this.cli.operator();
		SessionResponse session = this.remote.openSession(this.cli, api);
		String remoteName = session.getRemote().getName() + " (" + session.getRemote().getUrl() + ")";
		ComparisonReport.print(api.json().valueToTree(session), out);
		if (this.mirror) {
			out.printf(
					"Warning: --mirror makes %s like %s for the selection: changes made only there are "
							+ "overwritten.%n",
					pull(direction) ? "this server" : remoteName, pull(direction) ? remoteName : "this server");
		}
		if (!this.yes) {
			confirm(remoteName, direction, out);
		}
		StartJobRequest request = new StartJobRequest().sessionId(session.getSessionId())
			.selection(selection)
			.direction(direction)
			.dryRun(this.dryRun)
			.conflictPolicy(conflictPolicy)
			.mode(this.mirror ? ModeEnum.MIRROR : ModeEnum.SYNC);
		JobStarted started = api.call(() -> new SyncApi(api.client()).startSyncJob(request), CliFailure.CANNOT_RUN);
		out.printf("%s %s %s: job %s%n", this.dryRun ? "Dry run" : "Syncing", pull(direction) ? "from" : "to",
				remoteName, started.getJobId());
		out.flush();
		ProgressDisplay display = new ProgressDisplay(out, this.cli.terminal);
		JobEvents.read(api, started.getEventsUrl(), display::show);
		return report(display.end(), remoteName, pull(direction), out);
	}

	private DirectionEnum direction() {
		try {
			return DirectionEnum.fromValue(this.direction);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(),
					"--direction " + this.direction + ": expected push or pull");
		}
	}

	private static boolean pull(DirectionEnum direction) {
		return direction == DirectionEnum.PULL;
	}

	private SyncSelection selection() {
		if (this.all == !this.select.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(),
					"choose what to sync: --all, or one or more --select kind:key");
		}
		if (this.all) {
			return new SyncSelection("all");
		}
		Map<String, List<String>> keys = new LinkedHashMap<>();
		for (String item : this.select) {
			int colon = item.indexOf(':');
			String kind = (colon > 0) ? KINDS.get(item.substring(0, colon)) : null;
			if (kind == null || colon == item.length() - 1) {
				throw new ParameterException(this.spec.commandLine(),
						"--select " + item + ": expected kind:key with kind node, cluster, ssh_key or configuration");
			}
			keys.computeIfAbsent(kind, (named) -> new ArrayList<>()).add(item.substring(colon + 1));
		}
		// Only the kinds named: the generated setters would send a kind given null as
		// null.
		KindSelection kinds = new KindSelection();
		keys.forEach((kind, named) -> {
			switch (kind) {
				case "nodes" -> kinds.nodes(named);
				case "clusters" -> kinds.clusters(named);
				case "ssh_keys" -> kinds.sshKeys(named);
				default -> kinds.configurations(named);
			}
		});
		return new SyncSelection(kinds);
	}

	private ConflictPolicyEnum conflictPolicy() {
		try {
			return ConflictPolicyEnum.fromValue(this.conflicts);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(),
					"--conflicts " + this.conflicts + ": expected skip or overwrite");
		}
	}

	private void confirm(String remoteName, DirectionEnum direction, PrintWriter out) {
		if (!this.cli.terminal || System.console() == null) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "not a terminal: add --yes to sync without asking");
		}
		out.printf("%s the selection %s %s? [y/N] ", this.dryRun ? "Dry-run" : (pull(direction) ? "Pull" : "Sync"),
				pull(direction) ? "from" : "to", remoteName);
		out.flush();
		String answer = System.console().readLine();
		if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "cancelled, nothing synced");
		}
	}

	private int report(JobEvents.Event end, String remoteName, boolean pulled, PrintWriter out) {
		if (end == null) {
			throw new CliFailure(CliFailure.SYNC_FAILED, "the event stream ended before the job did");
		}
		if (end.data() instanceof Failed failed) {
			String detail = (failed.getProblem() != null) ? failed.getProblem().getDetail() : null;
			throw new CliFailure(CliFailure.SYNC_FAILED,
					"sync failed: " + ((detail != null) ? detail : "unknown reason"));
		}
		Completed result = (Completed) end.data();
		boolean dryRun = Boolean.TRUE.equals(result.getDryRun());
		out.printf("%s %s: applied %s; changed %s; deleted %s; skipped %d; %.1f s.%n",
				dryRun ? "Dry run against" : (pulled ? "Pulled from" : "Synced to"), remoteName,
				counts(result.getApplied()), counts(result.getChanged()), counts(result.getDeleted()),
				orZero(result.getSkipped()), orZero(result.getDurationMs()) / 1000.0);
		List<ItemKey> leftAlone = (result.getChangedSinceCompare() != null) ? result.getChangedSinceCompare()
				: List.of();
		if (!leftAlone.isEmpty()) {
			out.printf("Left alone on %s, changed there since the comparison (compare again to see): %s%n",
					pulled ? "this server" : remoteName,
					String.join(", ", leftAlone.stream().map((item) -> item.getKind() + ":" + item.getKey()).toList()));
		}
		if (dryRun) {
			out.println("Nothing was changed (dry run).");
			return 0;
		}
		if (!Boolean.TRUE.equals(result.getVerified())) {
			throw new CliFailure(CliFailure.SYNC_FAILED,
					"applied, but verification found differences: " + String.join("; ", result.getMismatches()));
		}
		out.println(pulled ? "Verified: this server now has exactly what was pulled."
				: "Verified: the remote now has exactly what was sent.");
		return 0;
	}

	private static String counts(KindCounts counts) {
		List<String> parts = new ArrayList<>();
		if (counts != null) {
			add(parts, counts.getNodes(), "nodes");
			add(parts, counts.getClusters(), "clusters");
			add(parts, counts.getSshKeys(), "ssh keys");
			add(parts, counts.getConfigurations(), "configurations");
		}
		return parts.isEmpty() ? "nothing" : String.join(", ", parts);
	}

	private static void add(List<String> parts, Long count, String kind) {
		if (count != null && count > 0) {
			parts.add(count + " " + kind);
		}
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0;
	}

}
