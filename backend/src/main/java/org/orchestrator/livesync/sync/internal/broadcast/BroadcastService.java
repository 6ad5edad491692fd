package org.orchestrator.livesync.sync.internal.broadcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.sync.internal.job.JobEvent;
import org.orchestrator.livesync.sync.internal.job.JobService;
import org.orchestrator.livesync.sync.internal.registry.PeerService;
import org.orchestrator.livesync.sync.internal.session.SessionService;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.Problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * One sync to many registered peers: a session and a job per peer, at most
 * {@code SYNC_BROADCAST_PARALLELISM} at once. Each peer stands alone: one that is down or
 * refuses fails on its own, and neither stops nor undoes the others.
 */
@Service
class BroadcastService {

	private static final Logger log = LoggerFactory.getLogger(BroadcastService.class);

	static final int MAX_PEERS = 100;

	private static final Duration EVENT_INTERVAL = Duration.ofMillis(250);

	private static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private static final Duration KEPT = Duration.ofMinutes(10);

	/** How often other replicas read a broadcast this one runs, and it saves it. */
	static final Duration SAVED_INTERVAL = Duration.ofMillis(500);

	/**
	 * Broadcasts this process runs, and those it ran lately (their streams replay from
	 * here).
	 */
	private final Map<String, Broadcast> broadcasts = new ConcurrentHashMap<>();

	private final SessionService sessions;

	private final JobService jobs;

	private final PeerService peers;

	private final BroadcastStore store;

	private final JsonMapper json;

	private final Clock clock;

	private final int parallelism;

	private final AtomicBoolean saving = new AtomicBoolean();

	BroadcastService(SessionService sessions, JobService jobs, PeerService peers, BroadcastStore store, JsonMapper json,
			Clock clock, @Value("${live-sync.broadcast-parallelism:4}") int parallelism) {
		this.sessions = sessions;
		this.jobs = jobs;
		this.peers = peers;
		this.store = store;
		this.json = json;
		this.clock = clock;
		this.parallelism = Math.max(1, parallelism);
	}

	/**
	 * What a broadcast asks of each peer's job ({@code request.sessionId()} is unused).
	 */
	record Request(List<String> peers, JobService.Request job) {
	}

	/** Starts the broadcast and returns it at once; it runs on its own. */
	Mono<Broadcast> start(Request request, String actor) {
		return Mono.fromRunnable(() -> this.jobs.check(request.job()))
			.then(checkedPeers(request.peers()))
			.map((names) -> {
				Broadcast broadcast = new Broadcast(UUID.randomUUID().toString(), names,
						(request.job().direction() != null) ? request.job().direction() : "push",
						request.job().dryRun(), actor, this.clock.instant());
				this.broadcasts.put(broadcast.id(), broadcast);
				log.info("Broadcast {} to {} started by {}", broadcast.id(), names, (actor != null) ? actor : "-");
				save(broadcast)
					.thenMany(Flux.fromIterable(names)
						.flatMap((peer) -> runOne(broadcast, peer, request.job(), actor), this.parallelism))
					.then(Mono.fromRunnable(() -> broadcast.finish(this.clock.instant())))
					.then(Mono.defer(() -> save(broadcast)))
					.subscribe();
				return broadcast;
			});
	}

	/**
	 * The named peers, each once and registered, or a problem naming those that are not.
	 */
	private Mono<List<String>> checkedPeers(List<String> requested) {
		if (requested == null || requested.isEmpty() || requested.size() > MAX_PEERS) {
			return Mono.error(ProblemException.invalid("peers", "must name 1 to " + MAX_PEERS + " registered peers"));
		}
		List<String> names = List.copyOf(new LinkedHashSet<>(requested));
		return this.peers.unregistered(names)
			.flatMap((missing) -> missing.isEmpty() ? Mono.just(names)
					: Mono.error(ProblemException.invalid("peers", "names peers that are not registered: " + missing)));
	}

	/**
	 * One peer's part: its session and job, to the job's end; a failure ends this part
	 * alone.
	 */
	private Mono<Void> runOne(Broadcast broadcast, String peer, JobService.Request job, String actor) {
		broadcast.update(new BroadcastView.PeerResult(peer, "connecting", null, null, null));
		return this.sessions.createWithPeer(peer, null, null)
			.flatMap((session) -> this.jobs.start(new JobService.Request(session.id(), job.selection(), job.direction(),
					job.dryRun(), job.conflictPolicy(), job.conflictPolicies(), job.mode(), null), actor))
			.flatMap((started) -> {
				broadcast.update(new BroadcastView.PeerResult(peer, "running", started.id(), null, null));
				return this.jobs.events(started.id()).map(ServerSentEvent::data).doOnNext((event) -> {
					if (event instanceof JobEvent.Progress progress) {
						broadcast.progress(
								new BroadcastEvent.Progress(peer, progress.done(), progress.total(), progress.bytes()));
					}
				})
					.filter((event) -> event instanceof JobEvent.Completed || event instanceof JobEvent.Failed)
					.next()
					.map((end) -> (end instanceof JobEvent.Failed failed)
							? new BroadcastView.PeerResult(peer, "failed", started.id(), null, failed.problem())
							: new BroadcastView.PeerResult(peer, "completed", started.id(), this.json.valueToTree(end),
									null));
			})
			.onErrorResume((failure) -> Mono.just(new BroadcastView.PeerResult(peer, "failed", null, null,
					Problems.from(failure).toProblem("/api/v1/sync/broadcasts/" + broadcast.id()))))
			.doOnNext((result) -> {
				if ("failed".equals(result.status())) {
					log.warn("Broadcast {}: {} failed: {}", broadcast.id(), peer, result.problem().detail());
				}
				broadcast.update(result);
			})
			.then();
	}

