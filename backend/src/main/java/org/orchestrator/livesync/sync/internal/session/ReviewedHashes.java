package org.orchestrator.livesync.sync.internal.session;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;
import org.orchestrator.livesync.sync.internal.compare.Comparison;
import org.orchestrator.livesync.sync.internal.compare.ComparisonEntry;
import org.orchestrator.livesync.sync.internal.compare.ComparisonStatus;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.sync.internal.transfer.PackageLine;

/**
 * What the remote had, item by item, in the comparison the operator reviewed. A job
 * expects the remote to still have that: an item edited there after the review is left
 * alone and reported, not overwritten on the strength of a newer compare. Items the
 * comparison did not list (long lists are cut, identical kinds are not listed) fall back
 * to what the job's own compare found (a conflict, to its base), and so do items a job of
 * the session has moved since: the remote then has what the job sent.
 */
public final class ReviewedHashes {

	private final Map<ItemKind, Map<String, String>> expected = new EnumMap<>(ItemKind.class);

	/** The same of this server, which a pull expects to still have. */
	private final Map<ItemKind, Map<String, String>> expectedHere = new EnumMap<>(ItemKind.class);

	ReviewedHashes(Comparison reviewed) {
		for (ItemKind kind : ItemKind.values()) {
			this.expected.put(kind, new ConcurrentHashMap<>());
			this.expectedHere.put(kind, new ConcurrentHashMap<>());
		}
		if (reviewed != null) {
			add(ItemKind.NODE, reviewed.nodes());
			add(ItemKind.CLUSTER, reviewed.clusters());
			add(ItemKind.SSH_KEY, reviewed.sshKeys());
			add(ItemKind.CONFIGURATION, reviewed.configurations());
		}
	}

	/** The {@code expect} of a line that moves this item. */
	public String expect(ClassifiedItem item) {
		String reviewed = this.expected.get(item.kind()).get(item.entry().key());
		if (reviewed != null) {
			return reviewed;
		}
		return PackageLine.expecting(unlistedConflict(item) ? item.entry().baseHash() : item.entry().remoteHash());
	}

	/** The {@code expect} of this server's copy, for a pull that moves this item. */
	public String expectHere(ClassifiedItem item) {
		String reviewed = this.expectedHere.get(item.kind()).get(item.entry().key());
		if (reviewed != null) {
			return reviewed;
		}
		return PackageLine.expecting(unlistedConflict(item) ? item.entry().baseHash() : item.entry().localHash());
	}

	/**
	 * A conflict (or merge) the reviewed comparison did not list. Unlisted, it was most
	 * likely alike on both sides and its base then (not a candidate of an incremental
	 * compare): a side that differs from the base now changed after the review, and a
	 * conflict policy must not overwrite that. So a job expects the base; if the conflict
	 * was listed but cut from a long list, it is reported as changed since the compare,
	 * never lost.
	 */
	private static boolean unlistedConflict(ClassifiedItem item) {
		return item.changedOnBoth() && item.entry().baseHash() != null;
	}

	private void add(ItemKind kind, Comparison.KindComparison lists) {
		if (lists == null) {
			return;
		}
		Map<String, String> byKey = this.expected.get(kind);
		Map<String, String> here = this.expectedHere.get(kind);
		for (List<ComparisonEntry> list : lists.all()) {
			if (list != null) {
				list.forEach((entry) -> {
					byKey.put(entry.key(), PackageLine.expecting(entry.remoteHash()));
					here.put(entry.key(), PackageLine.expecting(entry.localHash()));
				});
			}
		}
	}

	/** Whether the review listed this item (and no job has moved it since). */
	public boolean lists(ItemKey item) {
		return this.expected.get(item.itemKind()).containsKey(item.key());
	}

	/** Items a job moved: what the review said of them is no longer so. */
	public void moved(List<ItemKey> items) {
		items.forEach((item) -> {
			this.expected.get(item.itemKind()).remove(item.key());
			this.expectedHere.get(item.itemKind()).remove(item.key());
		});
	}

}
