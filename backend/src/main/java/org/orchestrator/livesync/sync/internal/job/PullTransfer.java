package org.orchestrator.livesync.sync.internal.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.sync.internal.history.Provenance;
import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;
import org.orchestrator.livesync.sync.internal.compare.RemoteCompare;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient;
import org.orchestrator.livesync.sync.internal.remote.ResumablePull;
import org.orchestrator.livesync.sync.internal.session.SyncSession;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.sync.internal.transfer.PulledExpectations;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;
import org.orchestrator.livesync.sync.internal.transfer.StreamedPackageReceiver;

import org.springframework.stereotype.Component;

/**
 * Pass two of a pull: asks the remote for the items the job decided to take, as one
 * streamed encrypted package (resumable: a dropped connection goes on from what arrived),
 * applies it here in one transaction (each item only if this server still has what it had
 * when it decided), then confirms it to the remote so that both sides record the new
 * bases. The items taken wait in {@link PullItems}, so a pull of any size costs flat
 * memory.
 */
@Component
class PullTransfer {

	private final RemoteClient remote;

	private final StreamedPackageReceiver receiver;

	private final ResumablePull resumable;

	private final PullItems items;

	PullTransfer(RemoteClient remote, StreamedPackageReceiver receiver, ResumablePull resumable, PullItems items) {
		this.remote = remote;
		this.receiver = receiver;
		this.resumable = resumable;
		this.items = items;
	}

	/**
	 * Pulls what {@code decided} takes; {@code reconnect} opens a fresh session with the
	 * remote when a dropped connection is resumed.
	 */
	Mono<JobRunner.Sent> pull(SyncJob job, SyncSession session, RemoteCompare.Remote remote, Flux<Decided> decided,
			Supplier<Mono<RemoteClient.RemoteSession>> reconnect) {
		return Mono.usingWhen(Mono.fromSupplier(UUID::randomUUID),
				(pull) -> pull(job, session, remote, decided, reconnect, pull), this.items::forget,
				(pull, failure) -> this.items.forget(pull), this.items::forget);
	}

	private Mono<JobRunner.Sent> pull(SyncJob job, SyncSession session, RemoteCompare.Remote remote,
			Flux<Decided> decided, Supplier<Mono<RemoteClient.RemoteSession>> reconnect, UUID pull) {
		AtomicLong taken = new AtomicLong();
		return decided.<PullItems.Taken>handle((each, sink) -> {
			ClassifiedItem item = each.item();
			ItemKey key = ItemKey.of(item.kind(), item.entry().key());
			String skipped = switch (each.decision()) {
				case UPSERT, DELETE, AGREE, MERGE -> {
					sink.next(new PullItems.Taken(key, session.reviewed().expectHere(item), each.decision()));
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
		})
			.buffer(PullItems.BATCH)
			.concatMap((batch) -> this.items.add(pull, batch).doOnSuccess((done) -> taken.addAndGet(batch.size())))
			.then(Mono.defer(() -> {
				job.phase(JobPhase.PACKAGING);
				if (taken.get() == 0) {
					return Mono.just(new JobRunner.Sent(null, nothing(remote, job.dryRun()), List.of()));
				}
				return apply(job, session, remote, pull, reconnect)
					.flatMap((pulled) -> settle(job, session, remote, pull, pulled));
			}));
	}

	/**
	 * The package pulled and applied here. A real run is resumable: a dropped connection
	 * goes on from what this server kept. A dry run keeps nothing, so it is pulled once.
	 */
	private Mono<ResumablePull.Pulled> apply(SyncJob job, SyncSession session, RemoteCompare.Remote remote, UUID pull,
			Supplier<Mono<RemoteClient.RemoteSession>> reconnect) {
		AtomicBoolean first = new AtomicBoolean(true);
		UnaryOperator<Flux<byte[]>> watch = (body) -> body.doOnNext((chunk) -> {
			if (first.getAndSet(false)) {
				job.phase(JobPhase.TRANSFERRING);
			}
			job.bytes(chunk.length);
		}).doOnComplete(() -> job.phase(JobPhase.APPLYING));
		Flux<ItemKey> keys = this.items.all(pull).map(PullItems.Taken::key);
		PulledExpectations expected = (asked) -> this.items.expected(pull, asked);
		Provenance provenance = Provenance.pulled(UUID.fromString(job.id()), job.startedBy());
		if (!job.dryRun()) {
			return this.resumable
				.pull(new ResumablePull.Remote(remote.url(), remote.serverId(), remote.session(), session.password()),
						reconnect, keys, expected, watch)
				.contextWrite(provenance.context());
		}
		return this.remote.pull(remote.url(), remote.session(), keys, false)
			.flatMap((pulled) -> this.receiver.receivePulled(pulled.encodedHeader(), watch.apply(pulled.ciphertext()),
					session.password(), expected, true))
			.map((result) -> new ResumablePull.Pulled(result, remote.session()))
			.contextWrite(provenance.context());
	}

	/**
	 * An item event for each item taken, and for each the remote's change left alone
	 * here; after a real run, the confirm to the remote.
	 */
	private Mono<JobRunner.Sent> settle(SyncJob job, SyncSession session, RemoteCompare.Remote remote, UUID pull,
			ResumablePull.Pulled pulled) {
		ReceiveResult result = pulled.result();
		Set<ItemKey> alone = Set.copyOf(result.changedSinceCompare());
		List<ItemKey> moved = new ArrayList<>();
		Mono<Void> reported = this.items.all(pull).doOnNext((taken) -> {
			ItemKey key = taken.key();
			if (alone.contains(key)) {
				job.item(new JobEvent.Item(key.kind(), key.key(), JobRunner.CHANGED_SINCE_COMPARE), false);
				return;
			}
			String status = switch (taken.decision()) {
				case DELETE -> "delete_received";
				case AGREE -> "in_sync";
				case MERGE -> "merged";
				default -> "received";
			};
			job.item(new JobEvent.Item(key.kind(), key.key(), status), true);
			if (session.reviewed().lists(key)) {
				moved.add(key);
			}
		}).then();
		JobRunner.Sent sent = new JobRunner.Sent(result.packageId(), result, moved);
		if (job.dryRun()) {
			return reported.thenReturn(sent);
		}
		return reported
			.then(this.remote.confirm(remote.url(), pulled.session(), result.packageId(), result.changedSinceCompare()))
			.doOnNext((confirmed) -> session.reviewed().moved(moved))
			.thenReturn(sent);
	}

	private static ReceiveResult nothing(RemoteCompare.Remote remote, boolean dryRun) {
		return new ReceiveResult(true, null, remote.serverId(), KindCounts.ZERO, KindCounts.ZERO, KindCounts.ZERO,
				List.of(), List.of(), false, dryRun);
	}

}
