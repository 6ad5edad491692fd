package org.orchestrator.livesync.inventory;

/**
 * Content of a syncable item as clients and peers send it: it can check itself and give
 * its normal form, from which the content hash is computed.
 */
public interface InventoryItem<T extends InventoryItem<T>> {

	/**
	 * What identifies the item on every server: a node's host name, any other item's
	 * name.
	 */
	String naturalKey();

	/** Adds a violation for every invalid field. */
	void validate(Violations violations);

	/** Defaults filled in and values in normal form; only for an item that validated. */
	T normalized();

	/**
	 * The item as a peer may see it (what compares and sync bases hold): all of it, for
	 * most kinds. Call on the normal form.
	 */
	default tools.jackson.databind.JsonNode peerView() {
		return CanonicalJson.tree(this);
	}

}
