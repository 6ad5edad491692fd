package org.orchestrator.livesync.sync.internal.job;

import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;

/** A compared item with what the job's selection decided for it. */
record Decided(ClassifiedItem item, JobSelection.Decision decision) {

	/** Whether the decision puts a line in the package. */
	boolean moves() {
		return moves(this.decision);
	}

	static boolean moves(JobSelection.Decision decision) {
		return decision == JobSelection.Decision.UPSERT || decision == JobSelection.Decision.DELETE
				|| decision == JobSelection.Decision.AGREE || decision == JobSelection.Decision.MERGE;
	}

}
