package org.orchestrator.livesync.sync.internal.job;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;
import org.orchestrator.livesync.sync.internal.session.ReviewedHashes;
import org.orchestrator.livesync.sync.internal.transfer.PackageLine;

import org.springframework.stereotype.Component;

/**
 * Turns a job's decided items into package lines: upserts with their content read fresh
 * from the database, deletions carrying the hash the remote last had, and agreements
 * carrying the hash both sides share, merges with the merged content the compare made.
 * Upserts, merges and deletions expect what the remote had when they were decided
 * ({@link ReviewedHashes}).
 */
@Component
class PackageLines {

	private final InventoryReader inventory;

	PackageLines(InventoryReader inventory) {
		this.inventory = inventory;
	}

	/** The lines of a batch of decided items (each of which moves), upserts first. */
	Flux<PackageLine> lines(List<Decided> batch, ReviewedHashes reviewed) {
		Map<ItemKind, Map<String, String>> upserts = new EnumMap<>(ItemKind.class);
		List<PackageLine> others = new ArrayList<>();
		for (Decided decided : batch) {
			ClassifiedItem item = decided.item();
			if (decided.decision() == JobSelection.Decision.MERGE) {
				others.add(new PackageLine(item.kind().type(), PackageLine.MERGE, item.entry().key(),
						item.entry().mergedHash(), item.merged(), reviewed.expect(item)));
			}
			else if (decided.decision() == JobSelection.Decision.UPSERT) {
				upserts.computeIfAbsent(item.kind(), (k) -> new LinkedHashMap<>())
					.put(item.entry().key(), reviewed.expect(item));
			}
			else {
				others.add(withoutContent(decided, reviewed));
			}
		}
		Flux<PackageLine> written = Flux.fromIterable(upserts.entrySet())
			.concatMap(
					(entry) -> this.inventory.packageView(entry.getKey(), new ArrayList<>(entry.getValue().keySet())))
			.map((snapshot) -> new PackageLine(snapshot.kind().type(), PackageLine.UPSERT, snapshot.key(),
					snapshot.contentHash(), snapshot.content(), upserts.get(snapshot.kind()).get(snapshot.key())));
		return written.concatWith(Flux.fromIterable(others));
	}

	/** The line of an agreement or a deletion, which carries no content. */
	static PackageLine withoutContent(Decided decided, ReviewedHashes reviewed) {
		ClassifiedItem item = decided.item();
		if (decided.decision() == JobSelection.Decision.AGREE) {
			return new PackageLine(item.kind().type(), PackageLine.BASE, item.entry().key(), item.entry().localHash(),
					null, reviewed.expect(item));
		}
		String lastKnown = (item.entry().baseHash() != null) ? item.entry().baseHash() : item.entry().remoteHash();
		return new PackageLine(item.kind().type(), PackageLine.DELETE, item.entry().key(), lastKnown, null,
				reviewed.expect(item));
	}

	/** What a sent line is in the job's item events. */
	static String status(PackageLine line) {
		return switch (line.action()) {
			case PackageLine.DELETE -> "delete_sent";
			case PackageLine.BASE -> "in_sync";
			case PackageLine.MERGE -> "merge_sent";
			default -> "sent";
		};
	}

}
