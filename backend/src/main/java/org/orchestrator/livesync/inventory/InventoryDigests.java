package org.orchestrator.livesync.inventory;

import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per kind, the number of items and the XOR of their content hashes, kept by the database
 * as the items change. Equal digests on two servers mean the same items, so a compare can
 * skip the kind instead of listing every item.
 */
@Component
public class InventoryDigests {

	private final DatabaseClient database;

	InventoryDigests(DatabaseClient database) {
		this.database = database;
	}

	public Mono<Map<ItemKind, Digest>> digests() {
		return this.database
			.sql("SELECT kind, sum(items) AS items, bit_xor(d1) AS d1, bit_xor(d2) AS d2, bit_xor(d3) AS d3, "
					+ "bit_xor(d4) AS d4 FROM inventory_digest_deltas GROUP BY kind")
			.map((row) -> Map.entry(row.get("kind", String.class),
					new Digest(row.get("items", Number.class).longValue(),
							hex(row.get("d1", Long.class), row.get("d2", Long.class), row.get("d3", Long.class),
									row.get("d4", Long.class)))))
			.all()
			.collectList()
			.map((rows) -> {
				Map<ItemKind, Digest> digests = new EnumMap<>(ItemKind.class);
				for (ItemKind kind : ItemKind.values()) {
					digests.put(kind, Digest.EMPTY);
				}
				rows.forEach((row) -> {
					ItemKind kind = ItemKind.ofType(row.getKey());
					if (kind != null) {
						digests.put(kind, row.getValue());
					}
				});
				return digests;
			});
	}

	/** Folds the deltas into one row per kind, so reading the digests stays quick. */
	@Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
	void compact() {
		this.database.sql("WITH gone AS (DELETE FROM inventory_digest_deltas RETURNING *) "
				+ "INSERT INTO inventory_digest_deltas (kind, items, d1, d2, d3, d4) "
				+ "SELECT kind, sum(items), bit_xor(d1), bit_xor(d2), bit_xor(d3), bit_xor(d4) FROM gone GROUP BY kind")
			.then()
			.subscribe();
	}

	private static String hex(long... quarters) {
		StringBuilder out = new StringBuilder(64);
		for (long quarter : quarters) {
			out.append(HexFormat.of().toHexDigits(quarter));
		}
		return out.toString();
	}

	/** How many items of a kind there are, and the XOR of their hashes (hex). */
	public record Digest(long items, String digest) {

		public static final Digest EMPTY = new Digest(0, "0".repeat(64));

	}

}
