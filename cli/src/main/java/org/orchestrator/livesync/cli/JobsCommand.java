package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.Completed;
import org.orchestrator.livesync.client.model.JobView;
import org.orchestrator.livesync.client.model.Progress;
import org.orchestrator.livesync.client.model.RemoteServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The server's sync jobs, newest first: the last 50, those of past runs too. */
@Command(name = "jobs", description = "List the server's recent sync jobs, newest first.",
		subcommands = JobsCommand.Cancel.class)
class JobsCommand implements Callable<Integer> {

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		Server api = this.cli.operator();
		SyncApi sync = new SyncApi(api.client());
		List<JobView> jobs = api.call(() -> sync.listSyncJobs(0, 50, null, null, null, null, null),
				CliFailure.CANNOT_RUN);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output.json()) {
			this.output.print(api.json(), jobs);
			return 0;
		}
		if (jobs.isEmpty()) {
			out.println("No sync jobs on this server yet.");
			return 0;
		}
		Table table = new Table("JOB", "STATUS", "DIRECTION", "REMOTE", "STARTED BY", "STARTED AT", "RESULT");
		for (JobView job : jobs) {
			table.row(job.getJobId(), job.getStatus().getValue(),
					job.getDirection().getValue() + (Boolean.TRUE.equals(job.getDryRun()) ? " (dry run)" : ""),
					remote(job.getRemote()), Table.orDash(job.getStartedBy()), Table.time(job.getStartedAt()),
					result(job));
		}
		table.print(out);
		return 0;
	}

	/**
	 * Cancels a running job, wherever it runs; answers once it has ended (or, after a few
	 * seconds, while it still stops).
	 */
	@Command(name = "cancel", description = "Cancel a running job: what the remote has not applied yet is not applied.")
	static class Cancel implements Callable<Integer> {

		@ParentCommand
		JobsCommand jobs;

		@Parameters(index = "0", paramLabel = "JOB_ID")
		String jobId;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() {
			Server api = this.jobs.cli.operator();
			JobView job = api.call(() -> new SyncApi(api.client()).cancelSyncJob(this.jobId), CliFailure.CANNOT_RUN);
			if (this.output.json()) {
				this.output.print(api.json(), job);
			}
			else {
				this.jobs.spec.commandLine()
					.getOut()
					.println((job.getStatus() == JobView.StatusEnum.RUNNING)
							? "Job " + this.jobId + " is stopping; see it end with: live-sync jobs"
							: "Cancelled job " + this.jobId + ": " + result(job));
			}
			return 0;
		}

	}

	/** The remote by name and URL. */
	private static String remote(RemoteServer remote) {
		return (remote != null) ? remote.getName() + " (" + remote.getUrl() + ")" : "-";
	}

	/** Counts when done, the reason when failed, phase and progress while running. */
	private static String result(JobView job) {
		switch (job.getStatus()) {
			case COMPLETED -> {
				Completed result = job.getResult();
				if (result == null) {
					return "-";
				}
				return "applied " + JobReport.counts(result.getApplied()) + "; changed "
						+ JobReport.counts(result.getChanged()) + "; deleted " + JobReport.counts(result.getDeleted())
						+ "; skipped " + ((result.getSkipped() != null) ? result.getSkipped() : 0)
						+ (Boolean.FALSE.equals(result.getVerified()) ? "; not verified" : "");
			}
			case FAILED -> {
				return (job.getProblem() != null && job.getProblem().getDetail() != null) ? job.getProblem().getDetail()
						: "-";
			}
			default -> {
				Progress progress = job.getProgress();
				String phase = (job.getPhase() != null) ? job.getPhase().getValue() : "starting";
				return (progress != null && progress.getTotal() != null && progress.getTotal() > 0)
						? phase + " " + progress.getDone() + "/" + progress.getTotal() : phase;
			}
		}
	}

}
