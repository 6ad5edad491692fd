package org.orchestrator.livesync.security.internal;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in PostgreSQL, so that the replicas of a server count one client's
 * requests together. Each bucket is one timestamp, its "theoretical arrival time" (the
 * generic cell rate algorithm): a request moves it one interval forward, and is refused
 * when that would put it more than a full bucket ahead of now. Each take is one
 * statement, atomic on its own, timed by the database's clock, which all replicas share.
 */
@Component
class RateBuckets {

	private final DatabaseClient database;

	RateBuckets(DatabaseClient database) {
		this.database = database;
	}

	/** Takes one token from {@code bucket} if it holds one. */
	Mono<Taken> take(String bucket, Rate rate) {
		return this.database
			.sql("""
					INSERT INTO rate_limit_buckets AS b (bucket, arrival_at)
					VALUES ($1, now() + make_interval(secs => $2))
					ON CONFLICT (bucket) DO UPDATE SET arrival_at = GREATEST(b.arrival_at, now()) + make_interval(secs => $2)
					WHERE GREATEST(b.arrival_at, now()) + make_interval(secs => $2) <= now() + make_interval(secs => $3)
					RETURNING EXTRACT(EPOCH FROM now() + make_interval(secs => $3) - arrival_at)::float8""")
			.bind(0, bucket)
			.bind(1, rate.intervalSeconds())
			.bind(2, rate.burstSeconds())
			.map((row) -> row.get(0, Double.class))
			.one()
			.map((slack) -> new Taken(true, (long) Math.floor(slack / rate.intervalSeconds() + 1e-9), Duration.ZERO))
			.switchIfEmpty(Mono.defer(() -> waitFor(bucket, rate).map((wait) -> new Taken(false, 0, wait))));
	}

	/**
	 * How long until {@code bucket} holds a token again; zero when it holds one now (a
	 * bucket nobody took from is full).
	 */
	Mono<Duration> waitFor(String bucket, Rate rate) {
		return this.database.sql("""
				SELECT EXTRACT(EPOCH FROM GREATEST(arrival_at, now()) + make_interval(secs => $2)
				  - make_interval(secs => $3) - now())::float8
				FROM rate_limit_buckets WHERE bucket = $1""")
			.bind(0, bucket)
			.bind(1, rate.intervalSeconds())
			.bind(2, rate.burstSeconds())
			.map((row) -> row.get(0, Double.class))
			.one()
			.map((seconds) -> (seconds > 0) ? Duration.ofMillis((long) Math.ceil(seconds * 1000)) : Duration.ZERO)
			.defaultIfEmpty(Duration.ZERO);
	}

	/** A full bucket is the same as none: drop them, so idle clients cost nothing. */
	@Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
	void forgetFullBuckets() {
		this.database.sql("DELETE FROM rate_limit_buckets WHERE arrival_at < now()")
			.then()
			.onErrorComplete()
			.subscribe();
	}

	/** Retry-After in whole seconds, at least one. */
	static long retryAfterSeconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

	/** A bucket of {@code capacity} tokens, refilled one token per {@code interval}. */
	record Rate(int capacity, Duration interval) {

		double intervalSeconds() {
			return this.interval.toNanos() / 1e9;
		}

		double burstSeconds() {
			return this.capacity * intervalSeconds();
		}

	}

	/**
	 * Whether a token was taken, how many are left, and else how long to wait for one.
	 */
	record Taken(boolean allowed, long remaining, Duration retryAfter) {
	}

}
