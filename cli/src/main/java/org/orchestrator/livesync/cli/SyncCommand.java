package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.JobStarted;
import org.orchestrator.livesync.client.model.SessionResponse;
import org.orchestrator.livesync.client.model.StartBroadcastRequest;
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
 * Compares, confirms, syncs the selection with the remote (to it, from it, or both ways)
 * and follows the job to its end.
 */
@Command(name = "sync",
		description = "Sync items between the server and the remote (push, pull or both ways), showing live progress.")
class SyncCommand implements Callable<Integer> {

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Mixin
	RemoteOptions remote;

	@Mixin
	SelectionOptions selection;

	@Option(names = "--dry-run", description = "report what would be applied, change nothing")
	boolean dryRun;

	@Option(names = { "--yes", "-y" }, description = "do not ask for confirmation")
	boolean yes;

	@Mixin
	ConflictOptions conflicts;

	@Option(names = "--direction", paramLabel = "push|pull|both",
			description = "push (default): from this server to the remote; pull: from the remote to this server; "
					+ "both: each item from the side that changed it since the last sync to the other (items only one "
					+ "side has are copied, deletions propagate, conflicts go as --prefer says)")
	String direction = "push";

	@Mixin
	OutputOptions output;

	@Option(names = "--peers", paramLabel = "NAME", split = ",",
			description = "sync with each of these registered peers at once (a broadcast: a job per peer; "
					+ "one that is down fails alone), instead of --remote or --peer")
	List<String> peers = new ArrayList<>();

	@Option(names = "--mirror",
			description = "make the target like the source for the selection, overwriting what changed only on the "
					+ "target (default: leave that alone and report it)")
	boolean mirror;

	@Override
	public Integer call() {
		SyncSelection selection = this.selection.required();
		ConflictPolicyEnum conflictPolicy = this.conflicts.orManual();
		DirectionEnum direction = direction(this.spec, this.direction);
		if (direction == DirectionEnum.BOTH && this.mirror) {
			throw new ParameterException(this.spec.commandLine(),
					"--mirror makes one side like the other: use it with --direction push or pull");
		}
		if (direction == DirectionEnum.BOTH && conflictPolicy == ConflictPolicyEnum.OVERWRITE) {
			// Said here in the CLI's words; the server refuses it too.
			throw new ParameterException(this.spec.commandLine(),
					"--conflicts overwrite needs a side to win: use it with --direction push or pull");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		if (!this.peers.isEmpty()) {
			return broadcast(selection, conflictPolicy, direction, out);
		}
		// With --json, standard output carries the JSON alone; words go to standard
		// error.
		PrintWriter say = this.output.json() ? this.spec.commandLine().getErr() : out;
		Server api = this.cli.operator();
		SessionResponse session = this.remote.openSession(this.cli, api);
		String remoteName = session.getRemote().getName() + " (" + session.getRemote().getUrl() + ")";
		if (!this.output.json()) {
			ComparisonReport.print(api.json().valueToTree(session), out);
		}
		if (this.mirror) {
			say.printf(
					"Warning: --mirror makes %s like %s for the selection: changes made only there are "
							+ "overwritten.%n",
					pull(direction) ? "this server" : remoteName, pull(direction) ? remoteName : "this server");
		}
		if (!this.yes) {
			confirm(remoteName, direction, say);
		}
		StartJobRequest request = new StartJobRequest().sessionId(session.getSessionId())
			.selection(selection)
			.direction(direction)
			.dryRun(this.dryRun)
			.conflictPolicy(conflictPolicy)
			.mode(this.mirror ? ModeEnum.MIRROR : ModeEnum.SYNC);
		JobStarted started = api.call(() -> new SyncApi(api.client()).startSyncJob(request), CliFailure.CANNOT_RUN);
		say.printf("%s %s %s: job %s%n", this.dryRun ? "Dry run" : "Syncing", preposition(direction), remoteName,
				started.getJobId());
		say.flush();
		if (this.output.json()) {
			// NDJSON: the job started, then each of its events as the server streams it.
			this.output.print(api.json(),
					api.json()
						.createObjectNode()
						.put("type", "started")
						.setAll((com.fasterxml.jackson.databind.node.ObjectNode) api.json().valueToTree(started)),
					true);
			JobEvents.Event[] end = new JobEvents.Event[1];
			JobEvents.read(api, started.getEventsUrl(), (event) -> {
				if (event.data() != null) {
					this.output.print(api.json(), event.data(), true);
				}
				end[0] = event.isEnd() ? event : end[0];
			});
			return new JobReport(say, remoteName, direction).json(end[0]);
		}
		ProgressDisplay display = new ProgressDisplay(out, this.cli.terminal != null, direction == DirectionEnum.BOTH);
		JobEvents.read(api, started.getEventsUrl(), display::show);
		return new JobReport(out, remoteName, direction).words(display.end());
	}

	private int broadcast(SyncSelection selection, ConflictPolicyEnum conflictPolicy, DirectionEnum direction,
			PrintWriter out) {
		if (this.remote.remote != null || this.remote.peer != null) {
			throw new ParameterException(this.spec.commandLine(),
					"--peers syncs with registered peers: leave out " + "--remote and --peer");
		}
		PrintWriter say = this.output.json() ? this.spec.commandLine().getErr() : out;
		if (!this.yes) {
			confirm(String.join(", ", this.peers), direction, say);
		}
		Server api = this.cli.operator();
		StartBroadcastRequest request = new StartBroadcastRequest().peers(this.peers)
			.selection(selection)
			.direction(StartBroadcastRequest.DirectionEnum.fromValue(direction.getValue()))
			.dryRun(this.dryRun)
			.conflictPolicy(conflictPolicy.getValue())
			.mode(this.mirror ? ModeEnum.MIRROR.getValue() : ModeEnum.SYNC.getValue());
		return new BroadcastRun(api, this.output, out, this.spec.commandLine().getErr()).run(request);
	}

	/** "to" the remote, "from" it, or "both ways with" it. */
	static String preposition(DirectionEnum direction) {
		return switch (direction) {
			case PULL -> "from";
			case BOTH -> "both ways with";
			default -> "to";
		};
	}

	/** {@code --direction} read; anything but push, pull or both is a usage error. */
	static DirectionEnum direction(CommandSpec spec, String direction) {
		try {
			return DirectionEnum.fromValue(direction);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(spec.commandLine(),
					"--direction " + direction + ": expected push, pull or both");
		}
	}

	private static boolean pull(DirectionEnum direction) {
		return direction == DirectionEnum.PULL;
	}

	private void confirm(String remoteName, DirectionEnum direction, PrintWriter out) {
		if (this.cli.terminal == null) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "not a terminal: add --yes to sync without asking",
					"not-a-terminal");
		}
		out.flush();
		// Asked on the terminal itself: standard output stays the command's (JSON, say).
		String answer = this.cli.terminal.readLine(String.format("%s the selection %s %s? [y/N] ",
				this.dryRun ? "Dry-run" : (pull(direction) ? "Pull" : "Sync"), preposition(direction), remoteName));
		if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "cancelled, nothing synced", "cancelled");
		}
	}

}
