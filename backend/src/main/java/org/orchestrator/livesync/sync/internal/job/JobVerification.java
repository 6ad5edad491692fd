package org.orchestrator.livesync.sync.internal.job;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.sync.internal.compare.RemoteCompare;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;

import org.springframework.stereotype.Component;

/**
 * Pass three of a job: after the remote applied the package, every moved item must now
 * match. A kind moved whole is verified at once when both servers' digests of it agree
 * (same items, same hashes), which spares reading every hash on both sides again after a
 * full sync; the rest is compared again, item by item.
 */
@Component
class JobVerification {

	static final int MAX_MISMATCHES = 20;

	private final RemoteCompare compare;

	JobVerification(RemoteCompare compare) {
		this.compare = compare;
	}

	/**
	 * The moved items that do not match now, described, at most {@value #MAX_MISMATCHES}.
	 * {@code exact}: {@code moved} holds only what the job sent, so one that now looks
	 * changed on the remote is a mismatch too (the remote did not keep what it was sent);
	 * otherwise it is the whole selection, where such items were left alone.
	 */
	Mono<List<String>> mismatches(RemoteCompare.Remote remote, Scope moved, boolean exact, JobSelection selection,
			Set<ItemKey> leftAlone, Runnable onCompare) {
		return unverified(remote, moved)
			.flatMapMany((scope) -> scope.isEmpty() ? Flux.empty() : this.compare.classify(remote, scope, onCompare))
			.filter((item) -> {
				JobSelection.Decision decision = selection.decide(item);
				// What the target left alone is reported as such, not as a mismatch.
				boolean changedOnTarget = decision == JobSelection.Decision.SKIP_CHANGED_ON_REMOTE
						|| decision == JobSelection.Decision.SKIP_CHANGED_HERE;
				return (decision == JobSelection.Decision.UPSERT || decision == JobSelection.Decision.DELETE
						|| (exact && changedOnTarget))
						&& !leftAlone.contains(ItemKey.of(item.kind(), item.entry().key()));
			})
			.map((item) -> item.kind().type() + " '" + item.entry().key() + "' is " + item.status().jsonName())
			.collectList()
			.map((mismatches) -> mismatches.subList(0, Math.min(MAX_MISMATCHES, mismatches.size())));
	}

	/** What is left to verify item by item. */
	private Mono<Scope> unverified(RemoteCompare.Remote remote, Scope moved) {
		Set<ItemKind> whole = EnumSet.noneOf(ItemKind.class);
		moved.kinds().forEach((kind, keys) -> {
			if (keys == null) {
				whole.add(kind);
			}
		});
		if (whole.isEmpty()) {
			return Mono.just(moved);
		}
		return this.compare.agreeing(remote, whole).map(moved::without);
	}

}
