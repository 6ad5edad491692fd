package org.orchestrator.livesync.sync.internal.compare;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Flux;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.system.ProblemException;

/**
 * The three-way compare. Local items, remote items and the bases recorded at the last
 * sync with the peer arrive as three streams in the same order (kind, then key in byte
 * order); a merge lines up what belongs to one key, so any inventory size compares in
 * constant memory.
 */
public final class CompareEngine {

	/** The order of every inventory stream. */
	public static final Comparator<ItemSnapshot> ORDER = Comparator
		.comparing((ItemSnapshot item) -> item.kind().ordinal())
		.thenComparing(ItemSnapshot::key);

	private static final int LOCAL = 0;

	private static final int REMOTE = 1;

	private static final int BASE = 2;

	private CompareEngine() {
	}

	public static Flux<ClassifiedItem> compare(Flux<ItemSnapshot> local, Flux<ItemSnapshot> remote,
			Flux<ItemSnapshot> bases) {
		return compareWithStaleBases(local, remote, bases).filter((item) -> !item.deletedOnBoth());
	}

	/**
	 * The same, plus an identical entry with neither hash for each item deleted on both
	 * sides since the last sync, whose base ({@code base_hash}) is stale: left in place,
	 * it would make the item, once re-created on one side, look changed since the sync (a
	 * conflict) instead of new.
	 */
	public static Flux<ClassifiedItem> compareWithStaleBases(Flux<ItemSnapshot> local, Flux<ItemSnapshot> remote,
			Flux<ItemSnapshot> bases) {
		Comparator<Sided> order = Comparator.comparing(Sided::item, ORDER).thenComparingInt(Sided::side);
		return Flux
			.mergeComparing(order, tag(inOrder(local, "this server's inventory"), LOCAL),
					tag(inOrder(remote, "the remote inventory"), REMOTE), tag(inOrder(bases, "the sync bases"), BASE))
			.bufferUntilChanged((sided) -> List.of(sided.item().kind(), sided.item().key()))
			.map(CompareEngine::classify);
	}

	private static ClassifiedItem classify(List<Sided> group) {
		ItemSnapshot[] sides = new ItemSnapshot[3];
		for (Sided sided : group) {
			sides[sided.side()] = sided.item();
		}
		ItemSnapshot any = group.get(0).item();
		String base = (sides[BASE] != null) ? sides[BASE].contentHash() : null;
		ClassifiedItem item = classify(any.kind(), any.key(), sides[LOCAL], sides[REMOTE], base);
		return (item != null) ? item : new ClassifiedItem(any.kind(), ComparisonStatus.IDENTICAL,
				new ComparisonEntry(any.key(), null, null, base, null, null));
	}

	/**
	 * Where one item stands; null when neither side has it (both deleted it: nothing to
	 * do).
	 */
	public static ClassifiedItem classify(ItemKind kind, String key, ItemSnapshot local, ItemSnapshot remote,
			String base) {
		String localHash = (local != null) ? local.contentHash() : null;
		String remoteHash = (remote != null) ? remote.contentHash() : null;
		if (local != null && remote != null) {
			if (localHash.equals(remoteHash)) {
				return entry(kind, key, ComparisonStatus.IDENTICAL, local, remote, base, null);
			}
			if (base == null) {
				return entry(kind, key, ComparisonStatus.DIFFERENT, local, remote, null, "unknown");
			}
			if (localHash.equals(base)) {
				return entry(kind, key, ComparisonStatus.DIFFERENT, local, remote, base, "remote");
			}
			if (remoteHash.equals(base)) {
				return entry(kind, key, ComparisonStatus.DIFFERENT, local, remote, base, "local");
			}
			return entry(kind, key, ComparisonStatus.CONFLICT, local, remote, base, "both");
		}
		if (local != null) {
			if (base == null) {
				return entry(kind, key, ComparisonStatus.MISSING_ON_REMOTE, local, null, null, null);
			}
			return localHash.equals(base)
					? entry(kind, key, ComparisonStatus.DELETED_ON_REMOTE, local, null, base, null)
					: entry(kind, key, ComparisonStatus.CONFLICT, local, null, base, "both");
		}
		if (remote != null) {
			if (base == null) {
				return entry(kind, key, ComparisonStatus.MISSING_ON_LOCAL, null, remote, null, null);
			}
			return remoteHash.equals(base)
					? entry(kind, key, ComparisonStatus.DELETED_ON_LOCAL, null, remote, base, null)
					: entry(kind, key, ComparisonStatus.CONFLICT, null, remote, base, "both");
		}
		return null;
	}

	/**
	 * The item with its field changes computed from the two contents (null where a side
	 * lacks it).
	 */
	public static ClassifiedItem withChanges(ClassifiedItem item, tools.jackson.databind.JsonNode local,
			tools.jackson.databind.JsonNode remote) {
		ComparisonEntry entry = item.entry();
		return new ClassifiedItem(item.kind(), item.status(), new ComparisonEntry(entry.key(), entry.localHash(),
				entry.remoteHash(), entry.baseHash(), entry.changedOn(), FieldDiff.between(local, remote)));
	}

	private static ClassifiedItem entry(ItemKind kind, String key, ComparisonStatus status, ItemSnapshot local,
			ItemSnapshot remote, String base, String changedOn) {
		boolean showChanges = status == ComparisonStatus.DIFFERENT || status == ComparisonStatus.CONFLICT;
		List<FieldChange> changes = showChanges ? FieldDiff.between((local != null) ? local.content() : null,
				(remote != null) ? remote.content() : null) : null;
		return new ClassifiedItem(kind, status, new ComparisonEntry(key, (local != null) ? local.contentHash() : null,
				(remote != null) ? remote.contentHash() : null, base, changedOn, changes));
	}

	private static Flux<Sided> tag(Flux<ItemSnapshot> items, int side) {
		return items.map((item) -> new Sided(side, item));
	}

	/** Passes the stream through, failing on the first item out of order or repeated. */
	static Flux<ItemSnapshot> inOrder(Flux<ItemSnapshot> items, String what) {
		return Flux.defer(() -> {
			ItemSnapshot[] previous = new ItemSnapshot[1];
			return items.handle((item, sink) -> {
				ItemSnapshot before = previous[0];
				if (before != null && ORDER.compare(before, item) >= 0) {
					sink.error(ProblemException.invalid("remote_inventory",
							what + " is not in key order without repeats: " + item.kind().type() + " '" + item.key()
									+ "' comes after " + before.kind().type() + " '" + before.key() + "'"));
					return;
				}
				previous[0] = Objects.requireNonNull(item);
				sink.next(item);
			});
		});
	}

	private record Sided(int side, ItemSnapshot item) {
	}

}
