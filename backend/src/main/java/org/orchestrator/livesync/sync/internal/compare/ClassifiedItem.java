package org.orchestrator.livesync.sync.internal.compare;

import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.ItemKind;

/**
 * A comparison entry with its kind and status, as the engine streams them; a merged item
 * also carries the merged content, as a package holds it (an SSH key with its private
 * key: never to be logged).
 */
public record ClassifiedItem(ItemKind kind, ComparisonStatus status, ComparisonEntry entry, JsonNode merged) {

	public ClassifiedItem(ItemKind kind, ComparisonStatus status, ComparisonEntry entry) {
		this(kind, status, entry, null);
	}

	/** Both sides changed it since the last sync: a conflict, merged or not. */
	public boolean changedOnBoth() {
		return this.status == ComparisonStatus.CONFLICT || this.status == ComparisonStatus.MERGED;
	}

	@Override
	public String toString() {
		return "ClassifiedItem[" + this.kind.type() + " " + this.entry.key() + " " + this.status + "]";
	}

	/**
	 * Deleted on both sides since the last sync: identical (there is nothing to do), but
	 * its base is stale. Only {@link CompareEngine#compareWithStaleBases} streams these.
	 */
	public boolean deletedOnBoth() {
		return this.entry.localHash() == null && this.entry.remoteHash() == null;
	}

}
