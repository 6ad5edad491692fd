package org.orchestrator.livesync.sync.internal.compare;

import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.ItemKind;

/**
 * A comparison entry with its kind and status, as the engine streams them; a merged item
 * also carries the merged content, as a package holds it (an SSH key with its private
 * key: never to be logged).
 */
public record ClassifiedItem(ItemKind kind, ComparisonStatus status, ComparisonEntry entry, JsonNode merged,
		Clocks clocks) {

	public ClassifiedItem(ItemKind kind, ComparisonStatus status, ComparisonEntry entry) {
		this(kind, status, entry, null, null);
	}

	public ClassifiedItem(ItemKind kind, ComparisonStatus status, ComparisonEntry entry, JsonNode merged) {
		this(kind, status, entry, merged, null);
	}

	/**
	 * The hybrid-logical-clock stamps of the last change on each side (null where a side
	 * has none), as read for a conflict.
	 */
	public record Clocks(Long local, Long remote) {

		/** The side whose change is the later one; null when that cannot be told. */
		public Boolean localIsNewer() {
			if (this.local == null || this.remote == null || this.local.equals(this.remote)) {
				return null;
			}
			return this.local > this.remote;
		}

	}

	/** The same item with the stamps of its last changes. */
	public ClassifiedItem withClocks(Clocks clocks) {
		return new ClassifiedItem(this.kind, this.status, this.entry, this.merged, clocks);
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
