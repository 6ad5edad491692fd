package org.orchestrator.livesync.sync.internal.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.system.SqlValues;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Jobs in PostgreSQL: saved when they start and when they end, so that they outlive the
 * process that ran them. While a job runs, its process beats its heart every few seconds;
 * a running job whose heart has stopped (its server stopped or crashed) is marked failed,
 * interrupted, by whichever server sees it first.
 */
@Repository
class JobStore {

	private static final Logger log = LoggerFactory.getLogger(JobStore.class);

	/**
	 * How long a running job's heart may be still before the job counts as interrupted.
	 */
	static final Duration STOPPED_AFTER = Duration.ofSeconds(20);

	private final DatabaseClient database;

	private final JsonMapper json;

	/** The jobs this process runs, by id. */
	private final Map<String, SyncJob> running = new ConcurrentHashMap<>();

	/**
	 * Reads what {@link #json} wrote: a view's events carry their {@code type}, which
	 * their records take from their class, not from a field.
	 */
	private final JsonMapper reader;

	private final JobCancels cancels;

	JobStore(DatabaseClient database, JsonMapper json, JobCancels cancels) {
		this.cancels = cancels;
		this.database = database;
		this.json = json;
		this.reader = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	/** A job as saved: its view, and the phases and end event a replay gives. */
	record Stored(SyncJob.JobView view, List<JobPhase> phases, JobEvent end) {
	}

	/** What a list asks for; null: any. */
	record Filter(JobStatus status, String remote, JobDirection direction, Instant since, Instant until) {
	}

	Mono<Void> started(SyncJob job) {
		SyncJob.JobView view = job.view();
		this.running.put(job.id(), job);
		return this.database
			.sql("INSERT INTO sync_jobs (id, status, direction, remote_url, remote_name, started_by, started_at, view) "
					+ "VALUES ($1, 'running', $2, $3, $4, $5, $6, CAST($7 AS jsonb))")
			.bind(0, UUID.fromString(job.id()))
			.bind(1, view.direction().jsonName())
			.bind(2, SqlValues.orNull((view.remote() != null) ? view.remote().url() : null, String.class))
			.bind(3, SqlValues.orNull((view.remote() != null) ? view.remote().name() : null, String.class))
			.bind(4, SqlValues.orNull(view.startedBy(), String.class))
			.bind(5, view.startedAt())
			.bind(6, this.json.writeValueAsString(view))
			.then();
	}

	Mono<Void> finished(SyncJob job) {
		SyncJob.JobView view = job.view();
		return this.database
			.sql("UPDATE sync_jobs SET status = $2, finished_at = $3, view = CAST($4 AS jsonb), "
					+ "phases = CAST($5 AS jsonb), end_event = CAST($6 AS jsonb) WHERE id = $1")
			.bind(0, UUID.fromString(job.id()))
			.bind(1, view.status().jsonName())
			.bind(2, (view.finishedAt() != null) ? view.finishedAt() : Instant.now())
			.bind(3, this.json.writeValueAsString(view))
			.bind(4, this.json.writeValueAsString(job.phases()))
			.bind(5, this.json.writeValueAsString(job.end()))
			.then()
			.doFinally((signal) -> this.running.remove(job.id()));
	}

	/**
	 * Asks whichever replica runs the job to cancel it; false when no such job is
	 * running.
	 */
	Mono<Boolean> requestCancel(String id, String actor) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(ProblemException.notFound("sync job '" + id + "'"));
		}
		return this.database
			.sql("UPDATE sync_jobs SET cancel_requested_at = now(), cancel_requested_by = $2 "
					+ "WHERE id = $1 AND status = 'running'")
			.bind(0, uuid)
			.bind(1, SqlValues.orNull(actor, String.class))
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	private static ProblemException cancelled(String actor) {
		return ProblemCode.JOB_CANCELLED.exception("cancelled by " + actor
				+ " through another replica; a package the remote had not applied yet was not applied, one it had "
				+ "applied stays applied: compare again to see where the two stand");
	}

