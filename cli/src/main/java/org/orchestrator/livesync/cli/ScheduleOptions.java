package org.orchestrator.livesync.cli;

import java.util.ArrayList;
import java.util.List;

import org.orchestrator.livesync.client.model.CreateScheduleRequest;
import org.orchestrator.livesync.client.model.ScheduleRequest;
import org.orchestrator.livesync.client.model.ScheduleView;
import org.orchestrator.livesync.client.model.StartJobRequest.ConflictPolicyEnum;
import org.orchestrator.livesync.client.model.SyncSelection;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What {@code schedules add} and {@code set} take besides the name, the selection and the
 * conflict policy (those are as for sync): when it runs, with whom, which way, and
 * whether a run with conflicts applies. {@code add} needs cron, peers and a selection;
 * {@code set} changes only what is given.
 */
final class ScheduleOptions {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	@Option(names = "--cron", paramLabel = "EXPR",
			description = "when it runs, in UTC: six fields from seconds ('*/30 * * * * *'), the usual five from "
					+ "minutes ('0 2 * * *'), or a macro such as @hourly")
	String cron;

	@Option(names = { "--peer", "--peers" }, paramLabel = "NAME", split = ",",
			description = "a registered peer to sync with (a job each, one after the other); repeatable or a comma "
					+ "list; set replaces the list")
	List<String> peers = new ArrayList<>();

	@Option(names = "--direction", paramLabel = "push|pull|both",
			description = "push (default): from this server to the peers; pull: from them; both: each item from the "
					+ "side that changed it, as for sync")
	String direction;

	@Option(names = "--apply", paramLabel = "always|only_if_conflict_free",
			description = "always (default), or only_if_conflict_free: a run whose compare finds a conflict applies "
					+ "nothing and records a failed job with the code needs-attention")
	String apply;

	/** The request of {@code add}: cron, peers and selection are needed. */
	CreateScheduleRequest create(String name, SelectionOptions selection, ConflictOptions conflicts) {
		SyncSelection selected = selection.required();
		if (this.cron == null || this.peers.isEmpty()) {
			throw new ParameterException(this.spec.commandLine(),
					"a schedule needs --cron EXPR and one or more --peer NAME");
		}
		ConflictPolicyEnum policy = conflicts.given();
		return new CreateScheduleRequest().name(name)
			.cron(this.cron)
			.peers(this.peers)
			.selection(selected)
			.direction(direction())
			.conflictPolicy((policy != null) ? policy.getValue() : null)
			.apply((this.apply != null) ? CreateScheduleRequest.ApplyEnum.fromValue(apply()) : null);
	}

	/**
	 * The request of {@code set}: the schedule as it is, with what was given changed (the
	 * API replaces every setting at once).
	 */
	ScheduleRequest changed(ScheduleView current, SelectionOptions selection, ConflictOptions conflicts) {
		SyncSelection selected = selection.given();
		ConflictPolicyEnum policy = conflicts.given();
		if (this.cron == null && this.peers.isEmpty() && this.direction == null && this.apply == null
				&& selected == null && policy == null) {
			throw new ParameterException(this.spec.commandLine(),
					"nothing to change: give --cron, --peer, --all or --select, --direction, --prefer or --conflicts, "
							+ "or --apply");
		}
		String direction = direction();
		return new ScheduleRequest().cron((this.cron != null) ? this.cron : current.getCron())
			.peers(this.peers.isEmpty() ? current.getPeers() : this.peers)
			.selection((selected != null) ? selected : current.getSelection())
			.direction((direction != null) ? direction : current.getDirection())
			.conflictPolicy((policy != null) ? policy.getValue() : current.getConflictPolicy())
			.apply(ScheduleRequest.ApplyEnum.fromValue((this.apply != null) ? apply() : current.getApply().getValue()));
	}

	private String direction() {
		return (this.direction != null) ? SyncCommand.direction(this.spec, this.direction).getValue() : null;
	}

	private String apply() {
		if (!this.apply.equals("always") && !this.apply.equals("only_if_conflict_free")) {
			throw new ParameterException(this.spec.commandLine(),
					"--apply " + this.apply + ": expected always or only_if_conflict_free");
		}
		return this.apply;
	}

}
