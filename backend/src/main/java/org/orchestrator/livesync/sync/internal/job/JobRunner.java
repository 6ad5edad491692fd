package org.orchestrator.livesync.sync.internal.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.InventoryDigests;
import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.sync.internal.SyncBases;
import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;
import org.orchestrator.livesync.sync.internal.compare.CompareEngine;
import org.orchestrator.livesync.sync.internal.compare.RemoteItems;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient.RemoteSession;
import org.orchestrator.livesync.sync.internal.session.SyncSession;
import org.orchestrator.livesync.sync.internal.transfer.PackageLine;
import org.orchestrator.livesync.sync.internal.transfer.PackageStreamer;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;
import org.orchestrator.livesync.sync.internal.transfer.SyncPackage;
import org.orchestrator.livesync.sync.internal.transfer.TransferService;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.Problems;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Runs a push job, streaming end to end: connect; compare this server's hashes with the
 * remote's (three-way) to count what the selection moves; compare again and stream
 * exactly those items, compressed and encrypted, into the remote's
 * {@code /receive/stream}; once the remote has applied them, record the bases and compare
 * a third time to verify every moved item now matches.
 */
@Component
class JobRunner {

	/** Items read, and offered, per database round trip. */
	private static final int ITEMS_PER_READ = 1000;

	/**
	 * Round trips in flight at once: the stream does not wait for one batch's answer
	 * before asking for the next (order is kept).
	 */
	private static final int READS_IN_FLIGHT = 3;

	private static final int MAX_MISMATCHES = 20;

	private final RemoteClient remote;

	private final InventoryReader inventory;

	private final SyncBases bases;

	private final PackageStreamer streamer;

	private final TransferService transfer;

	private final ServerIdentity identity;

	private final InventoryDigests digests;

	JobRunner(RemoteClient remote, InventoryReader inventory, SyncBases bases, PackageStreamer streamer,
			TransferService transfer, ServerIdentity identity, InventoryDigests digests) {
		this.remote = remote;
		this.inventory = inventory;
		this.bases = bases;
		this.streamer = streamer;
		this.transfer = transfer;
		this.identity = identity;
		this.digests = digests;
	}

	Mono<Void> run(SyncJob job, SyncSession session, JobSelection selection) {
		long started = System.nanoTime();
		return Mono.defer(() -> {
			job.phase(JobPhase.CONNECTING);
			return connect(session);
		})
			.flatMap((token) -> count(job, session, token, selection)
				.flatMap((memo) -> send(job, session, token, selection, memo)
					.flatMap((sent) -> finish(job, session, selection, sent, memo, started))))
			.doOnNext(job::completed)
			.onErrorResume((ex) -> {
				job.failed(new JobEvent.Failed(Problems.from(ex).toProblem(null), millisSince(started)));
				return Mono.empty();
			})
			.then();
	}

	/**
	 * Pass one: how many items the selection moves, and whether every named key exists
	 * somewhere.
	 */
	private Mono<Memo> count(SyncJob job, SyncSession session, RemoteSession token, JobSelection selection) {
		job.phase(JobPhase.FETCHING);
		Map<ItemKind, Set<String>> unseen = new HashMap<>();
		selection.namedKeys().forEach((kind, keys) -> unseen.put(kind, new HashSet<>(keys)));
		AtomicLong total = new AtomicLong();
		Memo memo = new Memo();
		return compared(job, session, token, selection.scope()).doOnNext((item) -> {
			Set<String> named = unseen.get(item.kind());
			if (named != null) {
				named.remove(item.entry().key());
			}
			JobSelection.Decision decision = selection.decide(item);
			if (moves(decision)) {
				total.incrementAndGet();
			}
			if (decision != JobSelection.Decision.NONE) {
				memo.add(new Decided(item, decision));
			}
		}).then(Mono.fromCallable(() -> {
			List<String> missing = new ArrayList<>();
			unseen.forEach((kind, keys) -> keys.forEach((key) -> missing.add(kind.type() + " '" + key + "'")));
			if (!missing.isEmpty()) {
				missing.sort(null);
				throw ProblemException.notFound(
						String.join(", ", missing.subList(0, Math.min(5, missing.size()))) + " (on neither server)");
			}
			job.total(total.get());
			return memo;
		}));
	}

