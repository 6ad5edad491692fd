package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.JobView;
import org.orchestrator.livesync.client.model.ScheduleRun;
import org.orchestrator.livesync.client.model.StartJobRequest.DirectionEnum;

/**
 * {@code schedules run}: the jobs a run started, and with {@code --wait} each followed to
 * its end as {@code sync} follows its one (progress, then the result in words; or NDJSON,
 * each event with its {@code job_id}). Exit code 1 when a peer could not be reached or a
 * job failed, after every job was followed.
 */
final class ScheduleRunReport {

	private final Server api;

	private final OutputOptions output;

	private final PrintWriter out;

	private final PrintWriter say;

	private final boolean terminal;

	ScheduleRunReport(Server api, OutputOptions output, PrintWriter out, PrintWriter err, boolean terminal) {
		this.api = api;
		this.output = output;
		this.out = out;
		this.say = output.json() ? err : out;
		this.terminal = terminal;
	}

	int started(String name, ScheduleRun run) {
		if (this.output.json()) {
			// One line, as sync's first: a failed run's standard output stays NDJSON.
			this.output.print(this.api.json(), run, true);
		}
		else {
			run.getJobIds().forEach((id) -> this.out.println("Started job " + id));
		}
		say(name, run);
		return ended(name, run, List.of());
	}

	int followed(String name, ScheduleRun run) {
		if (this.output.json()) {
			ObjectNode started = this.api.json().valueToTree(run);
			this.output.print(this.api.json(),
					this.api.json().createObjectNode().put("type", "started").setAll(started), true);
		}
		say(name, run);
		List<CliFailure> failures = new ArrayList<>();
		for (String id : run.getJobIds()) {
			try {
				follow(id);
			}
			catch (CliFailure failure) {
				if (failure.exitCode() != CliFailure.SYNC_FAILED) {
					throw failure;
				}
				// Said now and the next job followed: one peer's failure is its own. A
				// run's one job's failure is said once, at the end.
				if (run.getJobIds().size() > 1) {
					this.say.println("Job " + id + ": " + failure.getMessage());
					this.say.flush();
				}
				failures.add(failure);
			}
		}
		return ended(name, run, failures);
	}

	private void follow(String id) {
		JobView job = this.api.call(() -> new SyncApi(this.api.client()).getSyncJob(id), CliFailure.CANNOT_RUN);
		String remoteName = (job.getRemote() != null)
				? job.getRemote().getName() + " (" + job.getRemote().getUrl() + ")" : "the peer";
		DirectionEnum direction = DirectionEnum.fromValue(job.getDirection().getValue());
		this.say.printf("Job %s %s %s:%n", id, SyncCommand.preposition(direction), remoteName);
		this.say.flush();
		String events = "/api/v1/sync/jobs/" + id + "/events";
		if (this.output.json()) {
			JobEvents.Event[] end = new JobEvents.Event[1];
			JobEvents.read(this.api, events, (event) -> {
				if (event.data() != null) {
					ObjectNode line = this.api.json().valueToTree(event.data());
					this.output.print(this.api.json(), line.put("job_id", id), true);
				}
				end[0] = event.isEnd() ? event : end[0];
			});
			new JobReport(this.say, remoteName, direction).json(end[0]);
			return;
		}
		ProgressDisplay display = new ProgressDisplay(this.out, this.terminal, direction == DirectionEnum.BOTH);
		JobEvents.read(this.api, events, display::show);
		new JobReport(this.out, remoteName, direction).words(display.end());
	}

	private void say(String name, ScheduleRun run) {
		if (run.getErrors() != null) {
			this.say.println("Not run for every peer of " + name + ": " + run.getErrors());
			this.say.flush();
		}
	}

	/** 0, or the one failure as it was, or how many failed. */
	private int ended(String name, ScheduleRun run, List<CliFailure> failures) {
		if (run.getErrors() == null && failures.isEmpty()) {
			return 0;
		}
		if (run.getErrors() == null && failures.size() == 1) {
			throw failures.get(0);
		}
		List<String> reasons = new ArrayList<>();
		if (run.getErrors() != null) {
			reasons.add(run.getErrors());
		}
		if (!failures.isEmpty()) {
			reasons.add(failures.size() + " of " + run.getJobIds().size() + " jobs failed");
		}
		throw new CliFailure(CliFailure.SYNC_FAILED, "schedule " + name + ": " + String.join("; ", reasons),
				"schedule-run-failed");
	}

}
