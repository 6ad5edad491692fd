package org.orchestrator.livesync.sync.internal.replication;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Per peer, the last checkpoint of the two servers' replication: its id (the same on both
 * servers while the state is current), the change sequence each side had reached, and the
 * residue, what did not agree then.
 */
@Repository
public class Checkpoints {

	/** Residue rows written per statement. */
	private static final int RESIDUE_PER_WRITE = 5000;

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	Checkpoints(DatabaseClient database, TransactionalOperator transaction) {
		this.database = database;
		this.transaction = transaction;
	}

	/** The checkpoint with a peer; {@code localSeq} is this server's sequence. */
	public record Checkpoint(UUID id, long localSeq, long remoteSeq) {
	}

	public Mono<Checkpoint> find(String peerServerId) {
		return this.database
			.sql("SELECT checkpoint_id, local_seq, remote_seq FROM sync_checkpoints WHERE peer_server_id = $1")
			.bind(0, peerServerId)
			.map((row) -> new Checkpoint(row.get("checkpoint_id", UUID.class), row.get("local_seq", Long.class),
					row.get("remote_seq", Long.class)))
			.one();
	}

	/** The residue this server keeps with a peer, at most {@code limit} items. */
	public Flux<ItemKey> residue(String peerServerId, int limit) {
		return this.database.sql("SELECT kind, key FROM sync_checkpoint_residue WHERE peer_server_id = $1 LIMIT $2")
			.bind(0, peerServerId)
			.bind(1, limit)
			.map((row) -> ItemKey.of(ItemKind.ofType(row.get("kind", String.class)), row.get("key", String.class)))
			.all();
	}

	/** Replaces the checkpoint with a peer, and its residue, in one transaction. */
	public Mono<Void> save(String peerServerId, Checkpoint checkpoint, Collection<ItemKey> residue) {
		Mono<Void> upsert = this.database
			.sql("INSERT INTO sync_checkpoints (peer_server_id, checkpoint_id, local_seq, remote_seq) "
					+ "VALUES ($1, $2, $3, $4) ON CONFLICT (peer_server_id) DO UPDATE SET checkpoint_id = "
					+ "EXCLUDED.checkpoint_id, local_seq = EXCLUDED.local_seq, remote_seq = EXCLUDED.remote_seq, "
					+ "recorded_at = now()")
			.bind(0, peerServerId)
			.bind(1, checkpoint.id())
			.bind(2, checkpoint.localSeq())
			.bind(3, checkpoint.remoteSeq())
			.then();
		Mono<Void> clear = this.database.sql("DELETE FROM sync_checkpoint_residue WHERE peer_server_id = $1")
			.bind(0, peerServerId)
			.then();
		Flux<Void> insert = Flux.fromIterable(residue)
			.buffer(RESIDUE_PER_WRITE)
			.concatMap((batch) -> insertResidue(peerServerId, batch));
		return upsert.then(clear).thenMany(insert).then().as(this.transaction::transactional);
	}

	private Mono<Void> insertResidue(String peerServerId, List<ItemKey> batch) {
		List<String> kinds = new ArrayList<>(batch.size());
		List<String> keys = new ArrayList<>(batch.size());
		batch.forEach((item) -> {
			kinds.add(item.itemKind().type());
			keys.add(item.key());
		});
		return this.database
			.sql("INSERT INTO sync_checkpoint_residue (peer_server_id, kind, key) "
					+ "SELECT $1, * FROM unnest(CAST($2 AS text[]), CAST($3 AS text[])) ON CONFLICT DO NOTHING")
			.bind(0, peerServerId)
			.bind(1, kinds.toArray(String[]::new))
			.bind(2, keys.toArray(String[]::new))
			.then();
	}

	/**
	 * Gives the checkpoint with a peer a new id, keeping its sequences and residue: a
	 * package between the two was applied. What it wrote now agrees with its source (and
	 * is left out of the feed for that source), what it left alone keeps its place in the
	 * feed or the residue, so the state stays correct; the new id tells a database
	 * restored from before the package (which still has the old one) from the current
	 * one. Runs inside the caller's transaction when there is one.
	 */
	public Mono<Void> rotate(String peerServerId, UUID id) {
		return this.database.sql("UPDATE sync_checkpoints SET checkpoint_id = $2 WHERE peer_server_id = $1")
			.bind(0, peerServerId)
			.bind(1, id)
			.then();
	}

}
