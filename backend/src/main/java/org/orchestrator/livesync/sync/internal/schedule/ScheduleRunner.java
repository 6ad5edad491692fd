package org.orchestrator.livesync.sync.internal.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.sync.internal.compare.Comparison;
import org.orchestrator.livesync.sync.internal.job.JobService;
import org.orchestrator.livesync.sync.internal.registry.PeerService;
import org.orchestrator.livesync.sync.internal.session.SessionService;
import org.orchestrator.livesync.sync.internal.session.SyncSession;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.Problems;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs due schedules. Every server polls; each due time is claimed by moving the row's
 * {@code next_run_at} on in one conditional update, so exactly one replica runs it. A due
 * time found later than {@code missed-after} passed with no server running: it counts as
 * missed, and one run follows now instead of one per missed time.
 */
@Component
class ScheduleRunner {

	private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);

	private final ScheduleStore store;

	private final PeerService peers;

	private final SessionService sessions;

	private final JobService jobs;

	private final ScheduleProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	/**
	 * Schedules whose run goes on in this process: a due time that comes meanwhile is
	 * skipped, so that two runs never sync with the same peers at once. Runs of other
	 * replicas are seen by their jobs still running
	 * ({@link ScheduleStore#lastRunGoesOn}).
	 */
	private final Set<String> running = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean polling = new AtomicBoolean();

	ScheduleRunner(ScheduleStore store, PeerService peers, SessionService sessions, JobService jobs,
			ScheduleProperties properties, JsonMapper json, Clock clock) {
		this.store = store;
		this.peers = peers;
		this.sessions = sessions;
		this.jobs = jobs;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Looks for due schedules, unless the last look has not ended: a slow database does
	 * not pile up polls.
	 */
	@Scheduled(fixedDelayString = "${live-sync.schedules.poll-interval:1s}",
			initialDelayString = "${live-sync.schedules.poll-interval:1s}")
	void poll() {
		if (!this.polling.compareAndSet(false, true)) {
			return;
		}
		Mono.defer(() -> {
			Instant now = now();
			return this.store.due(now).concatMap((schedule) -> claim(schedule, now)).then();
		}).onErrorResume((failure) -> {
			log.warn("Could not look for due sync schedules: {}", failure.getMessage());
			return Mono.empty();
		}).doFinally((signal) -> this.polling.set(false)).subscribe();
	}

	private Mono<Void> claim(ScheduleStore.StoredSchedule schedule, Instant now) {
		Cron cron = Cron.parse(schedule.cron());
		Instant next = cron.next(now);
		if (next == null) {
			return Mono.empty();
		}
		boolean late = schedule.nextRunAt().isBefore(now.minus(this.properties.missedAfter()));
		int missed = late ? cron.dueBetween(schedule.nextRunAt(), now) : 0;
		Mono<Boolean> goesOn = this.running.contains(schedule.name()) ? Mono.just(true)
				: this.store.lastRunGoesOn(schedule.name());
		return goesOn.flatMap(
				(busy) -> this.store.claim(schedule.name(), schedule.nextRunAt(), next, now, missed + (busy ? 1 : 0))
					.flatMap((won) -> {
						if (!won) {
							return Mono.empty();
						}
						if (missed > 0) {
							log.warn("Sync schedule '{}' missed {} due time(s) since {}: running once now",
									schedule.name(), missed, schedule.nextRunAt());
						}
						if (busy) {
							log.warn("Sync schedule '{}' is still running its last run: this due time is skipped",
									schedule.name());
							return Mono.empty();
						}
						// Runs on its own: a long job does not hold up the other
						// schedules.
						run(schedule).subscribe();
						return Mono.empty();
					}));
	}

	/**
	 * Runs {@code schedule} once now: a job with each of its peers, one after the other.
	 * Returns the ids of the jobs recorded, once they have all been started; a peer that
	 * fails is logged and recorded, and the others still run.
	 */
	Mono<List<String>> run(ScheduleStore.StoredSchedule schedule) {
		if (!this.running.add(schedule.name())) {
			return Mono.error(ProblemException.conflict("schedule '" + schedule.name() + "' is running already"));
		}
		Instant started = now();
		List<String> errors = new ArrayList<>();
		List<Mono<Void>> ends = new ArrayList<>();
		return Flux.fromIterable(schedule.peers())
			.concatMap((peer) -> runWith(schedule, peer, ends).onErrorResume((failure) -> {
				String problem = Problems.from(failure).getMessage();
				log.warn("Sync schedule '{}' could not run with peer '{}': {}", schedule.name(), peer, problem);
				errors.add(peer + ": " + problem);
				return Mono.empty();
			}))
			.collectList()
			.flatMap((ids) -> this.store
				.ran(schedule.name(), started, ids, errors.isEmpty() ? null : String.join("; ", errors))
				.onErrorResume((failure) -> {
					log.warn("Could not record the run of sync schedule '{}': {}", schedule.name(),
							failure.getMessage());
					return Mono.empty();
				})
				.thenReturn(ids))
			.doOnSuccess(
					(ids) -> Flux.merge(ends).doFinally((signal) -> this.running.remove(schedule.name())).subscribe())
			.doOnError((failure) -> this.running.remove(schedule.name()))
			.doOnCancel(() -> this.running.remove(schedule.name()));
	}

	/**
	 * A session with {@code peer}, then its job, or the record of why it did not apply.
	 */
	private Mono<String> runWith(ScheduleStore.StoredSchedule schedule, String peer, List<Mono<Void>> ends) {
		String actor = "schedule:" + schedule.name();
		return this.sessions.createWithPeer(peer, null, null).flatMap((session) -> {
			long conflicts = conflicts(session.comparison());
			if ("only_if_conflict_free".equals(schedule.apply()) && conflicts > 0) {
				int rules = rules(session.comparison());
				return this.jobs
					.needsAttention(session.id(), schedule.direction(), actor,
							"the compare with peer '" + peer + "' found " + session.comparison().summary().conflict()
									+ " conflict(s) and " + rules + " constraint conflict(s); schedule '"
									+ schedule.name() + "' applies only when there are none: nothing was applied",
							session.comparison().constraintConflicts())
					.doFinally((signal) -> forget(session));
			}
			return this.jobs
				.start(session.id(), this.json.readTree(schedule.selection()), schedule.direction(),
						schedule.conflictPolicy(), actor)
				.map((started) -> {
					ends.add(started.ended().doFinally((signal) -> forget(session)));
					return started.jobId();
				});
		});
	}

	private static long conflicts(Comparison comparison) {
		return comparison.summary().conflict() + rules(comparison);
	}

	private static int rules(Comparison comparison) {
		return (comparison.constraintConflicts() != null) ? comparison.constraintConflicts().size() : 0;
	}

	/**
	 * A schedule's session is for its one job: kept, it would take memory for an hour.
	 */
	private void forget(SyncSession session) {
		this.sessions.forget(session.id()).onErrorResume((failure) -> Mono.empty()).subscribe();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
