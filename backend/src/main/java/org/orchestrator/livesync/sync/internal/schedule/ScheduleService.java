package org.orchestrator.livesync.sync.internal.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.sync.internal.job.JobService;
import org.orchestrator.livesync.sync.internal.registry.PeerService;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Service;

/** Schedules: saved, checked, shown with their next due times, paused and resumed. */
@Service
class ScheduleService {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	static final Set<String> APPLY = Set.of("always", "only_if_conflict_free");

	private static final int MAX_PEERS = 50;

	private final ScheduleStore store;

	private final PeerService peers;

	private final JsonMapper json;

	private final Clock clock;

	ScheduleService(ScheduleStore store, PeerService peers, JsonMapper json, Clock clock) {
		this.store = store;
		this.peers = peers;
		this.json = json;
		this.clock = clock;
	}

	/** A schedule's settings as given. */
	record Settings(String cron, List<String> peers, JsonNode selection, String direction, String conflictPolicy,
			String apply) {
	}

	Flux<ScheduleView> list() {
		return this.store.all().map(this::view);
	}

	Mono<ScheduleView> get(String name) {
		return found(name).map(this::view);
	}

	Mono<ScheduleView> create(String name, Settings settings) {
		return checked(name, settings, true).flatMap((schedule) -> this.store.insert(schedule)
			.flatMap((inserted) -> inserted ? get(name)
					: Mono.error(ProblemException.conflict("a schedule named '" + name + "' exists already"))));
	}

	Mono<ScheduleView> update(String name, Settings settings) {
		return found(name)
			.flatMap((old) -> checked(name, settings, false)
				.map((schedule) -> new ScheduleStore.StoredSchedule(name, schedule.cron(), schedule.peers(),
						schedule.selection(), schedule.direction(), schedule.conflictPolicy(), schedule.apply(),
						old.paused(), schedule.nextRunAt(), old.lastRunAt(), old.lastJobIds(), old.lastError(),
						old.missedRuns(), old.lastMissedAt(), old.createdAt(), schedule.updatedAt())))
			.flatMap((schedule) -> this.store.update(schedule).then(get(name)));
	}

	Mono<Void> delete(String name) {
		return this.store.delete(name).flatMap((deleted) -> deleted ? Mono.<Void>empty() : Mono.error(missing(name)));
	}

	/**
	 * Pauses or resumes; resuming starts from the next due time after now, so that what
	 * the pause skipped is not counted as missed.
	 */
	Mono<ScheduleView> paused(String name, boolean paused) {
		return found(name).flatMap((schedule) -> {
			Instant now = now();
			Instant next = (paused) ? schedule.nextRunAt() : Cron.parse(schedule.cron()).next(now);
			return this.store.paused(name, paused, (next != null) ? next : schedule.nextRunAt(), now);
		}).then(get(name));
	}

	Mono<ScheduleStore.StoredSchedule> found(String name) {
		return this.store.find(name).switchIfEmpty(Mono.error(() -> missing(name)));
	}

	ScheduleView view(ScheduleStore.StoredSchedule schedule) {
		List<Instant> next = List.of();
		if (!schedule.paused()) {
			Cron cron = Cron.parse(schedule.cron());
			next = new ArrayList<>();
			next.add(schedule.nextRunAt());
			next.addAll(cron.next(schedule.nextRunAt(), 4));
		}
		return new ScheduleView(schedule.name(), schedule.cron(), schedule.peers(),
				this.json.readTree(schedule.selection()), schedule.direction(), schedule.conflictPolicy(),
				schedule.apply(), schedule.paused(), next, schedule.lastRunAt(), schedule.lastJobIds(),
				schedule.lastError(), schedule.missedRuns(), schedule.lastMissedAt(), schedule.createdAt(),
				schedule.updatedAt());
	}

	/** The row for {@code settings}, every bad field named at once. */
	private Mono<ScheduleStore.StoredSchedule> checked(String name, Settings settings, boolean naming) {
		List<Problem.FieldError> errors = new ArrayList<>();
		if (naming && (name == null || !NAME.matcher(name).matches())) {
			errors.add(new Problem.FieldError("name",
					"must be 1 to 63 lower-case letters, digits and hyphens, beginning and ending with a letter or digit"));
		}
		Instant now = now();
		Instant next = null;
		try {
			next = Cron.parse(settings.cron()).next(now);
			if (next == null) {
				errors.add(new Problem.FieldError("cron", "is never due"));
			}
		}
		catch (IllegalArgumentException ex) {
			errors.add(new Problem.FieldError("cron", "is not a cron expression (" + ex.getMessage()
					+ "): six fields from seconds, five from minutes, or a macro such as @hourly"));
		}
		String direction = (settings.direction() != null) ? settings.direction() : "push";
		String policy = (settings.conflictPolicy() != null) ? settings.conflictPolicy() : "manual";
		errors.addAll(JobService.check(settings.selection(), direction, policy));
		String apply = (settings.apply() != null) ? settings.apply() : "always";
		if (!APPLY.contains(apply)) {
			errors.add(new Problem.FieldError("apply", "must be always or only_if_conflict_free"));
		}
		List<String> named = (settings.peers() != null)
				? settings.peers().stream().filter((peer) -> peer != null && !peer.isEmpty()).distinct().toList()
				: List.of();
		if (named.isEmpty() || named.size() > MAX_PEERS) {
			errors.add(new Problem.FieldError("peers", "must name 1 to " + MAX_PEERS + " registered peers"));
		}
		Instant due = next;
		return this.peers.unregistered(named).map((unknown) -> {
			if (!unknown.isEmpty()) {
				errors.add(new Problem.FieldError("peers",
						"not registered (GET /sync/peers): " + String.join(", ", unknown)));
			}
			if (!errors.isEmpty()) {
				throw ProblemException.invalid(errors);
			}
			return new ScheduleStore.StoredSchedule(name, settings.cron().trim(), named,
					this.json.writeValueAsString(settings.selection()), direction, policy, apply, false, due, null,
					List.of(), null, 0, null, now, now);
		});
	}

	private static ProblemException missing(String name) {
		return ProblemException.notFound("schedule '" + name + "'");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
