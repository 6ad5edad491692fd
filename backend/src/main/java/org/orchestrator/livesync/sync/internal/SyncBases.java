package org.orchestrator.livesync.sync.internal;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.inventory.Scope;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Per peer, the content hash each item had when the two servers last synced it: the
 * common ancestor that tells "changed here" from "changed there" from "changed on both".
 */
@Repository
public class SyncBases {

	private final DatabaseClient database;

	SyncBases(DatabaseClient database) {
		this.database = database;
	}

	/** The bases with a peer, in inventory order. */
	public Flux<ItemSnapshot> stream(String peerServerId) {
		return stream(peerServerId, java.util.EnumSet.allOf(ItemKind.class));
	}

	/** The bases with a peer for these kinds, in inventory order. */
	public Flux<ItemSnapshot> stream(String peerServerId, java.util.Set<ItemKind> kinds) {
		return Flux.fromArray(ItemKind.values())
			.filter(kinds::contains)
			.concatMap((kind) -> this.database
				.sql("SELECT key, content_hash FROM sync_bases WHERE peer_server_id = $1 AND kind = $2 "
						+ "ORDER BY key COLLATE \"C\"")
				.bind(0, peerServerId)
				.bind(1, kind.type())
				.map((row) -> new ItemSnapshot(kind, row.get("key", String.class),
						row.get("content_hash", String.class), null))
				.all());
	}

	/** The bases with a peer of the items in scope, in inventory order. */
	public Flux<ItemSnapshot> stream(String peerServerId, Scope scope) {
		return Flux.fromIterable(scope.kinds().entrySet()).concatMap((entry) -> {
			ItemKind kind = entry.getKey();
			if (entry.getValue() == null) {
				return stream(peerServerId, java.util.EnumSet.of(kind));
			}
			return this.database
				.sql("SELECT b.key, b.content_hash FROM sync_bases b JOIN unnest(CAST($3 AS text[])) AS w(key) "
						+ "ON b.key = w.key WHERE b.peer_server_id = $1 AND b.kind = $2 ORDER BY b.key COLLATE \"C\"")
				.bind(0, peerServerId)
				.bind(1, kind.type())
				.bind(2, entry.getValue().toArray(String[]::new))
				.map((row) -> new ItemSnapshot(kind, row.get("key", String.class),
						row.get("content_hash", String.class), null))
				.all();
		});
	}

	/**
	 * Records that the peer now has these items with these hashes ({@code contentHash}
	 * set) or has them deleted ({@code contentHash} null).
	 */
	public Mono<Void> record(String peerServerId, List<Synced> items) {
		List<String> kinds = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		List<String> deletedKinds = new ArrayList<>();
		List<String> deletedKeys = new ArrayList<>();
		for (Synced item : items) {
			if (item.contentHash() != null) {
				kinds.add(item.kind().type());
				keys.add(item.key());
				hashes.add(item.contentHash());
			}
			else {
				deletedKinds.add(item.kind().type());
				deletedKeys.add(item.key());
			}
		}
		Mono<Long> upsert = kinds.isEmpty() ? Mono.just(0L)
				: this.database
					.sql("INSERT INTO sync_bases (peer_server_id, kind, key, content_hash) "
							+ "SELECT $1, * FROM unnest(CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS text[])) "
							+ "ON CONFLICT (peer_server_id, kind, key) DO UPDATE "
							+ "SET content_hash = EXCLUDED.content_hash, synced_at = now()")
					.bind(0, peerServerId)
					.bind(1, kinds.toArray(String[]::new))
					.bind(2, keys.toArray(String[]::new))
					.bind(3, hashes.toArray(String[]::new))
					.fetch()
					.rowsUpdated();
		Mono<Long> delete = deletedKinds.isEmpty() ? Mono.just(0L) : this.database
			.sql("DELETE FROM sync_bases b USING unnest(CAST($2 AS text[]), CAST($3 AS text[])) AS d(kind, key) "
					+ "WHERE b.peer_server_id = $1 AND b.kind = d.kind AND b.key = d.key")
			.bind(0, peerServerId)
			.bind(1, deletedKinds.toArray(String[]::new))
			.bind(2, deletedKeys.toArray(String[]::new))
			.fetch()
			.rowsUpdated();
		return upsert.then(delete).then();
	}

	/**
	 * Forgets the bases of items that neither server has any more, each only if it still
	 * holds the hash that was found stale ({@code contentHash}), so a base that a job
	 * recorded meanwhile stays.
	 */
	public Mono<Void> clearStale(String peerServerId, List<Synced> stale) {
		if (stale.isEmpty()) {
			return Mono.empty();
		}
		return this.database
			.sql("DELETE FROM sync_bases b USING unnest(CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS text[])) "
					+ "AS s(kind, key, content_hash) WHERE b.peer_server_id = $1 AND b.kind = s.kind "
					+ "AND b.key = s.key AND b.content_hash = s.content_hash")
			.bind(0, peerServerId)
			.bind(1, stale.stream().map((item) -> item.kind().type()).toArray(String[]::new))
			.bind(2, stale.stream().map(Synced::key).toArray(String[]::new))
			.bind(3, stale.stream().map(Synced::contentHash).toArray(String[]::new))
			.then();
	}

	/**
	 * An item both servers now agree on; {@code contentHash} null when both have it
	 * deleted.
	 */
	public record Synced(ItemKind kind, String key, String contentHash) {
	}

}