	/** Pass two: the selected items, streamed as a package into the remote. */
	private Mono<Sent> send(SyncJob job, SyncSession session, RemoteSession token, JobSelection selection, Memo memo) {
		job.phase(JobPhase.PACKAGING);
		SyncPackage header = this.streamer.header(true, session.password());
		String peer = session.remote().serverId();
		Flux<Decided> decided = memo.complete() ? Flux.fromIterable(memo.decided())
				: compared(job, session, token, selection.scope())
					.map((item) -> new Decided(item, selection.decide(item)));
		Flux<PackageLine> lines = decided.handle((each, sink) -> {
			ClassifiedItem item = each.item();
			switch (each.decision()) {
				case UPSERT, DELETE, AGREE -> sink.next(each);
				case SKIP_CONFLICT ->
					job.item(new JobEvent.Item(item.kind().type(), item.entry().key(), "skipped_conflict"), false);
				case SKIP_REMOTE_ONLY ->
					job.item(new JobEvent.Item(item.kind().type(), item.entry().key(), "skipped_remote_only"), false);
				case NONE -> {
				}
			}
		})
			.cast(Decided.class)
			.buffer(ITEMS_PER_READ)
			.flatMapSequential(this::lines, READS_IN_FLIGHT)
			.doOnNext((line) -> job.item(new JobEvent.Item(line.type(), line.key(), status(line)), true));
		if (!job.dryRun()) {
			lines = lines.buffer(ITEMS_PER_READ)
				.flatMapSequential((batch) -> this.transfer.addToOffer(header.packageId(), synced(batch))
					.thenMany(Flux.fromIterable(batch)), READS_IN_FLIGHT);
		}
		AtomicBoolean first = new AtomicBoolean(true);
		Flux<byte[]> ciphertext = this.streamer.stream(header, lines, session.password()).doOnNext((chunk) -> {
			if (first.getAndSet(false)) {
				job.phase(JobPhase.TRANSFERRING);
			}
			job.bytes(chunk.length);
		}).doOnComplete(() -> job.phase(JobPhase.APPLYING));
		Mono<Void> offer = job.dryRun() ? Mono.empty() : this.transfer.openOffer(header.packageId(), peer);
		return offer.then(this.remote.send(session.remote().url(), token, header, ciphertext, job.dryRun()))
			.map((result) -> new Sent(header.packageId(), result));
	}

	/**
	 * After a real run: bases, then pass three, the check that every moved item now
	 * matches.
	 */
	private Mono<JobEvent.Completed> finish(SyncJob job, SyncSession session, JobSelection selection, Sent sent,
			Memo memo, long started) {
		ReceiveResult result = sent.result();
		long skipped = job.skipped();
		if (job.dryRun()) {
			return Mono.just(new JobEvent.Completed(result.applied(), result.changed(), result.deleted(), skipped,
					result.errors(), millisSince(started), null, List.of(), true));
		}
		String peer = session.remote().serverId();
		Scope moved = memo.complete() ? memo.scope() : selection.scope();
		return this.transfer.confirm(sent.packageId(), peer).then(Mono.defer(() -> {
			job.phase(JobPhase.VERIFYING);
			return connect(session);
		}))
			.flatMapMany((token) -> unverified(session, token, moved)
				.flatMapMany((scope) -> scope.isEmpty() ? Flux.empty() : compared(job, session, token, scope)))
			.filter((item) -> {
				JobSelection.Decision decision = selection.decide(item);
				return decision == JobSelection.Decision.UPSERT || decision == JobSelection.Decision.DELETE;
			})
			.map((item) -> item.kind().type() + " '" + item.entry().key() + "' is " + item.status().jsonName())
			.collectList()
			.map((mismatches) -> new JobEvent.Completed(result.applied(), result.changed(), result.deleted(), skipped,
					result.errors(), millisSince(started), mismatches.isEmpty(),
					mismatches.subList(0, Math.min(MAX_MISMATCHES, mismatches.size())), false));
	}

	/**
	 * What is left to verify item by item: a kind moved whole is verified at once when
	 * this server's digest of it equals the remote's (same items, same hashes), which
	 * spares reading every hash on both sides again after a full sync.
	 */
	private Mono<Scope> unverified(SyncSession session, RemoteSession token, Scope moved) {
		Set<ItemKind> whole = new HashSet<>();
		moved.kinds().forEach((kind, keys) -> {
			if (keys == null) {
				whole.add(kind);
			}
		});
		if (whole.isEmpty()) {
			return Mono.just(moved);
		}
		return Mono.zip(this.remote.digest(session.remote().url(), token), this.digests.digests()).map((both) -> {
			JsonNode remote = both.getT1();
			if (!session.remote().serverId().equals(remote.path("server_id").asString(""))) {
				return moved;
			}
			Set<ItemKind> agreeing = new HashSet<>();
			for (ItemKind kind : whole) {
				if (both.getT2().get(kind).sameAs(remote.path("digests").path(kind.section()))) {
					agreeing.add(kind);
				}
			}
			return moved.without(agreeing);
		});
	}

