package org.orchestrator.livesync.inventory;

import tools.jackson.databind.JsonNode;

/**
 * An item as sync sees it: kind, natural key, content hash and content in canonical field
 * names. What the content holds depends on the reader: a peer's view never has an SSH
 * private key (its fingerprint stands in), a package's content has it.
 */
public record ItemSnapshot(ItemKind kind, String key, String contentHash, JsonNode content) {

	@Override
	public String toString() {
		return "ItemSnapshot[" + this.kind.type() + " " + this.key + " " + this.contentHash + "]";
	}

}
