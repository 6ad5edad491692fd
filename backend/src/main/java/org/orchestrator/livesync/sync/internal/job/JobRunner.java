package org.orchestrator.livesync.sync.internal.job;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.sync.internal.history.Provenance;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.sync.internal.compare.CheckpointRecorder;
import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;
import org.orchestrator.livesync.sync.internal.compare.ComparePlan;
import org.orchestrator.livesync.sync.internal.compare.ComparePlanner;
import org.orchestrator.livesync.sync.internal.compare.ComparisonStatus;
import org.orchestrator.livesync.sync.internal.compare.RemoteCompare;
import org.orchestrator.livesync.sync.internal.constraint.ConstraintCheck;
import org.orchestrator.livesync.sync.internal.constraint.ConstraintConflicts;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient;
import org.orchestrator.livesync.sync.internal.remote.ResumablePush;
import org.orchestrator.livesync.sync.internal.session.SyncSession;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.sync.internal.transfer.PackageLine;
import org.orchestrator.livesync.sync.internal.transfer.PackageStreamer;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;
import org.orchestrator.livesync.sync.internal.transfer.SyncPackage;
import org.orchestrator.livesync.sync.internal.transfer.TransferService;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.Problems;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.stereotype.Component;

/**
 * Runs a job, streaming end to end: connect; compare this server's hashes with the
 * remote's (three-way) to count what the selection moves; then move exactly those items.
 * A push streams them, compressed and encrypted, into the remote's
 * {@code /receive/stream} (resumed after a dropped connection) and, once the remote has
 * applied them, records the bases; a pull has the remote stream them here
 * ({@link PullTransfer}); a both-ways job pushes what goes to the remote, then pulls what
 * comes here, each package applied all-or-nothing on its side. Last, verify that every
 * moved item now matches.
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

	/** The item status of what the remote left alone: changed there since the compare. */
	static final String CHANGED_SINCE_COMPARE = "changed_since_compare";

	private final RemoteClient remote;

	private final RemoteCompare compare;

	private final PackageLines packageLines;

	private final JobVerification verification;

	private final PackageStreamer streamer;

	private final TransferService transfer;

	private final ServerIdentity identity;

	private final PullTransfer pull;

	private final ComparePlanner planner;

	private final ResumablePush push;

	private final Clock clock;

	private final ConstraintCheck constraints;

	JobRunner(RemoteClient remote, RemoteCompare compare, PackageLines packageLines, JobVerification verification,
			PackageStreamer streamer, TransferService transfer, ServerIdentity identity, PullTransfer pull,
			ComparePlanner planner, ResumablePush push, Clock clock, ConstraintCheck constraints) {
		this.constraints = constraints;
		this.clock = clock;
		this.planner = planner;
		this.pull = pull;
		this.push = push;
		this.remote = remote;
		this.compare = compare;
		this.packageLines = packageLines;
		this.verification = verification;
		this.streamer = streamer;
		this.transfer = transfer;
		this.identity = identity;
	}

	Mono<Void> run(SyncJob job, SyncSession session, JobSelection selection) {
		long started = System.nanoTime();
		return Mono.defer(() -> {
			job.phase(JobPhase.CONNECTING);
			return planned(session);
		}).flatMap((planned) -> {
			RemoteCompare.Remote remote = planned.remote();
			ComparePlan plan = planned.plan();
			job.compareMethod(plan.method());
			CheckpointRecorder recorder = this.planner.recorder(plan, selection.scope());
			JobSelection narrowed = selection.within(plan.narrow(selection.scope()));
			return count(job, remote, narrowed, recorder)
				.flatMap((memo) -> checkConstraints(remote, narrowed, memo).thenReturn(memo))
				.flatMap((memo) -> move(job, session, remote, narrowed, memo)
					.flatMap((moved) -> finish(job, session, narrowed, moved, memo, started, recorder)));
		}).doOnNext(job::completed).onErrorResume((ex) -> {
			job.failed(new JobEvent.Failed(Problems.from(ex).toProblem(null), millisSince(started),
					(ex instanceof ConstraintConflicts refused) ? refused.conflicts() : null));
			return Mono.empty();
		}).then().contextWrite(Provenance.pushed(UUID.fromString(job.id()), job.startedBy()).context());
	}

	/**
	 * Before anything moves: the inventory rules the moves would break on either side
	 * refuse the job, with their fixes. A count too large to remember is not checked
	 * ahead; each side's own constraints still refuse a package that breaks them.
	 */
	private Mono<Void> checkConstraints(RemoteCompare.Remote remote, JobSelection selection, DecidedMemo memo) {
		if (!memo.complete()) {
			return Mono.empty();
		}
		List<ConstraintCheck.Moving> moving = new ArrayList<>();
		for (Decided each : memo.decided()) {
			ClassifiedItem item = each.item();
			String key = item.entry().key();
			switch (each.decision()) {
				case MERGE -> {
					moving.add(new ConstraintCheck.Moving(item.kind(), key, true, false, item.merged()));
					moving.add(new ConstraintCheck.Moving(item.kind(), key, false, false, item.merged()));
				}
				case UPSERT, DELETE -> {
					boolean toRemote = way(selection, item) == JobDirection.PUSH;
					boolean delete = each.decision() == JobSelection.Decision.DELETE;
					JsonNode merged = (item.status() == ComparisonStatus.MERGED) ? item.merged() : null;
					moving.add(new ConstraintCheck.Moving(item.kind(), key, toRemote, delete, merged));
				}
				default -> {
				}
			}
		}
		if (moving.isEmpty()) {
			return Mono.empty();
		}
		return this.constraints.check(remote, moving)
			.flatMap(
					(conflicts) -> conflicts.isEmpty() ? Mono.empty() : Mono.error(new ConstraintConflicts(conflicts)));
	}

	/** Pass two: the push package, the pull package, or the push's then the pull's. */
	private Mono<Moved> move(SyncJob job, SyncSession session, RemoteCompare.Remote remote, JobSelection selection,
			DecidedMemo memo) {
		return switch (selection.direction()) {
			case PUSH -> push(job, session, remote, selection, memo).map((pushed) -> new Moved(pushed, null));
			case PULL -> pull(job, remote, session, selection, memo).map((pulled) -> new Moved(null, pulled));
			// The push ended the peer session: the pull goes in a new one.
			case BOTH ->
				push(job, session, remote, selection.side(JobDirection.PUSH), memo).flatMap((pushed) -> connect(session)
					.flatMap((again) -> pull(job, again, session, selection.side(JobDirection.PULL), memo))
					.map((pulled) -> new Moved(pushed, pulled)));
		};
	}

	private Mono<Sent> push(SyncJob job, SyncSession session, RemoteCompare.Remote remote, JobSelection selection,
			DecidedMemo memo) {
		job.side(JobDirection.PUSH);
		return send(job, session, remote, selection, memo).flatMap((sent) -> settle(job, session, sent));
	}

	private Mono<Sent> pull(SyncJob job, RemoteCompare.Remote remote, SyncSession session, JobSelection selection,
			DecidedMemo memo) {
		job.side(JobDirection.PULL);
		return this.pull.pull(job, session, remote, decided(job, remote, selection, memo),
				() -> connect(session).map(RemoteCompare.Remote::session));
	}

	/**
	 * Pass one: how many items the selection moves, and whether every named key exists
	 * somewhere.
	 */
	private Mono<DecidedMemo> count(SyncJob job, RemoteCompare.Remote remote, JobSelection selection,
			CheckpointRecorder recorder) {
		job.phase(JobPhase.FETCHING);
		Map<ItemKind, Set<String>> unseen = new HashMap<>();
		selection.namedKeys().forEach((kind, keys) -> unseen.put(kind, new HashSet<>(keys)));
		AtomicLong pushes = new AtomicLong();
		AtomicLong pulls = new AtomicLong();
		DecidedMemo memo = new DecidedMemo();
		return compared(job, remote, selection).doOnNext((item) -> {
			Set<String> named = unseen.get(item.kind());
			if (named != null) {
				named.remove(item.entry().key());
			}
			JobSelection.Decision decision = selection.decide(item);
			if (decision == JobSelection.Decision.MERGE) {
				// Pushed, then pulled back.
				pushes.incrementAndGet();
				pulls.incrementAndGet();
			}
			else if (Decided.moves(decision) && decision != JobSelection.Decision.AGREE) {
				// An item alike on both sides is only recorded as synced: it does not
				// move.
				(way(selection, item) == JobDirection.PULL ? pulls : pushes).incrementAndGet();
			}
			else if (selection.direction() == JobDirection.BOTH && decision == JobSelection.Decision.SKIP_CONFLICT) {
				// Reported once, here: it goes neither way, so neither package sees it.
				job.item(new JobEvent.Item(item.kind().section(), item.entry().key(), "skipped_conflict"), false);
			}
			recorder.observe(item, CheckpointRecorder.settled(item) || (!job.dryRun() && Decided.moves(decision)));
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
			job.total(pushes.get(), pulls.get());
			return memo;
		}));
	}

	/** Pass two: the selected items, streamed as a package into the remote. */
	private Mono<Sent> send(SyncJob job, SyncSession session, RemoteCompare.Remote remote, JobSelection selection,
			DecidedMemo memo) {
		job.phase(JobPhase.PACKAGING);
		return this.streamer.stampedHeader(true, session.password())
			.flatMap((header) -> send(job, session, remote, selection, memo, header));
	}

	private Mono<Sent> send(SyncJob job, SyncSession session, RemoteCompare.Remote remote, JobSelection selection,
			DecidedMemo memo, SyncPackage header) {
		List<ItemKey> moved = java.util.Collections.synchronizedList(new ArrayList<>());
		Flux<PackageLine> lines = decided(job, remote, selection, memo).handle((each, sink) -> {
			ClassifiedItem item = each.item();
			switch (each.decision()) {
				case UPSERT, DELETE, AGREE, MERGE -> sink.next(each);
				case SKIP_CONFLICT ->
					job.item(new JobEvent.Item(item.kind().section(), item.entry().key(), "skipped_conflict"), false);
				case SKIP_REMOTE_ONLY -> job
					.item(new JobEvent.Item(item.kind().section(), item.entry().key(), "skipped_remote_only"), false);
				case SKIP_CHANGED_ON_REMOTE -> job.item(new JobEvent.Item(item.kind().section(), item.entry().key(),
						JobSelection.SKIPPED_CHANGED_ON_REMOTE), false);
				case NONE -> {
				}
			}
		})
			.cast(Decided.class)
			.buffer(ITEMS_PER_READ)
			.flatMapSequential((batch) -> this.packageLines.lines(batch, session.reviewed()), READS_IN_FLIGHT)
			.doOnNext((line) -> {
				ItemKey key = ItemKey.of(ItemKind.ofType(line.type()), line.key());
				job.item(new JobEvent.Item(key.kind(), key.key(), PackageLines.status(line)), true);
				// A merge is settled by the pull that brings it back.
				if (session.reviewed().lists(key) && !PackageLine.MERGE.equals(line.action())) {
					moved.add(key);
				}
			});
		if (!job.dryRun()) {
			lines = lines.buffer(ITEMS_PER_READ)
				.flatMapSequential((batch) -> this.transfer.addToOffer(header.packageId(), batch)
					.thenMany(Flux.fromIterable(batch)), READS_IN_FLIGHT);
		}
		AtomicBoolean first = new AtomicBoolean(true);
		// What is sent, per attempt: a dropped connection resumes with only the rest.
		UnaryOperator<Flux<byte[]>> watch = (body) -> body.doOnNext((chunk) -> {
			if (first.getAndSet(false)) {
				job.phase(JobPhase.TRANSFERRING);
			}
			job.bytes(chunk.length);
		}).doOnComplete(() -> job.phase(JobPhase.APPLYING));
		Flux<byte[]> ciphertext = this.streamer.stream(header, lines, session.password());
		Mono<Void> offer = job.dryRun() ? Mono.empty() : this.transfer.openOffer(header.packageId(), remote.serverId());
		return offer
			.then(this.push.send(remote.url(), remote.session(),
					() -> connect(session).map(RemoteCompare.Remote::session), header, ciphertext, job.dryRun(), watch))
			.map((result) -> new Sent(header.packageId(), result, moved));
	}

	/**
	 * After a push: reports what the remote left alone and, after a real run, records the
	 * bases of the rest. (A pull confirmed its package to the remote already.)
	 */
	private Mono<Sent> settle(SyncJob job, SyncSession session, Sent sent) {
		List<ItemKey> leftAlone = sent.result().changedSinceCompare();
		// Changed on the remote since the compare: reported, never overwritten.
		leftAlone.forEach((item) -> job.item(new JobEvent.Item(item.kind(), item.key(), CHANGED_SINCE_COMPARE), false));
		if (job.dryRun()) {
			return Mono.just(sent);
		}
		Set<ItemKey> unmoved = Set.copyOf(leftAlone);
		return this.transfer.withdrawFromOffer(sent.packageId(), leftAlone)
			.then(this.transfer.confirm(sent.packageId(), session.remote().serverId()))
			.doOnNext((recorded) -> session.reviewed()
				.moved(sent.moved().stream().filter((item) -> !unmoved.contains(item)).toList()))
			.thenReturn(sent);
	}

	/**
	 * After a real run: pass three, the verification of both directions' moved items;
	 * then the new replication checkpoint.
	 */
	private Mono<JobEvent.Completed> finish(SyncJob job, SyncSession session, JobSelection selection, Moved moved,
			DecidedMemo memo, long started, CheckpointRecorder recorder) {
		if (job.dryRun()) {
			return Mono.just(moved.completed(job, millisSince(started), null, List.of()));
		}
		Scope scope = memo.complete() ? memo.scope() : selection.scope();
		Set<ItemKey> unmoved = Set.copyOf(moved.leftAlone());
		return Mono.defer(() -> {
			job.phase(JobPhase.VERIFYING);
			return connect(session);
		})
			.flatMap((remote) -> this.verification
				.mismatches(remote, scope, memo.complete(), selection, unmoved, () -> job.phase(JobPhase.COMPARING))
				.flatMap((mismatches) -> checkpoint(remote, recorder, moved.leftAlone(), mismatches)
					.thenReturn(mismatches)))
			.map((mismatches) -> moved.completed(job, millisSince(started), mismatches.isEmpty(), mismatches));
	}

	/**
	 * After a verified run, the new replication checkpoint with the remote: what the job
	 * moved now agrees, what it left alone or skipped is its residue.
	 */
	private Mono<Void> checkpoint(RemoteCompare.Remote remote, CheckpointRecorder recorder, List<ItemKey> leftAlone,
			List<String> mismatches) {
		leftAlone.forEach(recorder::unsettle);
		if (!mismatches.isEmpty()) {
			recorder.spoil();
		}
		return this.planner.recordAfterApply(remote, recorder);
	}

	/** Which package carries an item that moves. */
	private static JobDirection way(JobSelection selection, ClassifiedItem item) {
		return (selection.direction() == JobDirection.BOTH) ? selection.way(item) : selection.direction();
	}

	/**
	 * The selection's decisions: those of pass one decided again (a side of a both-ways
	 * job takes only its own), or decided from a new compare when pass one found too many
	 * to remember.
	 */
	private Flux<Decided> decided(SyncJob job, RemoteCompare.Remote remote, JobSelection selection, DecidedMemo memo) {
		Flux<ClassifiedItem> items = memo.complete() ? Flux.fromIterable(memo.decided()).map(Decided::item)
				: compared(job, remote, selection);
		return items.map((item) -> new Decided(item, selection.decide(item)))
			.filter((each) -> each.decision() != JobSelection.Decision.NONE);
	}

	/**
	 * This server's hashes against the remote's, three-way, streamed, with conflicts
	 * merged where they can be.
	 */
	private Flux<ClassifiedItem> compared(SyncJob job, RemoteCompare.Remote remote, JobSelection selection) {
		return this.compare.classifyMerging(remote, selection.scope(), () -> job.phase(JobPhase.COMPARING),
				selection.choices(), selection::fieldChoice);
	}

	/**
	 * The job's plan, made in the peer session of the operator's compare when it is still
	 * fresh (a connect saved), else in a new one. The remote may have forgotten that
	 * session meanwhile (a restart): then again in a new one, since planning changes
	 * nothing.
	 */
	private Mono<Planned> planned(SyncSession session) {
		Optional<RemoteClient.RemoteSession> kept = session.takePeerSession(this.clock.instant());
		if (kept.isEmpty()) {
			return connect(session).flatMap(this::planned);
		}
		RemoteCompare.Remote remote = new RemoteCompare.Remote(session.remote().url(), session.remote().serverId(),
				kept.get());
		return planned(remote).onErrorResume(RemoteClient::sessionEnded,
				(ended) -> connect(session).flatMap(this::planned));
	}

	private Mono<Planned> planned(RemoteCompare.Remote remote) {
		return this.planner.plan(remote).map((plan) -> new Planned(remote, plan));
	}

	/** A fresh session on the session's remote (peer sessions end with each package). */
	private Mono<RemoteCompare.Remote> connect(SyncSession session) {
		return this.remote
			.connect(session.remote().url(), this.identity.serverId().toString(), session.password(),
					session.remoteFingerprint())
			.map((token) -> new RemoteCompare.Remote(session.remote().url(), session.remote().serverId(), token));
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

	/** The remote, in the peer session the job goes on in, and the job's plan. */
	private record Planned(RemoteCompare.Remote remote, ComparePlan plan) {
	}

	/** What the target did with a package, and the items it moved. */
	record Sent(String packageId, ReceiveResult result, List<ItemKey> moved) {
	}

}
