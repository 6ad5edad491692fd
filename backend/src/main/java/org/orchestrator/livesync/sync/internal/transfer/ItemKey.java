package org.orchestrator.livesync.sync.internal.transfer;

import io.swagger.v3.oas.annotations.media.Schema;

import org.orchestrator.livesync.inventory.ItemKind;

/** One item by kind (as selections name kinds) and natural key. */
public record ItemKey(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
		"nodes", "clusters", "ssh_keys", "configurations" }) String kind,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String key){

	public static ItemKey of(ItemKind kind, String key) {
		return new ItemKey(kind.section(), key);
	}

	public ItemKind itemKind() {
		return ItemKind.ofSection(this.kind);
	}

}
