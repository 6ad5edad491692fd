package org.orchestrator.livesync.inventory;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Items as their stored rows, in JSON ("images"): what sync history keeps of an item
 * before and after a change, and writes back to undo it. An image holds the columns that
 * make the item (a cluster's members as {@code nodes}), not the bookkeeping a write gives
 * anew (change sequence, origin, clock, timestamps). An SSH key's private key stays the
 * ciphertext under this server's master keyset.
 */
@Component
public class ItemImages {

	private static final String BOOKKEEPING = "'{change_seq,change_origin,changed_hlc,created_at,updated_at}'::text[]";

	private final DatabaseClient database;

	ItemImages(DatabaseClient database) {
		this.database = database;
	}

	/** An item's image: its key, content hash and row. */
	public record Image(String key, String contentHash, String row) {
	}

	/** The images of these keys as they are now; a key without a row is left out. */
	public Flux<Image> read(ItemKind kind, List<String> keys) {
		if (keys.isEmpty()) {
			return Flux.empty();
		}
		return this.database
			.sql("SELECT t." + keyColumn(kind) + ", t.content_hash, CAST(" + image(kind, "t") + " AS text) FROM "
					+ table(kind) + " t JOIN unnest(CAST($1 AS text[])) AS k(key) ON t." + keyColumn(kind) + " = k.key")
			.bind(0, keys.toArray(String[]::new))
			.map((row) -> new Image(row.get(0, String.class), row.get(1, String.class), row.get(2, String.class)))
			.all();
	}

	/**
	 * Writes these images back: each item becomes what its image holds, created if it is
	 * gone; a cluster gets its members back. Inside the caller's transaction, with
	 * references deferred (see {@link InventoryWriter#deferConstraints()}).
	 */
	public Mono<Void> restore(ItemKind kind, List<String> images) {
		if (images.isEmpty()) {
			return Mono.empty();
		}
		String array = "[" + String.join(",", images) + "]";
		List<String> columns = columns(kind);
		String names = String.join(", ", columns);
		String updates = String.join(", ",
				columns.stream().skip(1).map((column) -> column + " = EXCLUDED." + column).toList());
		Mono<Void> rows = this.database
			.sql("INSERT INTO " + table(kind) + " (" + names + ") SELECT " + names
					+ " FROM jsonb_populate_recordset(NULL::" + table(kind) + ", CAST($1 AS jsonb)) ON CONFLICT ("
					+ keyColumn(kind) + ") DO UPDATE SET " + updates)
			.bind(0, array)
			.then();
		if (kind != ItemKind.CLUSTER) {
			return rows;
		}
		return rows
			.then(this.database
				.sql("DELETE FROM cluster_nodes m USING jsonb_array_elements(CAST($1 AS jsonb)) AS c(image) "
						+ "WHERE m.cluster = c.image->>'name'")
				.bind(0, array)
				.then())
			.then(this.database
				.sql("INSERT INTO cluster_nodes (cluster, hostname, role) SELECT c.image->>'name', m->>'hostname', "
						+ "m->>'role' FROM jsonb_array_elements(CAST($1 AS jsonb)) AS c(image), "
						+ "jsonb_array_elements(c.image->'nodes') AS m")
				.bind(0, array)
				.then());
	}

	/**
	 * SQL for the image of the row {@code alias} of a {@code kind}'s table, as
	 * {@code jsonb}.
	 */
	public static String image(ItemKind kind, String alias) {
		String row = "(to_jsonb(" + alias + ") - " + BOOKKEEPING + ")";
		if (kind != ItemKind.CLUSTER) {
			return row;
		}
		return "(" + row + " || jsonb_build_object('nodes', coalesce((SELECT jsonb_agg(jsonb_build_object("
				+ "'hostname', m.hostname, 'role', m.role) ORDER BY m.hostname) FROM cluster_nodes m WHERE m.cluster = "
				+ alias + ".name), '[]'::jsonb)))";
	}

	public static String table(ItemKind kind) {
		return InventoryReader.table(kind);
	}

	public static String keyColumn(ItemKind kind) {
		return InventoryReader.keyColumn(kind);
	}

	/** The columns an image restores, the key first. */
	private static List<String> columns(ItemKind kind) {
		return switch (kind) {
			case SSH_KEY ->
				List.of("name", "public_key", "fingerprint", "private_key_ciphertext", "path", "content_hash");
			case NODE -> List.of("hostname", "ip", "username", "ssh_port", "ssh_key", "microk8s_status", "wol",
					"hardware", "content_hash");
			case CLUSTER -> List.of("name", "description", "ha_enabled", "settings", "content_hash");
			case CONFIGURATION -> List.of("name", "kind", "content", "settings", "content_hash");
		};
	}

}
