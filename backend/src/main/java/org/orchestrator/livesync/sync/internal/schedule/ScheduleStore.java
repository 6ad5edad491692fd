package org.orchestrator.livesync.sync.internal.schedule;

import java.time.Instant;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.system.SqlValues;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code sync_schedules}. */
@Repository
class ScheduleStore {

	private static final String COLUMNS = "name, cron, peers, CAST(selection AS text) AS selection, direction, "
			+ "conflict_policy, apply, paused, next_run_at, last_run_at, last_job_ids, last_error, missed_runs, "
			+ "last_missed_at, created_at, updated_at";

	private final DatabaseClient database;

	ScheduleStore(DatabaseClient database) {
		this.database = database;
	}

	/** A schedule as stored; {@code selection} is its JSON text. */
	record StoredSchedule(String name, String cron, List<String> peers, String selection, String direction,
			String conflictPolicy, String apply, boolean paused, Instant nextRunAt, Instant lastRunAt,
			List<String> lastJobIds, String lastError, int missedRuns, Instant lastMissedAt, Instant createdAt,
			Instant updatedAt) {
	}

	Flux<StoredSchedule> all() {
		return this.database.sql("SELECT " + COLUMNS + " FROM sync_schedules ORDER BY name")
			.map(ScheduleStore::schedule)
			.all();
	}

	Mono<StoredSchedule> find(String name) {
		return this.database.sql("SELECT " + COLUMNS + " FROM sync_schedules WHERE name = $1")
			.bind(0, name)
			.map(ScheduleStore::schedule)
			.one();
	}

	/** Inserts {@code schedule}; false when one of that name exists. */
	Mono<Boolean> insert(StoredSchedule schedule) {
		return bindSettings(this.database.sql("INSERT INTO sync_schedules (name, cron, peers, selection, direction, "
				+ "conflict_policy, apply, next_run_at, paused, created_at, updated_at) "
				+ "VALUES ($1, $2, $3, CAST($4 AS jsonb), $5, $6, $7, $8, $9, $10, $10) ON CONFLICT (name) DO NOTHING"),
				schedule)
			.bind(8, schedule.paused())
			.bind(9, schedule.createdAt())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/** Replaces a schedule's settings and its next due time; false when there is none. */
	Mono<Boolean> update(StoredSchedule schedule) {
		return bindSettings(this.database.sql("UPDATE sync_schedules SET cron = $2, peers = $3, "
				+ "selection = CAST($4 AS jsonb), direction = $5, conflict_policy = $6, apply = $7, "
				+ "next_run_at = $8, updated_at = $9 WHERE name = $1"), schedule)
			.bind(8, schedule.updatedAt())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	private static DatabaseClient.GenericExecuteSpec bindSettings(DatabaseClient.GenericExecuteSpec sql,
			StoredSchedule schedule) {
		return sql.bind(0, schedule.name())
			.bind(1, schedule.cron())
			.bind(2, schedule.peers().toArray(String[]::new))
			.bind(3, schedule.selection())
			.bind(4, schedule.direction())
			.bind(5, schedule.conflictPolicy())
			.bind(6, schedule.apply())
			.bind(7, schedule.nextRunAt());
	}

	Mono<Boolean> delete(String name) {
		return this.database.sql("DELETE FROM sync_schedules WHERE name = $1")
			.bind(0, name)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Pauses or resumes; a resumed schedule is next due at {@code nextRunAt}, so that the
	 * due times it slept through are not counted as missed.
	 */
	Mono<Boolean> paused(String name, boolean paused, Instant nextRunAt, Instant now) {
		return this.database
			.sql("UPDATE sync_schedules SET paused = $2, next_run_at = $3, updated_at = $4 WHERE name = $1")
			.bind(0, name)
			.bind(1, paused)
			.bind(2, nextRunAt)
			.bind(3, now)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/** The schedules due at {@code now} that are not paused. */
	Flux<StoredSchedule> due(Instant now) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM sync_schedules WHERE NOT paused AND next_run_at <= $1 "
					+ "ORDER BY next_run_at LIMIT 100")
			.bind(0, now)
			.map(ScheduleStore::schedule)
			.all();
	}

	/**
	 * Claims the due time {@code due} of a schedule for this server: true for exactly one
	 * of the servers that try, as the row moves on to {@code next} at once.
	 * {@code missed} due times passed with nobody running them.
	 */
	Mono<Boolean> claim(String name, Instant due, Instant next, Instant now, int missed) {
		return this.database
			.sql("UPDATE sync_schedules SET next_run_at = $3, last_run_at = $4, missed_runs = missed_runs + $5, "
					+ "last_missed_at = CASE WHEN $5 > 0 THEN $4 ELSE last_missed_at END "
					+ "WHERE name = $1 AND next_run_at = $2 AND NOT paused")
			.bind(0, name)
			.bind(1, due)
			.bind(2, next)
			.bind(3, now)
			.bind(4, missed)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows == 1);
	}

	/**
	 * Whether a job of the schedule's last run is still running, on any replica (one that
	 * stopped gets its jobs marked interrupted by the others).
	 */
	Mono<Boolean> lastRunGoesOn(String name) {
		return this.database.sql("""
				SELECT EXISTS (SELECT 1 FROM sync_schedules s
				  JOIN sync_jobs j ON j.id = ANY (CAST(s.last_job_ids AS uuid[]))
				  WHERE s.name = $1 AND j.status = 'running')""")
			.bind(0, name)
			.map((row) -> row.get(0, Boolean.class))
			.one()
			.defaultIfEmpty(false);
	}

	/**
	 * When the last run began (run now too), what it started, and why it failed if it did
	 * (null: it did not).
	 */
	Mono<Void> ran(String name, Instant at, List<String> jobIds, String error) {
		return this.database
			.sql("UPDATE sync_schedules SET last_run_at = $2, last_job_ids = $3, last_error = $4 WHERE name = $1")
			.bind(0, name)
			.bind(1, at)
			.bind(2, jobIds.toArray(String[]::new))
			.bind(3, SqlValues.orNull(error, String.class))
			.then();
	}

	private static StoredSchedule schedule(Readable row) {
		return new StoredSchedule(row.get("name", String.class), row.get("cron", String.class),
				List.of(row.get("peers", String[].class)), row.get("selection", String.class),
				row.get("direction", String.class), row.get("conflict_policy", String.class),
				row.get("apply", String.class), Boolean.TRUE.equals(row.get("paused", Boolean.class)),
				row.get("next_run_at", Instant.class), row.get("last_run_at", Instant.class),
				List.of(row.get("last_job_ids", String[].class)), row.get("last_error", String.class),
				row.get("missed_runs", Integer.class), row.get("last_missed_at", Instant.class),
				row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
	}

}
