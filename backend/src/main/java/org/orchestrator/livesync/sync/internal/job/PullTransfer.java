package org.orchestrator.livesync.sync.internal.job;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;
import org.orchestrator.livesync.sync.internal.compare.RemoteCompare;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient;
import org.orchestrator.livesync.sync.internal.remote.ResumablePull;
import org.orchestrator.livesync.sync.internal.session.SyncSession;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;
import org.orchestrator.livesync.sync.internal.transfer.Selection;
import org.orchestrator.livesync.sync.internal.transfer.StreamedPackageReceiver;

import org.springframework.stereotype.Component;

/**
 * Pass two of a pull: asks the remote for the items the job decided to take, as one
 * streamed encrypted package, applies it here in one transaction (each item only if this
 * server still has what it had when the job decided), then confirms it to the remote so
 * that both sides record the new bases.
 */
@Component
class PullTransfer {

	private final RemoteClient remote;

	private final StreamedPackageReceiver receiver;

	private final ResumablePull resumable;

	PullTransfer(RemoteClient remote, StreamedPackageReceiver receiver, ResumablePull resumable) {
		this.remote = remote;
		this.receiver = receiver;
		this.resumable = resumable;
	}

	/**
	 * Pulls what {@code decided} takes; {@code reconnect} opens a fresh session with the
	 * remote when a dropped connection is resumed.
	 */
	Mono<JobRunner.Sent> pull(SyncJob job, SyncSession session, RemoteCompare.Remote remote, Flux<Decided> decided,
			Supplier<Mono<RemoteClient.RemoteSession>> reconnect) {
		Map<ItemKey, String> expected = new HashMap<>();
		Map<ItemKey, JobSelection.Decision> taken = new HashMap<>();
		Map<ItemKind, List<String>> keys = new EnumMap<>(ItemKind.class);
		return decided.doOnNext((each) -> {
			ClassifiedItem item = each.item();
			ItemKey key = ItemKey.of(item.kind(), item.entry().key());
			String skipped = switch (each.decision()) {
				case UPSERT, DELETE, AGREE -> {
					expected.put(key, session.reviewed().expectHere(item));
					taken.put(key, each.decision());
					keys.computeIfAbsent(item.kind(), (k) -> new ArrayList<>()).add(key.key());
					yield null;
				}
				case SKIP_CONFLICT -> "skipped_conflict";
				case SKIP_LOCAL_ONLY -> "skipped_local_only";
				case SKIP_CHANGED_HERE -> "skipped_changed_here";
				default -> null;
			};
			if (skipped != null) {
				job.item(new JobEvent.Item(key.kind(), key.key(), skipped), false);
			}
		}).then(Mono.defer(() -> {
			job.phase(JobPhase.PACKAGING);
			if (expected.isEmpty()) {
				return Mono.just(new JobRunner.Sent(null, nothing(remote, job.dryRun()), List.of()));
			}
			return apply(job, session, remote, selection(keys), expected, reconnect).flatMap((pulled) -> {
				ReceiveResult result = pulled.result();
				report(job, taken, result.changedSinceCompare());
				List<ItemKey> moved = taken.keySet()
					.stream()
					.filter((key) -> !result.changedSinceCompare().contains(key))
					.toList();
				if (job.dryRun()) {
					return Mono.just(new JobRunner.Sent(result.packageId(), result, moved));
				}
				return this.remote
					.confirm(remote.url(), pulled.session(), result.packageId(), result.changedSinceCompare())
					.doOnNext((confirmed) -> session.reviewed().moved(moved))
					.thenReturn(new JobRunner.Sent(result.packageId(), result, moved));
			});
		}));
	}

	/**
	 * The package pulled and applied here. A real run is resumable: a dropped connection
	 * goes on from what this server kept. A dry run keeps nothing, so it is pulled once.
	 */
	private Mono<ResumablePull.Pulled> apply(SyncJob job, SyncSession session, RemoteCompare.Remote remote,
			Selection selection, Map<ItemKey, String> expected, Supplier<Mono<RemoteClient.RemoteSession>> reconnect) {
		AtomicBoolean first = new AtomicBoolean(true);
		UnaryOperator<Flux<byte[]>> watch = (body) -> body.doOnNext((chunk) -> {
			if (first.getAndSet(false)) {
				job.phase(JobPhase.TRANSFERRING);
			}
			job.bytes(chunk.length);
		}).doOnComplete(() -> job.phase(JobPhase.APPLYING));
		if (!job.dryRun()) {
			return this.resumable.pull(
					new ResumablePull.Remote(remote.url(), remote.serverId(), remote.session(), session.password()),
					reconnect, selection, expected, watch);
		}
		return this.remote.pull(remote.url(), remote.session(), selection, false)
			.flatMap((pulled) -> this.receiver.receivePulled(pulled.encodedHeader(), watch.apply(pulled.ciphertext()),
					session.password(), expected, true))
			.map((result) -> new ResumablePull.Pulled(result, remote.session()));
	}

	/**
	 * An item event for each item taken, and for each the remote's change left alone
	 * here.
	 */
	private static void report(SyncJob job, Map<ItemKey, JobSelection.Decision> taken, List<ItemKey> leftAlone) {
		Set<ItemKey> alone = Set.copyOf(leftAlone);
		taken.forEach((key, decision) -> {
			if (alone.contains(key)) {
				job.item(new JobEvent.Item(key.kind(), key.key(), JobRunner.CHANGED_SINCE_COMPARE), false);
				return;
			}
			String status = switch (decision) {
				case DELETE -> "delete_received";
				case AGREE -> "in_sync";
				default -> "received";
			};
			job.item(new JobEvent.Item(key.kind(), key.key(), status), true);
		});
	}

	private static Selection selection(Map<ItemKind, List<String>> keys) {
		return new Selection(keys.get(ItemKind.NODE), keys.get(ItemKind.CLUSTER), keys.get(ItemKind.SSH_KEY),
				keys.get(ItemKind.CONFIGURATION));
	}

	private static ReceiveResult nothing(RemoteCompare.Remote remote, boolean dryRun) {
		return new ReceiveResult(true, null, remote.serverId(), KindCounts.ZERO, KindCounts.ZERO, KindCounts.ZERO,
				List.of(), List.of(), false, dryRun);
	}

}
