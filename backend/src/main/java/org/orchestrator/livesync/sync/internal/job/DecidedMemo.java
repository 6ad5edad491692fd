package org.orchestrator.livesync.sync.internal.job;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Scope;

/**
 * What the counting pass decided, kept when it is small (an incremental or selective
 * sync), so that sending need not compare again and verifying can look at just those
 * items.
 */
final class DecidedMemo {

	static final int LIMIT = 20_000;

	private List<Decided> decided = new ArrayList<>();

	void add(Decided item) {
		if (this.decided != null) {
			this.decided.add(item);
			if (this.decided.size() > LIMIT) {
				this.decided = null;
			}
		}
	}

	boolean complete() {
		return this.decided != null;
	}

	List<Decided> decided() {
		return this.decided;
	}

	/**
	 * The items that move, as a compare scope: exactly what the job sent, so verifying
	 * can hold each of them to match whatever a new compare would decide for it.
	 */
	Scope scope() {
		Map<ItemKind, List<String>> keys = new EnumMap<>(ItemKind.class);
		this.decided.stream()
			.filter(Decided::moves)
			.forEach((each) -> keys.computeIfAbsent(each.item().kind(), (k) -> new ArrayList<>())
				.add(each.item().entry().key()));
		return Scope.of(Set.of(), keys);
	}

}
