package org.orchestrator.livesync.sync.internal.transfer;

import java.util.List;

import org.orchestrator.livesync.inventory.KindCounts;

/**
 * What a received package did, per kind: items applied (created or replaced), of those
 * the ones whose content actually changed, and items deleted. {@code errors} is empty on
 * success (a failure is a problem response and changes nothing); {@code replayed} says
 * the package had been applied before and nothing was done this time; {@code dry_run}
 * that it was applied in a transaction that was then rolled back.
 */
public record ReceiveResult(boolean success, String packageId, String sourceServerId, KindCounts applied,
		KindCounts changed, KindCounts deleted, List<String> errors, boolean replayed, boolean dryRun) {

	ReceiveResult asReplay() {
		return new ReceiveResult(this.success, this.packageId, this.sourceServerId, this.applied, this.changed,
				this.deleted, this.errors, true, false);
	}

}
