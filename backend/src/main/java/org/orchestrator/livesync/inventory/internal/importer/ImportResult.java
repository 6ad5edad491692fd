package org.orchestrator.livesync.inventory.internal.importer;

import org.orchestrator.livesync.inventory.KindCounts;

/** How many items of each kind arrived, and how many of them were new or changed. */
record ImportResult(KindCounts received, KindCounts written) {

	static final ImportResult EMPTY = new ImportResult(KindCounts.ZERO, KindCounts.ZERO);

	ImportResult plus(ImportResult other) {
		return new ImportResult(this.received.plus(other.received), this.written.plus(other.written));
	}

}
