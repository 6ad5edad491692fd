package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.CreateScheduleRequest;
import org.orchestrator.livesync.client.model.ScheduleRequest;
import org.orchestrator.livesync.client.model.ScheduleRun;
import org.orchestrator.livesync.client.model.ScheduleView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The server's sync schedules: syncs with registered peers on a cron, listed, shown with
 * their next due times, added, changed, removed, paused, resumed and run at once.
 */
@Command(name = "schedules", description = "List the server's sync schedules (syncs with peers on a cron, in UTC).",
		subcommands = { SchedulesCommand.Show.class, SchedulesCommand.Add.class, SchedulesCommand.Set.class,
				SchedulesCommand.Remove.class, SchedulesCommand.Pause.class, SchedulesCommand.Resume.class,
				SchedulesCommand.Run.class })
class SchedulesCommand implements Callable<Integer> {

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		Server api = this.cli.operator();
		List<ScheduleView> schedules = api.call(() -> new SyncApi(api.client()).listSyncSchedules(),
				CliFailure.CANNOT_RUN);
		if (this.output.json()) {
			this.output.print(api.json(), schedules);
			return 0;
		}
		if (schedules.isEmpty()) {
			out().println("No schedules: live-sync schedules add NAME --cron EXPR --peer NAME --all");
			return 0;
		}
		new ScheduleReport(api, out()).table(schedules);
		return 0;
	}

	private PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	/** A schedule as the server answered: its JSON, or a line in words. */
	private int saved(Server api, OutputOptions output, ScheduleView schedule, String verb) {
		if (output.json()) {
			output.print(api.json(), schedule);
		}
		else {
			new ScheduleReport(api, out()).saved(schedule, verb);
		}
		return 0;
	}

	@Command(name = "show", description = "Show a schedule: its settings, next five due times and last run.")
	static class Show implements Callable<Integer> {

		@ParentCommand
		SchedulesCommand schedules;

		@Parameters(index = "0", paramLabel = "NAME")
		String name;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() {
			Server api = this.schedules.cli.operator();
			ScheduleView schedule = api.call(() -> new SyncApi(api.client()).getSyncSchedule(this.name),
					CliFailure.CANNOT_RUN);
			if (this.output.json()) {
				this.output.print(api.json(), schedule);
			}
			else {
				new ScheduleReport(api, this.schedules.out()).details(schedule);
			}
			return 0;
		}

	}

	@Command(name = "add", description = "Add a schedule: each due time, a sync with each of its peers.")
	static class Add implements Callable<Integer> {

		@ParentCommand
		SchedulesCommand schedules;

		@Parameters(index = "0", paramLabel = "NAME", description = "lower-case letters, digits and hyphens")
		String name;

		@Mixin
		ScheduleOptions settings;

		@Mixin
		SelectionOptions selection;

		@Mixin
		ConflictOptions conflicts;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() {
			CreateScheduleRequest request = this.settings.create(this.name, this.selection, this.conflicts);
			Server api = this.schedules.cli.operator();
			ScheduleView schedule = api.call(() -> new SyncApi(api.client()).createSyncSchedule(request),
					CliFailure.CANNOT_RUN);
			return this.schedules.saved(api, this.output, schedule, "Added");
		}

	}

	@Command(name = "set", description = "Change a schedule: only the settings given, the others stay.")
	static class Set implements Callable<Integer> {

		@ParentCommand
		SchedulesCommand schedules;

		@Parameters(index = "0", paramLabel = "NAME")
		String name;

		@Mixin
		ScheduleOptions settings;

		@Mixin
		SelectionOptions selection;

		@Mixin
		ConflictOptions conflicts;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() {
			Server api = this.schedules.cli.operator();
			SyncApi sync = new SyncApi(api.client());
			ScheduleView current = api.call(() -> sync.getSyncSchedule(this.name), CliFailure.CANNOT_RUN);
			ScheduleRequest request = this.settings.changed(current, this.selection, this.conflicts);
			ScheduleView schedule = api.call(() -> sync.replaceSyncSchedule(this.name, request), CliFailure.CANNOT_RUN);
			return this.schedules.saved(api, this.output, schedule, "Changed");
		}

	}

	@Command(name = "remove", description = "Remove a schedule (its jobs and history stay).")
	static class Remove implements Callable<Integer> {

		@ParentCommand
		SchedulesCommand schedules;

		@Parameters(index = "0", paramLabel = "NAME")
		String name;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() {
			Server api = this.schedules.cli.operator();
			api.call(() -> {
				new SyncApi(api.client()).deleteSyncSchedule(this.name);
				return null;
			}, CliFailure.CANNOT_RUN);
			if (this.output.json()) {
				this.output.print(api.json(), Map.of("removed", this.name));
			}
			else {
				this.schedules.out().println("Removed schedule " + this.name + ".");
			}
			return 0;
		}

	}

	@Command(name = "pause", description = "Pause a schedule: no runs until resumed.")
	static class Pause implements Callable<Integer> {

		@ParentCommand
		SchedulesCommand schedules;

		@Parameters(index = "0", paramLabel = "NAME")
		String name;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() {
			Server api = this.schedules.cli.operator();
			ScheduleView schedule = api.call(() -> new SyncApi(api.client()).pauseSyncSchedule(this.name),
					CliFailure.CANNOT_RUN);
			return this.schedules.saved(api, this.output, schedule, "Paused");
		}

	}

	@Command(name = "resume",
			description = "Resume a paused schedule from its next due time (what the pause skipped is not run).")
	static class Resume implements Callable<Integer> {

		@ParentCommand
		SchedulesCommand schedules;

		@Parameters(index = "0", paramLabel = "NAME")
		String name;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() {
			Server api = this.schedules.cli.operator();
			ScheduleView schedule = api.call(() -> new SyncApi(api.client()).resumeSyncSchedule(this.name),
					CliFailure.CANNOT_RUN);
			return this.schedules.saved(api, this.output, schedule, "Resumed");
		}

	}

	@Command(name = "run",
			description = "Run a schedule now, paused or not: a job per peer; prints the jobs started (exit 1 if a "
					+ "peer could not be reached).")
	static class Run implements Callable<Integer> {

		@ParentCommand
		SchedulesCommand schedules;

		@Parameters(index = "0", paramLabel = "NAME")
		String name;

		@Option(names = "--wait",
				description = "follow each job to its end as sync does (with --json: NDJSON, each event with its "
						+ "job_id); exit 1 if any failed")
		boolean wait;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() {
			Server api = this.schedules.cli.operator();
			ScheduleRun run = api.call(() -> new SyncApi(api.client()).runSyncSchedule(this.name),
					CliFailure.CANNOT_RUN);
			ScheduleRunReport report = new ScheduleRunReport(api, this.output, this.schedules.out(),
					this.schedules.spec.commandLine().getErr(), this.schedules.cli.terminal != null);
			return this.wait ? report.followed(this.name, run) : report.started(this.name, run);
		}

	}

}
