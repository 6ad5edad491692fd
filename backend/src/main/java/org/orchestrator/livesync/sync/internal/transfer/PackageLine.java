package org.orchestrator.livesync.sync.internal.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.sync.internal.SyncBases;

/**
 * One line of a package: an item to create or replace ({@code upsert}, with its content)
 * or to delete, with the SHA-256 of the content (for a delete, of the content that was
 * deleted). {@code expect} is what the target had when the sender decided to move the
 * item: its hash, or {@link #ABSENT}. The target applies the line only if it still has
 * that, so an edit made there since is never overwritten; a line without it (the pulled
 * form, built without knowing the target) is applied as it is.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageLine(String type, String action, String key, String contentHash, JsonNode item, String expect) {

	/** {@code expect}: the target did not have the item. */
	public static final String ABSENT = "absent";

	public static final String UPSERT = "upsert";

	/**
	 * An upsert of the merge of both sides' changes, which makes no base on the target:
	 * the sender has not got it yet. The pull that brings it back to the sender sets the
	 * base on both sides, so a merge half done is still a conflict (that merges again),
	 * never a one-sided change.
	 */
	public static final String MERGE = "merge";

	public static final String DELETE = "delete";

	public static final String BASE = "base";

	/** A line applied whatever the target has. */
	public PackageLine(String type, String action, String key, String contentHash, JsonNode item) {
		this(type, action, key, contentHash, item, null);
	}

	/** The {@code expect} of a line decided when the target had {@code hash}. */
	public static String expecting(String hash) {
		return (hash != null) ? hash : ABSENT;
	}

	/** The base this line makes once the target has applied it (not a merge's). */
	public SyncBases.Synced synced() {
		return new SyncBases.Synced(ItemKind.ofType(this.type), this.key, isDelete() ? null : this.contentHash);
	}

	public boolean isBase() {
		return BASE.equals(this.action);
	}

	public boolean isDelete() {
		return DELETE.equals(this.action);
	}

	@Override
	public String toString() {
		return "PackageLine[" + this.action + " " + this.type + " " + this.key + "]";
	}

}