	Mono<Stored> find(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return Mono.empty();
		}
		return this.database.sql(
				"SELECT CAST(view AS text), CAST(phases AS text), CAST(end_event AS text) FROM sync_jobs WHERE id = $1")
			.bind(0, uuid)
			.map((row) -> stored(row.get(0, String.class), row.get(1, String.class), row.get(2, String.class)))
			.one();
	}

	/** One page of jobs, newest first, and how many match in all. */
	Mono<JobPage> list(Filter filter, int page, int size) {
		return this.database
			.sql("SELECT CAST(view AS text), count(*) OVER () FROM sync_jobs "
					+ "WHERE (CAST($1 AS text) IS NULL OR status = $1) "
					+ "AND (CAST($2 AS text) IS NULL OR remote_url = $2 OR remote_name = $2) "
					+ "AND (CAST($3 AS text) IS NULL OR direction = $3) "
					+ "AND (CAST($4 AS timestamptz) IS NULL OR started_at >= $4) "
					+ "AND (CAST($5 AS timestamptz) IS NULL OR started_at < $5) "
					+ "ORDER BY started_at DESC, id LIMIT $6 OFFSET $7")
			.bind(0, SqlValues.orNull((filter.status() != null) ? filter.status().jsonName() : null, String.class))
			.bind(1, SqlValues.orNull(filter.remote(), String.class))
			.bind(2, SqlValues.orNull((filter.direction() != null) ? filter.direction().jsonName() : null,
					String.class))
			.bind(3, SqlValues.orNull(filter.since(), Instant.class))
			.bind(4, SqlValues.orNull(filter.until(), Instant.class))
			.bind(5, size)
			.bind(6, (long) page * size)
			.map((row) -> new Counted(this.reader.readValue(row.get(0, String.class), SyncJob.JobView.class),
					row.get(1, Long.class)))
			.all()
			.collectList()
			.map((rows) -> new JobPage(rows.stream().map(Counted::view).toList(),
					rows.isEmpty() ? 0 : rows.get(0).total()));
	}

	record JobPage(List<SyncJob.JobView> jobs, long total) {
	}

	private record Counted(SyncJob.JobView view, long total) {
	}

	/**
	 * The running jobs of this process are alive, and where they stand is saved: a
	 * replica on the same database shows their progress and streams their events.
	 */
	@Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
	void beat() {
		Flux.fromIterable(this.running.values())
			.concatMap((job) -> this.database
				.sql("UPDATE sync_jobs SET heart_at = now(), view = CAST($2 AS jsonb), phases = CAST($3 AS jsonb) "
						+ "WHERE id = $1 AND status = 'running' RETURNING cancel_requested_at IS NOT NULL, "
						+ "cancel_requested_by")
				.bind(0, UUID.fromString(job.id()))
				.bind(1, this.json.writeValueAsString(job.view()))
				.bind(2, this.json.writeValueAsString(job.phases()))
				.map((row) -> Boolean.TRUE.equals(row.get(0, Boolean.class))
						? Optional.of(Objects.requireNonNullElse(row.get(1, String.class), "an operator"))
						: Optional.<String>empty())
				.one()
				.doOnNext((cancelledBy) -> cancelledBy
					.ifPresent((actor) -> this.cancels.cancel(job.id(), cancelled(actor)))))
			.then()
			.onErrorResume((failure) -> {
				log.warn("Could not mark the running sync jobs alive: {}", failure.getMessage());
				return Mono.empty();
			})
			.subscribe();
	}

	/**
	 * Jobs whose server stopped while they ran are failed, interrupted: at start-up and
	 * every few seconds, as another replica may have stopped.
	 */
	@Scheduled(fixedDelay = 10_000, initialDelay = 0)
	void interruptStopped() {
		interrupted().onErrorResume((failure) -> {
			log.warn("Could not look for interrupted sync jobs: {}", failure.getMessage());
			return Mono.empty();
		}).subscribe();
	}

	Mono<Void> interrupted() {
		return this.database
			.sql("SELECT id, CAST(view AS text), CAST(phases AS text), started_at FROM sync_jobs "
					+ "WHERE status = 'running' AND heart_at < now() - make_interval(secs => $1)")
			.bind(0, (double) STOPPED_AFTER.toSeconds())
			.map((row) -> new Stale(row.get(0, UUID.class), row.get(1, String.class), row.get(3, Instant.class)))
			.all()
			.filter((stale) -> !this.running.containsKey(stale.id().toString()))
			.concatMap(this::interrupt)
			.then();
	}

	private record Stale(UUID id, String view, Instant startedAt) {
	}

	private Mono<Void> interrupt(Stale stale) {
		Instant now = Instant.now();
		Problem problem = new ProblemException(ProblemCode.JOB_INTERRUPTED,
				"the server stopped while the job ran; whatever it applied was applied whole, the rest was not: "
						+ "compare again and run it again")
			.toProblem(null);
		SyncJob.JobView was = this.reader.readValue(stale.view(), SyncJob.JobView.class);
		SyncJob.JobView view = new SyncJob.JobView(was.jobId(), was.sessionId(), was.direction(), JobStatus.FAILED,
				was.dryRun(), was.phase(), was.progress(), null, problem, was.startedAt(), now, was.compare(),
				was.startedBy(), was.resolutions(), was.remote());
		JobEvent.Failed end = new JobEvent.Failed(problem, Duration.between(stale.startedAt(), now).toMillis(), null);
		log.info("Sync job {} was interrupted: its server stopped while it ran", stale.id());
		return this.database
			.sql("UPDATE sync_jobs SET status = 'failed', finished_at = $2, view = CAST($3 AS jsonb), "
					+ "end_event = CAST($4 AS jsonb) WHERE id = $1 AND status = 'running'")
			.bind(0, stale.id())
			.bind(1, now)
			.bind(2, this.json.writeValueAsString(view))
			.bind(3, this.json.writeValueAsString(end))
			.then();
	}

	private Stored stored(String view, String phases, String end) {
		SyncJob.JobView parsed = this.reader.readValue(view, SyncJob.JobView.class);
		List<JobPhase> list = this.reader.readValue(phases, new TypeReference<List<JobPhase>>() {
		});
		JobEvent event = null;
		if (end != null) {
			event = (parsed.status() == JobStatus.FAILED) ? this.reader.readValue(end, JobEvent.Failed.class)
					: this.reader.readValue(end, JobEvent.Completed.class);
		}
		return new Stored(parsed, list, event);
	}

}
