package org.orchestrator.livesync.sync.internal.history;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.inventory.InventoryWriter;
import org.orchestrator.livesync.inventory.ItemImages;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Undoes a history entry on this server alone: every item it changed gets its image from
 * before back (an item it created is deleted), in one transaction, a batch at a time. An
 * item changed again since the entry is a conflict: it is not overwritten unless the
 * request says {@code force}, or {@code keep}s it as it is now. The rollback is an entry
 * of its own, which can be rolled back in turn.
 */
@Component
class Rollback {

	private static final int BATCH = 1000;

	private static final int LISTED = 1000;

	private final DatabaseClient database;

	private final HistoryService history;

	private final HistoryRecorder recorder;

	private final InventoryWriter writer;

	private final ItemImages images;

	private final TransactionalOperator transaction;

	private final AuditLog audit;

	Rollback(DatabaseClient database, HistoryService history, HistoryRecorder recorder, InventoryWriter writer,
			ItemImages images, TransactionalOperator transaction, AuditLog audit) {
		this.audit = audit;
		this.database = database;
		this.history = history;
		this.recorder = recorder;
		this.writer = writer;
		this.images = images;
		this.transaction = transaction;
	}

	/** An item the operator keeps as it is now. */
	record RollbackKeep(String kind, String key) {
	}

	/** What an operator asks of a rollback. */
	record Request(boolean dryRun, boolean force, List<RollbackKeep> keep, String actor, String client) {
	}

	Mono<HistoryViews.RollbackResult> run(UUID id, Request request) {
		Set<String> keep = new HashSet<>();
		for (RollbackKeep kept : (request.keep() != null) ? request.keep() : List.<RollbackKeep>of()) {
			ItemKind kind = ItemKind.ofSection(kept.kind());
			if (kind == null || kept.key() == null) {
				throw ProblemException.invalid("keep",
						"each item needs a kind (nodes, clusters, ssh_keys, " + "configurations) and a key");
			}
			keep.add(kind.type() + "/" + kept.key());
		}
		Mono<HistoryViews.RollbackResult> work = this.history.entry(id).flatMap((entry) -> {
			if (entry.rolledBackBy() != null) {
				return Mono.error(ProblemException
					.conflict("history entry " + id + " was rolled back already, by " + entry.rolledBackBy()));
			}
			State state = new State(request, keep);
			return this.writer.deferConstraints()
				.flatMap((mark) -> this.recorder
					.begin(new Provenance(Provenance.Operation.ROLLBACK, null, request.actor()),
							new HistoryRecorder.Source(null, entry.peerServerId(), entry.peerName(), id))
					.doOnNext((entryId) -> state.entry = entryId)
					.then(batchesFrom(id, "", "", state))
					.then(Mono.defer(() -> state.blocked() && !request.dryRun() ? Mono.error(state.refusal())
							: this.writer.checkReferences(mark))))
				.then(Mono
					.defer(() -> this.recorder.finish(state.entry, state.restored, state.restored, state.deleted)))
				.then(Mono.fromCallable(() -> state.result(id)))
				.flatMap((result) -> request.dryRun() ? Mono.just(result)
						: this.audit
							.record(AuditLog.Action.ROLLBACK, request.actor(), request.client(),
									Map.of("history_id", result.historyId().toString(), "rollback_of", id.toString(),
											"restored", result.restored().total(), "deleted", result.deleted().total(),
											"kept", result.kept().total(), "forced", request.force()))
							.thenReturn(result));
		});
		if (!request.dryRun()) {
			return work.as(this.transaction::transactional);
		}
		return this.transaction.execute((status) -> {
			status.setRollbackOnly();
			return work;
		}).single();
	}

	/** The entry's items after {@code (kind, key)}, a batch at a time, in order. */
	private Mono<Void> batchesFrom(UUID id, String kind, String key, State state) {
		return this.database
			.sql("SELECT kind, key, CAST(before AS text), after_hash FROM sync_history_items WHERE history_id = $1 "
					+ "AND (kind, key) > ($2, $3) ORDER BY kind, key LIMIT $4")
			.bind(0, id)
			.bind(1, kind)
			.bind(2, key)
			.bind(3, BATCH)
			.map((row) -> new Recorded(ItemKind.ofType(row.get(0, String.class)), row.get(1, String.class),
					row.get(2, String.class), row.get(3, String.class)))
			.all()
			.collectList()
			.flatMap((batch) -> {
				if (batch.isEmpty()) {
					return Mono.empty();
				}
				Recorded last = batch.get(batch.size() - 1);
				Mono<Void> next = (batch.size() < BATCH) ? Mono.empty()
						: Mono.defer(() -> batchesFrom(id, last.kind().type(), last.key(), state));
				return undo(batch, state).then(next);
			});
	}

