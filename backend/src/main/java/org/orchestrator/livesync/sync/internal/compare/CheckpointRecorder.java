package org.orchestrator.livesync.sync.internal.compare;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;

/**
 * Gathers, while a compare (or a job) runs, what will not agree once it is done: the
 * residue of the next checkpoint. A compare that did not see every item it would need to
 * (a full compare of part of the inventory) records none.
 */
public final class CheckpointRecorder {

	private final ComparePlan plan;

	private final Scope viewed;

	private final Set<ItemKey> residue = new HashSet<>();

	private boolean spoiled;

	CheckpointRecorder(ComparePlan plan, Scope requested) {
		this.plan = plan;
		this.viewed = requested;
	}

	/**
	 * Whether the item agrees on both sides and with its base, so needs no look again.
	 */
	public static boolean settled(ClassifiedItem item) {
		return item.status() == ComparisonStatus.IDENTICAL && item.entry().localHash() != null
				&& item.entry().localHash().equals(item.entry().baseHash());
	}

	/**
	 * An item compared: {@code settles} when it will agree, with its base, afterwards.
	 */
	public void observe(ClassifiedItem item, boolean settles) {
		if (!settles) {
			this.residue.add(ItemKey.of(item.kind(), item.entry().key()));
		}
	}

	/** An item that, after all, will not agree (left alone by the target). */
	public void unsettle(ItemKey item) {
		this.residue.add(item);
	}

	/** Nothing of this compare may become a checkpoint (e.g. a verification failed). */
	public void spoil() {
		this.spoiled = true;
	}

	ComparePlan plan() {
		return this.plan;
	}

	/**
	 * The residue of the checkpoint to record, with the candidates the compare did not
	 * look at; null when no checkpoint can be recorded.
	 */
	Set<ItemKey> residue(int limit) {
		if (this.spoiled || this.plan.localWatermark() == null || this.plan.remoteWatermark() == null) {
			return null;
		}
		if (this.plan.incremental() && this.plan.candidateCount() == 0) {
			// Nothing changed since the checkpoint: it stays as good as a new one.
			return null;
		}
		Set<ItemKey> all = new HashSet<>(this.residue);
		if (this.plan.incremental()) {
			this.plan.candidates().forEach((kind, keys) -> {
				List<String> listed = this.viewed.kinds().get(kind);
				boolean whole = this.viewed.kinds().containsKey(kind) && listed == null;
				Set<String> named = (listed != null) ? new HashSet<>(listed) : Set.of();
				for (String key : keys) {
					if (!whole && !named.contains(key)) {
						all.add(ItemKey.of(kind, key));
					}
				}
			});
		}
		else if (!viewsEverything()) {
			return null;
		}
		if (this.plan.incremental() && candidatesAll(all)) {
			// Every candidate stays one, and nothing else is: the next compare finds the
			// same ones from the checkpoint held, which stays as good.
			return null;
		}
		return (all.size() <= limit) ? all : null;
	}

	/** Whether {@code items} are exactly the plan's candidates. */
	private boolean candidatesAll(Set<ItemKey> items) {
		if (items.size() != this.plan.candidateCount()) {
			return false;
		}
		for (ItemKey item : items) {
			Set<String> keys = this.plan.candidates().get(item.itemKind());
			if (keys == null || !keys.contains(item.key())) {
				return false;
			}
		}
		return true;
	}

	private boolean viewsEverything() {
		for (ItemKind kind : ItemKind.values()) {
			if (!this.viewed.kinds().containsKey(kind) || this.viewed.kinds().get(kind) != null) {
				return false;
			}
		}
		return true;
	}

}
