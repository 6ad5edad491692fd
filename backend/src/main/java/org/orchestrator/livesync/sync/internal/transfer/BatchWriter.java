package org.orchestrator.livesync.sync.internal.transfer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.InventoryItem;
import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.InventoryWriter;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.sync.internal.BaseContents;
import org.orchestrator.livesync.sync.internal.SyncBases;
import org.orchestrator.livesync.sync.internal.history.HistoryRecorder;

import org.springframework.stereotype.Component;

/**
 * Writes one batch of checked lines inside the apply transaction: upserts, deletes, and
 * the bases with the source for what the batch leaves alike on both sides. First it locks
 * the rows the batch writes and leaves out every line whose item is no longer what the
 * sender expected: an edit made here since the sender's compare is never overwritten.
 * What it changes goes into the apply's history entry, with each item before and after.
 */
@Component
class BatchWriter {

	private final InventoryWriter writer;

	private final InventoryReader inventory;

	private final SyncBases bases;

	private final BaseContents contents;

	private final HistoryRecorder history;

	BatchWriter(InventoryWriter writer, InventoryReader inventory, SyncBases bases, BaseContents contents,
			HistoryRecorder history) {
		this.history = history;
		this.contents = contents;
		this.writer = writer;
		this.inventory = inventory;
		this.bases = bases;
	}

	Mono<Void> write(List<CheckedLine> batch, String sourceServerId, Tally tally) {
		return stillExpected(batch, tally).flatMap((lines) -> writeLines(lines, sourceServerId, tally));
	}

	/**
	 * The lines whose item is as their sender expected, under a row lock held to the end
	 * of the transaction; the others are tallied as changed since the compare. A line
	 * whose change is already made here (the same content, or already deleted) counts as
	 * expected.
	 */
	private Mono<List<CheckedLine>> stillExpected(List<CheckedLine> batch, Tally tally) {
		Map<ItemKind, List<String>> guarded = new EnumMap<>(ItemKind.class);
		for (CheckedLine line : batch) {
			if (line.expect() != null) {
				guarded.computeIfAbsent(line.kind(), (k) -> new ArrayList<>()).add(line.key());
			}
		}
		if (guarded.isEmpty()) {
			return Mono.just(batch);
		}
		Map<ItemKind, Map<String, String>> current = new EnumMap<>(ItemKind.class);
		return Flux.fromIterable(guarded.entrySet())
			.concatMap((entry) -> this.writer.lockHashes(entry.getKey(), entry.getValue()))
			.doOnNext((row) -> current.computeIfAbsent(row.kind(), (k) -> new HashMap<>())
				.put(row.key(), row.contentHash()))
			.then(Mono.fromCallable(() -> {
				List<CheckedLine> kept = new ArrayList<>(batch.size());
				for (CheckedLine line : batch) {
					String now = current.getOrDefault(line.kind(), Map.of()).get(line.key());
					String wanted = (line.item() != null) ? line.item().contentHash() : line.agreedHash();
					if (line.expects(now) || Objects.equals(now, wanted)) {
						kept.add(line);
					}
					else {
						tally.changedSinceCompare.add(ItemKey.of(line.kind(), line.key()));
					}
				}
				return kept;
			}));
	}

	private Mono<Void> writeLines(List<CheckedLine> batch, String sourceServerId, Tally tally) {
		List<InventoryWriter.Prepared> upserts = new ArrayList<>();
		Map<ItemKind, List<String>> deletes = new EnumMap<>(ItemKind.class);
		Map<ItemKind, Map<String, String>> agreed = new EnumMap<>(ItemKind.class);
		List<SyncBases.Synced> synced = new ArrayList<>();
		List<BaseContents.Kept> kept = new ArrayList<>();
		Map<ItemKind, List<String>> written = new EnumMap<>(ItemKind.class);
		for (CheckedLine line : batch) {
			if (line.agreedHash() == null) {
				written.computeIfAbsent(line.kind(), (k) -> new ArrayList<>()).add(line.key());
			}
			if (line.agreedHash() != null) {
				agreed.computeIfAbsent(line.kind(), (k) -> new HashMap<>()).put(line.key(), line.agreedHash());
			}
			else if (line.item() != null) {
				upserts.add(new InventoryWriter.Prepared(line.kind(), line.key(), line.item()));
				tally.applied = tally.applied.plus(line.kind(), 1);
				if (!line.merge()) {
					synced.add(new SyncBases.Synced(line.kind(), line.key(), line.item().contentHash()));
					kept.add(new BaseContents.Kept(line.item().contentHash(),
							((InventoryItem<?>) line.item().item()).peerView()));
				}
			}
			else {
				deletes.computeIfAbsent(line.kind(), (k) -> new ArrayList<>()).add(line.key());
				tally.deleted = tally.deleted.plus(line.kind(), 1);
				synced.add(new SyncBases.Synced(line.kind(), line.key(), null));
			}
		}
		Mono<List<SyncBases.Synced>> stillAlike = Flux.fromIterable(agreed.entrySet())
			.concatMap((entry) -> this.inventory.peerView(entry.getKey(), new ArrayList<>(entry.getValue().keySet()))
				.filter((current) -> current.contentHash().equals(entry.getValue().get(current.key()))))
			.doOnNext((alike) -> kept.add(new BaseContents.Kept(alike.contentHash(), alike.content())))
			.map((alike) -> new SyncBases.Synced(alike.kind(), alike.key(), alike.contentHash()))
			.collectList();
		return this.history.before(tally.history, written)
			.flatMap((before) -> this.writer.upsert(upserts)
				.doOnNext((changed) -> tally.changed = tally.changed.plus(changed))
				.thenMany(Flux.fromIterable(deletes.entrySet()))
				.concatMap((entry) -> this.writer.delete(entry.getKey(), entry.getValue()))
				.then(this.history.after(before)))
			.then(stillAlike)
			.flatMap((alike) -> {
				// Only what is still alike here becomes a base; anything changed since
				// the compare stays unsynced.
				synced.addAll(alike);
				return this.contents.keep(kept).then(this.bases.record(sourceServerId, synced));
			});
	}

	/** What the batches of one package did so far, per kind. */
	static final class Tally {

		private KindCounts applied = KindCounts.ZERO;

		private KindCounts changed = KindCounts.ZERO;

		private KindCounts deleted = KindCounts.ZERO;

		private final List<ItemKey> changedSinceCompare = new ArrayList<>();

		/** The history entry of the apply. */
		UUID history;

		Mono<Void> finish(HistoryRecorder recorder) {
			return recorder.finish(this.history, this.applied, this.changed, this.deleted);
		}

		ReceiveResult result(SyncPackage header, boolean dryRun) {
			return new ReceiveResult(true, header.packageId(), header.sourceServerId(), this.applied, this.changed,
					this.deleted, List.copyOf(this.changedSinceCompare), List.of(), false, dryRun);
		}

	}

}
