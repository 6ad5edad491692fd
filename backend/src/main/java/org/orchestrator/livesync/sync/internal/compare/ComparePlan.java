package org.orchestrator.livesync.sync.internal.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.sync.internal.replication.Checkpoints.Checkpoint;

/**
 * What a compare with a remote has to look at. Incremental (a current checkpoint): only
 * the candidates, everything else agrees on both sides and with its base. Full: every
 * item, for {@code reason}. The watermarks are those read before anything else, for the
 * checkpoint a complete compare may record; null when one side was not settled.
 */
public record ComparePlan(@Nullable Checkpoint previous, @Nullable String reason, Map<ItemKind, Set<String>> candidates,
		@Nullable Long localWatermark, @Nullable Long remoteWatermark) {

	static ComparePlan full(String reason, @Nullable Long localWatermark, @Nullable Long remoteWatermark) {
		return new ComparePlan(null, reason, Map.of(), localWatermark, remoteWatermark);
	}

	public boolean incremental() {
		return this.previous != null;
	}

	public CompareMethod method() {
		return incremental() ? CompareMethod.incremental(candidateCount()) : CompareMethod.full(this.reason);
	}

	long candidateCount() {
		return this.candidates.values().stream().mapToLong(Set::size).sum();
	}

	/**
	 * The part of {@code requested} to compare: every key it names, and of the kinds it
	 * takes whole only the candidates.
	 */
	public Scope narrow(Scope requested) {
		if (!incremental()) {
			return requested;
		}
		Map<ItemKind, List<String>> keys = new EnumMap<>(ItemKind.class);
		requested.kinds()
			.forEach((kind, named) -> keys.put(kind,
					(named != null) ? named : List.copyOf(this.candidates.getOrDefault(kind, Set.of()))));
		return Scope.of(Set.of(), keys);
	}

}
