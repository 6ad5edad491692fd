package org.orchestrator.livesync.sync.internal.transfer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.sync.internal.SyncBases;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Packages this server built for a peer that pulls them. When the peer confirms it
 * applied one, the package's hashes become the bases with that peer, as they did on the
 * peer's side.
 */
@Repository
class PackageOffers {

	private final DatabaseClient database;

	PackageOffers(DatabaseClient database) {
		this.database = database;
	}

	Mono<Void> record(UUID packageId, String peerServerId, List<SyncBases.Synced> items) {
		return open(packageId, peerServerId).then(add(packageId, items));
	}

	Mono<Void> open(UUID packageId, String peerServerId) {
		return this.database.sql("INSERT INTO sync_offered_packages (package_id, peer_server_id) VALUES ($1, $2)")
			.bind(0, packageId)
			.bind(1, peerServerId)
			.then();
	}

	Mono<Void> add(UUID packageId, List<SyncBases.Synced> items) {
		if (items.isEmpty()) {
			return Mono.empty();
		}
		return this.database
			.sql("INSERT INTO sync_offered_items (package_id, kind, key, content_hash) "
					+ "SELECT $1, * FROM unnest(CAST($2 AS text[]), CAST($3 AS text[]), CAST($4 AS text[]))")
			.bind(0, packageId)
			.bind(1, items.stream().map((i) -> i.kind().type()).toArray(String[]::new))
			.bind(2, items.stream().map(SyncBases.Synced::key).toArray(String[]::new))
			.bind(3, items.stream().map(SyncBases.Synced::contentHash).toArray(String[]::new))
			.then();
	}

	/** Takes items the peer left alone out of an offer: they become no bases. */
	Mono<Void> withdraw(UUID packageId, List<ItemKey> items) {
		if (items.isEmpty()) {
			return Mono.empty();
		}
		return this.database.sql(
				"DELETE FROM sync_offered_items o USING unnest(CAST($2 AS text[]), CAST($3 AS text[])) AS w(kind, key) "
						+ "WHERE o.package_id = $1 AND o.kind = w.kind AND o.key = w.key")
			.bind(0, packageId)
			.bind(1, items.stream().map((i) -> i.itemKind().type()).toArray(String[]::new))
			.bind(2, items.stream().map(ItemKey::key).toArray(String[]::new))
			.then();
	}

	/**
	 * Turns a confirmed offer into bases with its peer; returns how many items it held,
	 * or empty when there is no such offer for that peer.
	 */
	Mono<Long> confirm(UUID packageId, String peerServerId) {
		Mono<Long> bases = this.database.sql("INSERT INTO sync_bases (peer_server_id, kind, key, content_hash) "
				+ "SELECT o.peer_server_id, i.kind, i.key, i.content_hash FROM sync_offered_items i "
				+ "JOIN sync_offered_packages o USING (package_id) WHERE package_id = $1 AND i.content_hash IS NOT NULL "
				+ "ON CONFLICT (peer_server_id, kind, key) DO UPDATE SET content_hash = EXCLUDED.content_hash, synced_at = now()")
			.bind(0, packageId)
			.fetch()
			.rowsUpdated();
		Mono<Long> deletions = this.database
			.sql("DELETE FROM sync_bases b USING sync_offered_items i WHERE i.package_id = $1 "
					+ "AND i.content_hash IS NULL AND b.peer_server_id = $2 AND b.kind = i.kind AND b.key = i.key")
			.bind(0, packageId)
			.bind(1, peerServerId)
			.fetch()
			.rowsUpdated();
		Mono<Long> count = this.database.sql("SELECT count(*) FROM sync_offered_items WHERE package_id = $1")
			.bind(0, packageId)
			.map((row) -> row.get(0, Long.class))
			.one();
		Mono<Long> forget = this.database.sql("DELETE FROM sync_offered_packages WHERE package_id = $1")
			.bind(0, packageId)
			.fetch()
			.rowsUpdated();
		return this.database
			.sql("SELECT 1 FROM sync_offered_packages WHERE package_id = $1 AND peer_server_id = $2 FOR UPDATE")
			.bind(0, packageId)
			.bind(1, peerServerId)
			.map((row) -> 1)
			.one()
			.flatMap((found) -> count.flatMap((items) -> bases.then(deletions).then(forget).thenReturn(items)));
	}

	/**
	 * Offers nobody confirmed in time are dropped; the bases they would have set stay as
	 * they were.
	 */
	Mono<Long> forgetOlderThan(Instant cutoff) {
		return this.database.sql("DELETE FROM sync_offered_packages WHERE created_at < $1")
			.bind(0, cutoff)
			.fetch()
			.rowsUpdated();
	}

}
