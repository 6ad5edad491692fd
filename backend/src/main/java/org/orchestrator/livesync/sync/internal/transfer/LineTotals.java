package org.orchestrator.livesync.sync.internal.transfer;

/**
 * What the item lines of a package body came to: their checksum and count, and the
 * streamed form's last line if the body had one (null if not). Each form checks them
 * against what its sender declared: the whole form in its header, the streamed form in
 * its last line.
 */
record LineTotals(String checksum, long lines, StreamTrailer trailer) {

	/** Refuses the body unless its lines are the ones its sender counted and hashed. */
	void match(String expectedChecksum, long expectedLines) {
		if (!this.checksum.equals(expectedChecksum)) {
			throw PackageProblems.rejected("the package checksum does not match its contents");
		}
		if (this.lines != expectedLines) {
			throw PackageProblems
				.rejected("the package holds " + this.lines + " items, its header says " + expectedLines);
		}
	}

}