	/**
	 * Saves the running broadcasts, for the other replicas' readers; one save at a time,
	 * a slow database skips a turn.
	 */
	@Scheduled(fixedDelayString = "500ms", initialDelayString = "500ms")
	void saveRunning() {
		if (!this.saving.compareAndSet(false, true)) {
			return;
		}
		Flux.fromIterable(List.copyOf(this.broadcasts.values()))
			.filter((broadcast) -> broadcast.view().finishedAt() == null)
			.concatMap(this::save)
			.doFinally((signal) -> this.saving.set(false))
			.subscribe();
	}

	/**
	 * Finished broadcasts stay here a while for late readers, then the database has them.
	 */
	@Scheduled(fixedDelay = 60_000)
	void forgetFinished() {
		Instant cutoff = this.clock.instant().minus(KEPT);
		this.broadcasts.values().removeIf((broadcast) -> {
			Instant finished = broadcast.view().finishedAt();
			return finished != null && finished.isBefore(cutoff);
		});
	}

	private Mono<Void> save(Broadcast broadcast) {
		return this.store.save(broadcast.view()).onErrorResume((failure) -> {
			log.warn("Could not save broadcast {}: {}", broadcast.id(), failure.getMessage());
			return Mono.empty();
		});
	}

	Mono<BroadcastView> view(String id) {
		Broadcast live = this.broadcasts.get(id);
		if (live != null) {
			return Mono.just(live.view());
		}
		return parse(id).flatMap(this.store::find)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("broadcast '" + id + "'")));
	}

	/**
	 * Its events: those so far, then new ones a few times a second, a heartbeat comment
	 * while quiet, closing after {@code finished}. A broadcast another replica runs (or
	 * ran) is read from the database as that replica saves it: each peer's state as it
	 * changes, and the end.
	 */
	Flux<ServerSentEvent<BroadcastEvent>> events(String id) {
		return Flux.defer(() -> {
			Broadcast live = this.broadcasts.get(id);
			Flux<BroadcastEvent> events = (live != null) ? liveEvents(live) : savedEvents(id);
			Flux<ServerSentEvent<BroadcastEvent>> heartbeat = Flux.interval(HEARTBEAT, HEARTBEAT)
				.map((tick) -> ServerSentEvent.<BroadcastEvent>builder().comment("keep-alive").build());
			return Flux.merge(events.map(BroadcastService::event), heartbeat)
				.takeUntil((event) -> event.data() instanceof BroadcastEvent.Finished);
		});
	}

	private static Flux<BroadcastEvent> liveEvents(Broadcast live) {
		int[] seen = { 0 };
		return Flux.interval(Duration.ZERO, EVENT_INTERVAL).concatMapIterable((tick) -> {
			List<BroadcastEvent> next = live.since(seen[0]);
			seen[0] += next.size();
			return next;
		});
	}

	/** Each saved peer state that differs from the one seen before it, then the end. */
	private Flux<BroadcastEvent> savedEvents(String id) {
		Map<String, BroadcastView.PeerResult> seen = new HashMap<>();
		return view(id)
			.concatWith(Flux.interval(SAVED_INTERVAL, SAVED_INTERVAL)
				.concatMap((tick) -> parse(id).flatMap(this.store::find)))
			.takeUntil((view) -> view.finishedAt() != null)
			.concatMapIterable((view) -> {
				List<BroadcastEvent> next = new ArrayList<>();
				view.peers().stream().filter((peer) -> !peer.equals(seen.put(peer.peer(), peer))).forEach((peer) -> {
					next.add(new BroadcastEvent.Peer(peer));
				});
				if (view.finishedAt() != null) {
					next.add(finished(view));
				}
				return next;
			});
	}

	private static BroadcastEvent finished(BroadcastView view) {
		long completed = view.peers().stream().filter((peer) -> "completed".equals(peer.status())).count();
		return new BroadcastEvent.Finished(completed, view.peers().size() - completed, view.peers());
	}

	private static ServerSentEvent<BroadcastEvent> event(BroadcastEvent event) {
		return ServerSentEvent.builder(event).event(event.type()).build();
	}

	private static Mono<UUID> parse(String id) {
		try {
			return Mono.just(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(ProblemException.notFound("broadcast '" + id + "'"));
		}
	}

}
