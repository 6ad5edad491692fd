package org.orchestrator.livesync.sync.internal.compare;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient;
import org.orchestrator.livesync.sync.internal.replication.ChangeFeed;
import org.orchestrator.livesync.sync.internal.replication.Checkpoints;
import org.orchestrator.livesync.sync.internal.replication.Checkpoints.Checkpoint;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Component;

/**
 * Decides whether a compare with a remote can be incremental, and records the checkpoints
 * that make the next one so.
 * <p>
 * The mechanism is a change feed on each server's change sequence with one checkpoint per
 * pair of servers, kept on both with the same id (as CouchDB replications do): the
 * candidates of a compare are what changed on either side since the checkpoint, plus its
 * residue, what did not agree then. Every other item agreed on both sides and with its
 * base at the checkpoint and has not changed since, so it still does. An applied package
 * gives the checkpoint a new id on both servers; a database restored from before that, or
 * recreated, has another id (or none), and the compare is a full one.
 */
@Component
public class ComparePlanner {

	/** More candidates than this, and a full compare costs about the same. */
	static final int MAX_CANDIDATES = 50_000;

	private static final Logger log = LoggerFactory.getLogger(ComparePlanner.class);

	private final RemoteClient client;

	private final ChangeFeed feed;

	private final Checkpoints checkpoints;

	/** Checkpoints being recorded after their compare answered, by remote server id. */
	private final Map<String, Mono<Void>> recording = new ConcurrentHashMap<>();

	ComparePlanner(RemoteClient client, ChangeFeed feed, Checkpoints checkpoints) {
		this.client = client;
		this.feed = feed;
		this.checkpoints = checkpoints;
	}

	/**
	 * What a compare with {@code remote} has to look at, once a checkpoint with it that
	 * is being recorded is there.
	 */
	public Mono<ComparePlan> plan(RemoteCompare.Remote remote) {
		return Mono.defer(() -> this.recording.getOrDefault(remote.serverId(), Mono.empty())).then(planNow(remote));
	}

	private Mono<ComparePlan> planNow(RemoteCompare.Remote remote) {
		return this.checkpoints.find(remote.serverId())
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((held) -> Mono.zip(optional(this.feed.stableWatermark()), remoteFeed(remote, held.orElse(null)))
				.flatMap((both) -> plan(remote, held.orElse(null), both.getT1().orElse(null), both.getT2())));
	}

	private Mono<ComparePlan> plan(RemoteCompare.Remote remote, Checkpoint held, Long localWatermark,
			RemoteFeed theirs) {
		if (held == null) {
			return Mono.just(ComparePlan.full("no replication state with this remote yet (first sync)", localWatermark,
					theirs.watermark()));
		}
		if (theirs.stale() != null) {
			return Mono.just(ComparePlan.full(theirs.stale(), localWatermark, theirs.watermark()));
		}
		Set<ItemKey> candidates = new HashSet<>(theirs.items());
		return this.feed.since(held.localSeq(), remote.serverId(), MAX_CANDIDATES + 1)
			.concatWith(this.checkpoints.residue(remote.serverId(), MAX_CANDIDATES + 1))
			.takeWhile((item) -> candidates.size() <= MAX_CANDIDATES)
			.doOnNext(candidates::add)
			.then(Mono.fromSupplier(() -> {
				if (candidates.size() > MAX_CANDIDATES) {
					return ComparePlan.full("more than " + MAX_CANDIDATES + " items changed since the last sync",
							localWatermark, theirs.watermark());
				}
				return new ComparePlan(held, null, byKind(candidates), localWatermark, theirs.watermark());
			}));
	}

	/** A recorder for a compare of {@code requested} under {@code plan}. */
	public CheckpointRecorder recorder(ComparePlan plan, Scope requested) {
		return new CheckpointRecorder(plan, requested);
	}

	/**
	 * Records what the recorder gathered as the new checkpoint with the remote, on both
	 * servers, when it can be one. A failure here costs the next compare its shortcut,
	 * nothing else: it is logged, not raised.
	 */
	private Mono<Void> record(RemoteCompare.Remote remote, CheckpointRecorder recorder) {
		ComparePlan plan = recorder.plan();
		return record(remote, recorder, plan.localWatermark(), plan.remoteWatermark());
	}

	/**
	 * Records what the recorder gathered, as {@link #record} does, after the compare has
	 * answered: the operator need not wait for it, and the next plan with the remote (the
	 * job's, say) waits for it instead.
	 */
	public Mono<Void> recordLater(RemoteCompare.Remote remote, CheckpointRecorder recorder) {
		return Mono.fromRunnable(() -> {
			Mono<Void> recorded = record(remote, recorder).cache();
			this.recording.put(remote.serverId(), recorded);
			recorded.doFinally((signal) -> this.recording.remove(remote.serverId(), recorded)).subscribe();
		});
	}