	/** This server's hashes against the remote's, three-way, streamed. */
	private Flux<ClassifiedItem> compared(SyncJob job, SyncSession session, RemoteSession token, Scope scope) {
		String peer = session.remote().serverId();
		AtomicBoolean first = new AtomicBoolean(true);
		Flux<ItemSnapshot> remoteHashes = this.remote.hashes(session.remote().url(), token, scope).doOnNext((line) -> {
			if (first.getAndSet(false)) {
				job.phase(JobPhase.COMPARING);
			}
		}).handle((line, sink) -> {
			if ("metadata".equals(line.path("type").asString(""))
					&& !peer.equals(line.path("server_id").asString(""))) {
				sink.error(new ProblemException(HttpStatus.CONFLICT, "remote-changed", "Remote changed",
						session.remote().url() + " is no longer the server this session compared with"));
				return;
			}
			ItemSnapshot item = RemoteItems.hash(line);
			if (item != null) {
				sink.next(item);
			}
		});
		return CompareEngine.compare(this.inventory.hashes(scope), remoteHashes, this.bases.stream(peer, scope));
	}

	/**
	 * Package lines for a batch of decided items, their content read fresh from the
	 * database.
	 */
	private Flux<PackageLine> lines(List<Decided> batch) {
		Map<ItemKind, List<String>> upserts = new java.util.EnumMap<>(ItemKind.class);
		List<PackageLine> deletes = new ArrayList<>();
		for (Decided decided : batch) {
			ClassifiedItem item = decided.item();
			if (decided.decision() == JobSelection.Decision.UPSERT) {
				upserts.computeIfAbsent(item.kind(), (k) -> new ArrayList<>()).add(item.entry().key());
			}
			else if (decided.decision() == JobSelection.Decision.AGREE) {
				deletes.add(new PackageLine(item.kind().type(), PackageLine.BASE, item.entry().key(),
						item.entry().localHash(), null));
			}
			else {
				String lastKnown = (item.entry().baseHash() != null) ? item.entry().baseHash()
						: item.entry().remoteHash();
				deletes
					.add(new PackageLine(item.kind().type(), PackageLine.DELETE, item.entry().key(), lastKnown, null));
			}
		}
		Flux<PackageLine> written = Flux.fromIterable(upserts.entrySet())
			.concatMap((entry) -> this.inventory.packageView(entry.getKey(), entry.getValue()))
			.map((snapshot) -> new PackageLine(snapshot.kind().type(), PackageLine.UPSERT, snapshot.key(),
					snapshot.contentHash(), snapshot.content()));
		return written.concatWith(Flux.fromIterable(deletes));
	}

	/** Whether a decision puts a line in the package. */
	private static boolean moves(JobSelection.Decision decision) {
		return decision == JobSelection.Decision.UPSERT || decision == JobSelection.Decision.DELETE
				|| decision == JobSelection.Decision.AGREE;
	}

	private static String status(PackageLine line) {
		return switch (line.action()) {
			case PackageLine.DELETE -> "delete_sent";
			case PackageLine.BASE -> "in_sync";
			default -> "sent";
		};
	}

	private static List<SyncBases.Synced> synced(List<PackageLine> lines) {
		return lines.stream()
			.map((line) -> new SyncBases.Synced(ItemKind.ofType(line.type()), line.key(),
					line.isDelete() ? null : line.contentHash()))
			.toList();
	}

	private Mono<RemoteSession> connect(SyncSession session) {
		return this.remote.connect(session.remote().url(), this.identity.serverId().toString(), session.password());
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	private record Decided(ClassifiedItem item, JobSelection.Decision decision) {
	}

	/**
	 * What the counting pass decided, kept when it is small (an incremental or selective
	 * sync), so that sending need not compare again and verifying can look at just those
	 * items.
	 */
	private static final class Memo {

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

		/** The items decided on, as a compare scope. */
		Scope scope() {
			Map<ItemKind, List<String>> keys = new java.util.EnumMap<>(ItemKind.class);
			this.decided.forEach((each) -> keys.computeIfAbsent(each.item().kind(), (k) -> new ArrayList<>())
				.add(each.item().entry().key()));
			return Scope.of(java.util.Set.of(), keys);
		}

	}

	private record Sent(String packageId, ReceiveResult result) {
	}

}
