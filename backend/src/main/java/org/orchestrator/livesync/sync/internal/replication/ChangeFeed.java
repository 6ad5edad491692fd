package org.orchestrator.livesync.sync.internal.replication;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * What changed in this server's inventory since a change sequence number: every item row
 * and tombstone carries the number of its last change, so "since N" is an index scan that
 * costs what changed, not what exists.
 */
@Repository
public class ChangeFeed {

	/**
	 * How often, and how long at most, to wait for older transactions to end: briefly,
	 * since a compare waits meanwhile; a long transaction (a big import or apply) costs
	 * the compare only its new checkpoint, the old one still serves.
	 */
	private static final Duration POLL = Duration.ofMillis(10);

	private static final int POLLS = 30;

	private static final String FEED = "SELECT 'node' AS kind, hostname AS key FROM nodes "
			+ "WHERE change_seq > $1 AND change_origin IS DISTINCT FROM $2 "
			+ "UNION ALL SELECT 'cluster', name FROM clusters WHERE change_seq > $1 AND change_origin IS DISTINCT FROM $2 "
			+ "UNION ALL SELECT 'ssh_key', name FROM ssh_keys WHERE change_seq > $1 AND change_origin IS DISTINCT FROM $2 "
			+ "UNION ALL SELECT 'configuration', name FROM configurations "
			+ "WHERE change_seq > $1 AND change_origin IS DISTINCT FROM $2 "
			+ "UNION ALL SELECT kind, key FROM tombstones WHERE change_seq > $1 AND change_origin IS DISTINCT FROM $2 "
			+ "LIMIT $3";

	private final DatabaseClient database;

	ChangeFeed(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * The highest change sequence number at or below which every change is committed (or
	 * rolled back) and so visible to any read that starts afterwards; empty when older
	 * writers of the inventory are still open after a moment.
	 * <p>
	 * The sequence's last value is read, then a transaction id taken: a change numbered
	 * at or below that value belongs to a transaction that had its id already (see
	 * migration V10), a lower one, and that holds a row-exclusive lock on the table it
	 * wrote until it ends. Those are waited for; nothing else is (autovacuum, other
	 * tables, other databases). A snapshot's own xmax cannot serve as the bound: it can
	 * be lower than the id of a transaction still running.
	 */
	public Mono<Long> stableWatermark() {
		return this.database
			.sql("SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END AS seq, "
					+ "(pg_current_xact_id()::text::numeric % 4294967296)::text AS xid FROM change_seq")
			.map((row) -> new Mark(row.get("seq", Long.class), row.get("xid", String.class)))
			.one()
			.flatMap((mark) -> settled(mark.xid()).map((settled) -> mark.seq()));
	}

	/**
	 * Completes once no transaction older than {@code xid} (32-bit, as locks show it)
	 * holds a write lock on an inventory table.
	 */
	private Mono<Boolean> settled(String xid) {
		Mono<Boolean> check = this.database
			.sql("SELECT count(*) AS open FROM pg_locks r JOIN pg_locks x ON x.virtualtransaction = "
					+ "r.virtualtransaction AND x.locktype = 'transactionid' WHERE r.locktype = 'relation' "
					+ "AND r.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
					+ "AND r.mode = 'RowExclusiveLock' AND r.relation IN (CAST('nodes' AS regclass), "
					+ "CAST('clusters' AS regclass), CAST('ssh_keys' AS regclass), "
					+ "CAST('configurations' AS regclass), CAST('tombstones' AS regclass)) "
					+ "AND age(x.transactionid) > age(CAST($1 AS xid))")
			.bind(0, xid)
			.map((row) -> row.get("open", Long.class))
			.one()
			.filter((open) -> open == 0)
			.map((open) -> true);
		return check.repeatWhenEmpty((empties) -> empties.take(POLLS).delayElements(POLL));
	}

	private record Mark(long seq, String xid) {
	}

	/**
	 * The items changed (or deleted) after {@code seq}, at most {@code limit}, leaving
	 * out those last written by a package from {@code peerServerId}: that peer has them
	 * as they are.
	 */
	public Flux<ItemKey> since(long seq, String peerServerId, int limit) {
		return this.database.sql(FEED)
			.bind(0, seq)
			.bind(1, peerServerId)
			.bind(2, limit)
			.map((row) -> ItemKey.of(ItemKind.ofType(row.get("kind", String.class)), row.get("key", String.class)))
			.all();
	}

}
