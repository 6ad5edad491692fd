package org.orchestrator.livesync.sync.internal.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.orchestrator.livesync.system.ProblemCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stops a job that makes no progress for {@code JOB_STALL_TIMEOUT}: its phase and counts
 * stayed the same (a remote that stopped answering in the middle of a stream, a statement
 * that never returns). Every remote call has its own timeout too; this is the bound on
 * everything together, so that every job ends.
 */
@Component
class JobWatchdog {

	private final Duration stallTimeout;

	private final JobCancels cancels;

	private final Clock clock;

	/** Each running job's last phase and progress, and when it last changed. */
	private final Map<String, Seen> seen = new ConcurrentHashMap<>();

	JobWatchdog(@Value("${live-sync.job-stall-timeout:10m}") Duration stallTimeout, JobCancels cancels, Clock clock) {
		this.stallTimeout = stallTimeout;
		this.cancels = cancels;
		this.clock = clock;
	}

	/**
	 * Looks at the running jobs once a second, on its own: a database that stopped
	 * answering does not keep a job from being stopped.
	 */
	@Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
	void checkAll() {
		this.cancels.jobs().forEach(this::check);
		this.seen.keySet().retainAll(this.cancels.jobs().stream().map(SyncJob::id).toList());
	}

	private void check(SyncJob job) {
		SyncJob.JobView view = job.view();
		String state = view.phase() + " " + view.progress();
		Instant now = this.clock.instant();
		Seen last = this.seen.compute(job.id(),
				(id, before) -> (before == null || !before.state().equals(state)) ? new Seen(state, now) : before);
		Duration still = Duration.between(last.since(), now);
		if (still.compareTo(this.stallTimeout) >= 0) {
			this.cancels.cancel(job.id(),
					ProblemCode.JOB_STALLED.exception("the job made no progress for " + still.toSeconds() + " s while "
							+ view.phase() + " (JOB_STALL_TIMEOUT is " + this.stallTimeout.toSeconds()
							+ " s): it was stopped; a package the remote had not applied yet was not applied"));
		}
	}

	private record Seen(String state, Instant since) {
	}

}
