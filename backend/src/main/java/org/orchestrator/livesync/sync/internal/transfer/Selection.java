package org.orchestrator.livesync.sync.internal.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Violations;

/** What to sync: natural keys per kind. Nothing outside it is touched. */
public record Selection(@ArraySchema(schema = @Schema(example = "node-01")) List<String> nodes,
		@ArraySchema(schema = @Schema(example = "production")) List<String> clusters, List<String> sshKeys,
		List<String> configurations) {

	public static final int MAX_ITEMS = 100_000;

	public List<String> keys(ItemKind kind) {
		List<String> keys = switch (kind) {
			case NODE -> this.nodes;
			case CLUSTER -> this.clusters;
			case SSH_KEY -> this.sshKeys;
			case CONFIGURATION -> this.configurations;
		};
		return (keys != null) ? keys : List.of();
	}

	public int size() {
		int size = 0;
		for (ItemKind kind : ItemKind.values()) {
			size += keys(kind).size();
		}
		return size;
	}

	/** Checks every key's form and that there is something, but not too much, to sync. */
	public void validate(String field, Violations violations) {
		int size = size();
		if (!violations.check(size > 0, field, "select at least one item")) {
			return;
		}
		if (!violations.check(size <= MAX_ITEMS, field, "select at most " + MAX_ITEMS + " items per package")) {
			return;
		}
		for (ItemKind kind : ItemKind.values()) {
			List<String> keys = keys(kind);
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < keys.size(); i++) {
				String key = keys.get(i);
				String at = field + "." + kind.section() + "[" + i + "]";
				boolean wellFormed = (kind == ItemKind.NODE) ? Formats.isHostname(key) : Formats.isName(key);
				if (violations.check(wellFormed, at, "is not a valid " + kind.type() + " key")) {
					violations.check(seen.add(key), at, "is selected twice");
				}
			}
		}
	}

	/** The keys of one kind in inventory (byte) order. */
	public List<String> sortedKeys(ItemKind kind) {
		List<String> keys = new ArrayList<>(keys(kind));
		keys.sort(null);
		return keys;
	}

}
