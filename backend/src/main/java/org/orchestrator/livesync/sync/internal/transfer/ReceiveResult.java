package org.orchestrator.livesync.sync.internal.transfer;

import java.util.List;

import org.orchestrator.livesync.inventory.KindCounts;

/**
 * What a received package did, per kind: items applied (created or replaced), of those
 * the ones whose content actually changed, and items deleted. {@code errors} is empty on
 * success (a failure is a problem response and changes nothing); {@code replayed} says
 * the package had been applied before and nothing was done this time; {@code dry_run}
 * that it was applied in a transaction that was then rolled back.
 * {@code changed_since_compare} lists the items left alone because they were no longer
 * what the sender decided against: changed (or created, or deleted) here since its
 * compare.
 */
public record ReceiveResult(boolean success, String packageId, String sourceServerId, KindCounts applied,
		KindCounts changed, KindCounts deleted, List<ItemKey> changedSinceCompare, List<String> errors,
		boolean replayed, boolean dryRun) {

	public ReceiveResult {
		// Results remembered before the field existed have none.
		changedSinceCompare = (changedSinceCompare != null) ? changedSinceCompare : List.of();
	}

	ReceiveResult asReplay() {
		return new ReceiveResult(this.success, this.packageId, this.sourceServerId, this.applied, this.changed,
				this.deleted, this.changedSinceCompare, this.errors, true, false);
	}

}
