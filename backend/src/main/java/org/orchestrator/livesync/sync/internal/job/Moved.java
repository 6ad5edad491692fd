package org.orchestrator.livesync.sync.internal.job;

import java.util.ArrayList;
import java.util.List;

import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;

/**
 * The packages a job moved: a push's, a pull's, or both ({@code null}: the job did not go
 * that way).
 */
record Moved(JobRunner.Sent pushed, JobRunner.Sent pulled) {

	/** What the targets left alone: changed there since the compare. */
	List<ItemKey> leftAlone() {
		List<ItemKey> leftAlone = new ArrayList<>();
		for (JobRunner.Sent sent : sent()) {
			leftAlone.addAll(sent.result().changedSinceCompare());
		}
		return leftAlone;
	}

	/** The end event: each direction's counts, and their totals. */
	JobEvent.Completed completed(SyncJob job, long durationMs, Boolean verified, List<String> mismatches) {
		JobEvent.SideResult push = side(this.pushed, job.skipped(JobDirection.PUSH));
		JobEvent.SideResult pull = side(this.pulled, job.skipped(JobDirection.PULL));
		List<String> errors = new ArrayList<>();
		for (JobRunner.Sent sent : sent()) {
			errors.addAll(sent.result().errors());
		}
		return new JobEvent.Completed(push.applied().plus(pull.applied()), push.changed().plus(pull.changed()),
				push.deleted().plus(pull.deleted()), job.skipped(), leftAlone(), errors, durationMs, verified,
				mismatches, job.dryRun(), push, pull);
	}

	private List<JobRunner.Sent> sent() {
		List<JobRunner.Sent> sent = new ArrayList<>();
		if (this.pushed != null) {
			sent.add(this.pushed);
		}
		if (this.pulled != null) {
			sent.add(this.pulled);
		}
		return sent;
	}

	private static JobEvent.SideResult side(JobRunner.Sent sent, long skipped) {
		if (sent == null) {
			return JobEvent.SideResult.NONE;
		}
		ReceiveResult result = sent.result();
		return new JobEvent.SideResult(result.applied(), result.changed(), result.deleted(), skipped,
				result.changedSinceCompare());
	}

}
