package org.orchestrator.livesync.sync.internal.compare;

import org.orchestrator.livesync.inventory.ItemKind;

/** A comparison entry with its kind and status, as the engine streams them. */
public record ClassifiedItem(ItemKind kind, ComparisonStatus status, ComparisonEntry entry) {

	/**
	 * Deleted on both sides since the last sync: identical (there is nothing to do), but
	 * its base is stale. Only {@link CompareEngine#compareWithStaleBases} streams these.
	 */
	public boolean deletedOnBoth() {
		return this.entry.localHash() == null && this.entry.remoteHash() == null;
	}

}
