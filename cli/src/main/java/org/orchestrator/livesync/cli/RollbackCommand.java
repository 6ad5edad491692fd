package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.HistoryEntry;
import org.orchestrator.livesync.client.model.RollbackKeep;
import org.orchestrator.livesync.client.model.RollbackRequest;
import org.orchestrator.livesync.client.model.RollbackResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Undoes a history entry on the server alone. Refused because items changed again since
 * the entry, it lists them (from a dry run, since the refusal names only the first) with
 * the options that go through anyway.
 */
@Command(name = "rollback",
		description = "Undo a history entry on the server: each item it changed gets its content from before back.")
class RollbackCommand implements Callable<Integer> {

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "ID", description = "the history entry to undo (the first column of history)")
	String id;

	@Option(names = "--dry-run",
			description = "say what would be restored and deleted and what conflicts; change nothing")
	boolean dryRun;

	@Option(names = "--force", description = "overwrite items changed again since the entry")
	boolean force;

	@Option(names = "--keep", paramLabel = "KIND:KEY",
			description = "leave this item as it is now, e.g. node:node-01; repeatable")
	List<String> keep = new ArrayList<>();

	@Option(names = { "--yes", "-y" }, description = "do not ask for confirmation")
	boolean yes;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		UUID entryId = HistoryCommand.uuid(this.spec, "rollback", this.id);
		List<ItemKinds.Named> kept = new ArrayList<>();
		for (String item : this.keep) {
			ItemKinds.Named named = ItemKinds.parse(item);
			if (named == null) {
				throw new ParameterException(this.spec.commandLine(),
						"--keep " + item + ": expected kind:key with kind node, cluster, ssh_key or configuration");
			}
			kept.add(named);
		}
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter say = this.output.json() ? this.spec.commandLine().getErr() : out;
		if (!this.yes && !this.dryRun && this.cli.terminal == null) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "not a terminal: add --yes to roll back without asking",
					"not-a-terminal");
		}
		Server api = this.cli.operator();
		SyncApi sync = new SyncApi(api.client());
		if (!this.yes && !this.dryRun) {
			confirm(api.call(() -> sync.getSyncHistoryEntry(entryId, 0, 1), CliFailure.CANNOT_RUN).getEntry(), say);
		}
		RollbackResult result;
		try {
			result = api.call(() -> sync.rollbackSyncHistoryEntry(entryId, request(this.dryRun, this.force, kept)),
					CliFailure.CANNOT_RUN);
		}
		catch (CliFailure failure) {
			if ("rollback-conflicts".equals(failure.problemCode())) {
				RollbackResult conflicts = api.call(
						() -> sync.rollbackSyncHistoryEntry(entryId, request(true, false, kept)),
						CliFailure.CANNOT_RUN);
				if (this.output.json()) {
					this.output.print(api.json(), conflicts);
				}
				else {
					new RollbackReport(out, false, kept).refused(conflicts);
				}
				throw failure.withExitCode(CliFailure.SYNC_FAILED);
			}
			// Rolled back already: the rollback did not happen, as a refused sync.
			throw "conflict".equals(failure.problemCode()) ? failure.withExitCode(CliFailure.SYNC_FAILED) : failure;
		}
		if (this.output.json()) {
			this.output.print(api.json(), result);
		}
		else {
			new RollbackReport(out, this.force, kept).words(result);
		}
		return 0;
	}

	private static RollbackRequest request(boolean dryRun, boolean force, List<ItemKinds.Named> kept) {
		return new RollbackRequest().dryRun(dryRun)
			.force(force)
			.keep(kept.stream().map((item) -> new RollbackKeep().kind(item.section()).key(item.key())).toList());
	}

	private void confirm(HistoryEntry entry, PrintWriter out) {
		String what = switch (entry.getOperation()) {
			case PUSH -> "the push from " + HistoryReport.peer(entry);
			case PULL -> "the pull from " + HistoryReport.peer(entry);
			case ROLLBACK -> "the rollback of " + entry.getRollbackOf();
		};
		out.flush();
		// Asked on the terminal itself: standard output stays the command's (JSON, say).
		String answer = this.cli.terminal.readLine(String.format("Roll back %s at %s (%d item%s) on %s%s? [y/N] ", what,
				Table.time(entry.getAppliedAt()), entry.getItems(), (entry.getItems() == 1) ? "" : "s",
				this.cli.server(), this.force ? ", overwriting what changed since" : ""));
		if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "cancelled, nothing rolled back", "cancelled");
		}
	}

}
