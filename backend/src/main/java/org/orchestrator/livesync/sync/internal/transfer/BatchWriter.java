package org.orchestrator.livesync.sync.internal.transfer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.InventoryWriter;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.sync.internal.SyncBases;

import org.springframework.stereotype.Component;

/**
 * Writes one batch of checked lines inside the apply transaction: upserts, deletes, and
 * the bases with the source for what the batch leaves alike on both sides.
 */
@Component
class BatchWriter {

	private final InventoryWriter writer;

	private final InventoryReader inventory;

	private final SyncBases bases;

	BatchWriter(InventoryWriter writer, InventoryReader inventory, SyncBases bases) {
		this.writer = writer;
		this.inventory = inventory;
		this.bases = bases;
	}

	Mono<Void> write(List<CheckedLine> batch, String sourceServerId, Tally tally) {
		List<InventoryWriter.Prepared> upserts = new ArrayList<>();
		Map<ItemKind, List<String>> deletes = new EnumMap<>(ItemKind.class);
		Map<ItemKind, Map<String, String>> agreed = new EnumMap<>(ItemKind.class);
		List<SyncBases.Synced> synced = new ArrayList<>();
		for (CheckedLine line : batch) {
			if (line.agreedHash() != null) {
				agreed.computeIfAbsent(line.kind(), (k) -> new HashMap<>()).put(line.key(), line.agreedHash());
			}
			else if (line.item() != null) {
				upserts.add(new InventoryWriter.Prepared(line.kind(), line.key(), line.item()));
				tally.applied = tally.applied.plus(line.kind(), 1);
				synced.add(new SyncBases.Synced(line.kind(), line.key(), line.item().contentHash()));
			}
			else {
				deletes.computeIfAbsent(line.kind(), (k) -> new ArrayList<>()).add(line.key());
				tally.deleted = tally.deleted.plus(line.kind(), 1);
				synced.add(new SyncBases.Synced(line.kind(), line.key(), null));
			}
		}
		Mono<List<SyncBases.Synced>> stillAlike = Flux.fromIterable(agreed.entrySet())
			.concatMap((entry) -> this.inventory.hashes(entry.getKey(), new ArrayList<>(entry.getValue().keySet()))
				.filter((current) -> current.contentHash().equals(entry.getValue().get(current.key()))))
			.map((alike) -> new SyncBases.Synced(alike.kind(), alike.key(), alike.contentHash()))
			.collectList();
		return this.writer.upsert(upserts)
			.doOnNext((written) -> tally.changed = tally.changed.plus(written))
			.thenMany(Flux.fromIterable(deletes.entrySet()))
			.concatMap((entry) -> this.writer.delete(entry.getKey(), entry.getValue()))
			.then(stillAlike)
			.flatMap((alike) -> {
				// Only what is still alike here becomes a base; anything changed since
				// the compare stays unsynced.
				synced.addAll(alike);
				return this.bases.record(sourceServerId, synced);
			});
	}

	/** What the batches of one package did so far, per kind. */
	static final class Tally {

		private KindCounts applied = KindCounts.ZERO;

		private KindCounts changed = KindCounts.ZERO;

		private KindCounts deleted = KindCounts.ZERO;

		ReceiveResult result(SyncPackage header, boolean dryRun) {
			return new ReceiveResult(true, header.packageId(), header.sourceServerId(), this.applied, this.changed,
					this.deleted, List.of(), false, dryRun);
		}

	}

}