	/**
	 * Records the checkpoint after a job applied its packages, at watermarks taken now:
	 * past the job's own writes (which each side's feed leaves out for the other, and
	 * which would otherwise be scanned again by every later compare), with what changed
	 * on either side meanwhile added to the residue. When that cannot be read, at the
	 * watermarks of the job's compare.
	 */
	public Mono<Void> recordAfterApply(RemoteCompare.Remote remote, CheckpointRecorder recorder) {
		ComparePlan plan = recorder.plan();
		if (plan.localWatermark() == null || plan.remoteWatermark() == null) {
			return Mono.empty();
		}
		Mono<Optional<Window>> here = optional(this.feed.stableWatermark())
			.flatMap((now) -> now.isEmpty() ? Mono.just(Optional.<Window>empty())
					: this.feed.since(plan.localWatermark(), remote.serverId(), MAX_CANDIDATES + 1)
						.collectList()
						.map((items) -> Optional.of(new Window(now.get(), items))));
		Mono<RemoteFeed> there = remoteFeed(remote, plan.remoteWatermark(), null);
		return Mono.zip(here, there).flatMap((both) -> {
			Window local = both.getT1().orElse(null);
			RemoteFeed remoteWindow = both.getT2();
			if (local == null || remoteWindow.watermark() == null || remoteWindow.stale() != null
					|| local.items().size() > MAX_CANDIDATES) {
				return record(remote, recorder);
			}
			local.items().forEach(recorder::unsettle);
			remoteWindow.items().forEach(recorder::unsettle);
			return record(remote, recorder, local.watermark(), remoteWindow.watermark());
		}).onErrorResume((failure) -> record(remote, recorder));
	}

	private Mono<Void> record(RemoteCompare.Remote remote, CheckpointRecorder recorder, Long localWatermark,
			Long remoteWatermark) {
		return Mono.defer(() -> {
			Set<ItemKey> residue = recorder.residue(MAX_CANDIDATES);
			if (residue == null) {
				return Mono.empty();
			}
			UUID id = UUID.randomUUID();
			return this.client
				.checkpoint(remote.url(), remote.session(),
						new PeerMessages.CheckpointRequest(id.toString(), remoteWatermark, localWatermark))
				.then(this.checkpoints.save(remote.serverId(), new Checkpoint(id, localWatermark, remoteWatermark),
						residue));
		}).onErrorResume((failure) -> {
			log.warn("No replication checkpoint recorded with {}: {}", remote.url(), failure.getMessage());
			return Mono.empty();
		});
	}

	/**
	 * The remote's side: its stable watermark, and (when the checkpoint is current there
	 * too) what changed there since.
	 */
	private Mono<RemoteFeed> remoteFeed(RemoteCompare.Remote remote, Checkpoint held) {
		return (held != null) ? remoteFeed(remote, held.remoteSeq(), held.id().toString())
				: remoteFeed(remote, null, null);
	}

	/**
	 * The remote's feed since {@code since} under {@code checkpointId}, or (no
	 * checkpoint) the window of what changed there after {@code since}, or (neither) its
	 * watermark alone.
	 */
	private Mono<RemoteFeed> remoteFeed(RemoteCompare.Remote remote, Long since, String checkpointId) {
		Set<ItemKey> items = new HashSet<>();
		PeerMessages.ChangeLine[] metadata = new PeerMessages.ChangeLine[1];
		Flux<PeerMessages.ChangeLine> lines = this.client.changes(remote.url(), remote.session(), since, checkpointId);
		return lines.doOnNext((line) -> {
			if (metadata[0] == null) {
				if (!line.isMetadata() || !remote.serverId().equals(line.serverId())) {
					throw new ProblemException(ProblemCode.REMOTE_CHANGED,
							remote.url() + " is no longer the server this compare began with");
				}
				metadata[0] = line;
				return;
			}
			ItemKind kind = ItemKind.ofType(line.type());
			if (kind != null && line.key() != null) {
				items.add(ItemKey.of(kind, line.key()));
			}
		}).then(Mono.fromSupplier(() -> {
			PeerMessages.ChangeLine first = metadata[0];
			if (first == null) {
				return new RemoteFeed(null, Set.of(), "the remote sent an empty change feed");
			}
			String stale = null;
			if (checkpointId != null && !"current".equals(first.checkpoint())) {
				stale = "the replication state no longer matches the remote's: "
						+ ((first.reason() != null) ? first.reason() : "it holds none");
			}
			else if (items.size() > MAX_CANDIDATES) {
				stale = "more than " + MAX_CANDIDATES + " items changed on the remote since the last sync";
			}
			return new RemoteFeed(first.watermark(), items, stale);
		}))
			// The remote being another server, or refusing the session, is the compare's
			// failure, not the feed's.
			.onErrorResume(
					(failure) -> !RemoteClient.sessionEnded(failure) && (!(failure instanceof ProblemException problem)
							|| !ProblemCode.REMOTE_CHANGED.code().equals(problem.code())),
					(failure) -> Mono.just(new RemoteFeed(null, Set.of(),
							"the remote's change feed could not be read (" + failure.getMessage() + ")")));
	}

	private static <T> Mono<Optional<T>> optional(Mono<T> value) {
		return value.map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	private static Map<ItemKind, Set<String>> byKind(Set<ItemKey> items) {
		Map<ItemKind, Set<String>> byKind = new EnumMap<>(ItemKind.class);
		items.forEach((item) -> byKind.computeIfAbsent(item.itemKind(), (k) -> new TreeSet<>()).add(item.key()));
		return byKind;
	}

	/**
	 * This server's stable watermark now, and what changed here before it since a mark.
	 */
	private record Window(long watermark, java.util.List<ItemKey> items) {
	}

	/** The remote's answer: its watermark, its changes, and why they cannot be used. */
	private record RemoteFeed(Long watermark, Set<ItemKey> items, String stale) {
	}

}