	/** An item as the entry recorded it: its image before, its hash after. */
	private record Recorded(ItemKind kind, String key, String before, String afterHash) {
	}

	/**
	 * Locks the batch's items, sorts out those changed since the entry, and (unless one
	 * of them blocks the rollback) writes the images back.
	 */
	private Mono<Void> undo(List<Recorded> batch, State state) {
		Map<ItemKind, List<Recorded>> byKind = new EnumMap<>(ItemKind.class);
		batch.forEach((item) -> byKind.computeIfAbsent(item.kind(), (k) -> new ArrayList<>()).add(item));
		return Flux.fromIterable(byKind.entrySet()).concatMap((group) -> {
			ItemKind kind = group.getKey();
			List<String> keys = group.getValue().stream().map(Recorded::key).toList();
			Map<String, String> now = new HashMap<>();
			return this.writer.lockHashes(kind, keys)
				.doOnNext((row) -> now.put(row.key(), row.contentHash()))
				.then(Mono.defer(() -> {
					List<Recorded> restore = new ArrayList<>();
					List<String> delete = new ArrayList<>();
					for (Recorded item : group.getValue()) {
						if (state.undoes(item, now.get(item.key()))) {
							if (item.before() != null) {
								restore.add(item);
							}
							else {
								delete.add(item.key());
							}
						}
					}
					if (state.blocked() && !state.request.dryRun()) {
						return Mono.empty();
					}
					return write(kind, restore, delete, state);
				}));
		}).then();
	}

	private Mono<Void> write(ItemKind kind, List<Recorded> restore, List<String> delete, State state) {
		List<String> keys = new ArrayList<>(delete);
		restore.forEach((item) -> keys.add(item.key()));
		if (keys.isEmpty()) {
			return Mono.empty();
		}
		return this.recorder.before(state.entry, Map.of(kind, keys))
			.flatMap((before) -> this.images.restore(kind, restore.stream().map(Recorded::before).toList())
				.then(this.writer.delete(kind, delete))
				.then(this.recorder.after(before)))
			.doOnSuccess((done) -> {
				state.restored = state.restored.plus(kind, restore.size());
				state.deleted = state.deleted.plus(kind, delete.size());
			});
	}

	/** How the rollback goes, batch after batch. */
	private static final class State {

		private final Request request;

		private final Set<String> keep;

		private UUID entry;

		private KindCounts restored = KindCounts.ZERO;

		private KindCounts deleted = KindCounts.ZERO;

		private KindCounts kept = KindCounts.ZERO;

		private final List<HistoryViews.RollbackConflict> conflicts = new ArrayList<>();

		private long conflictCount;

		private long blocking;

		State(Request request, Set<String> keep) {
			this.request = request;
			this.keep = keep;
		}

		/**
		 * Whether to write this item's image back, {@code now} being its hash here now:
		 * not when the operator keeps it, nor when it changed since the entry without
		 * {@code force}.
		 */
		boolean undoes(Recorded item, String now) {
			boolean changedSince = !Objects.equals(now, item.afterHash());
			if (changedSince) {
				this.conflictCount++;
				if (this.conflicts.size() < LISTED) {
					this.conflicts.add(new HistoryViews.RollbackConflict(item.kind().section(), item.key(),
							item.afterHash(), now));
				}
			}
			if (this.keep.contains(item.kind().type() + "/" + item.key())) {
				this.kept = this.kept.plus(item.kind(), 1);
				return false;
			}
			if (changedSince && !this.request.force()) {
				this.blocking++;
				return false;
			}
			return true;
		}

		boolean blocked() {
			return this.blocking > 0;
		}

		ProblemException refusal() {
			HistoryViews.RollbackConflict first = this.conflicts.get(0);
			return new ProblemException(ProblemCode.ROLLBACK_CONFLICTS,
					this.blocking + " item" + ((this.blocking > 1) ? "s were" : " was")
							+ " changed again since this entry, first " + first.kind() + " '" + first.key()
							+ "'; nothing was rolled back (a dry run lists them; force "
							+ "overwrites them, keep leaves them as they are)");
		}

		HistoryViews.RollbackResult result(UUID rollbackOf) {
			return new HistoryViews.RollbackResult(this.request.dryRun() ? null : this.entry, rollbackOf,
					this.request.dryRun(), this.restored, this.deleted, this.kept, List.copyOf(this.conflicts),
					this.conflictCount);
		}

	}

}
