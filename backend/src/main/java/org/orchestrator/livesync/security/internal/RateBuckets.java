package org.orchestrator.livesync.security.internal;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in PostgreSQL, so that the replicas of a server count one client's
 * requests together. Each bucket holds the requests a client has used, draining at the
 * limit's rate: a request is let through when one more still fits. Each take is one
 * statement, atomic on its own, timed by the database's clock, which all replicas share.
 */
@Component
class RateBuckets {

	/** What the bucket holds now: what it held, less what drained since. */
	private static final String LEVEL = "GREATEST(0, b.used - EXTRACT(EPOCH FROM now() - b.updated_at) * $2)";

	private final DatabaseClient database;

	RateBuckets(DatabaseClient database) {
		this.database = database;
	}

	/** Takes one token from {@code bucket} if it holds one. */
	Mono<Taken> take(String bucket, Rate rate) {
		return this.database
			.sql("INSERT INTO rate_limit_buckets AS b (bucket, used, updated_at, drained_at) "
					+ "VALUES ($1, 1, now(), now() + make_interval(secs => 1 / $2)) "
					+ "ON CONFLICT (bucket) DO UPDATE SET used = " + LEVEL + " + 1, updated_at = now(), "
					+ "drained_at = now() + make_interval(secs => (" + LEVEL + " + 1) / $2) " + "WHERE " + LEVEL
					+ " + 1 <= $3 RETURNING used")
			.bind(0, bucket)
			.bind(1, rate.perSecond())
			.bind(2, (double) rate.capacity())
			.map((row) -> row.get(0, Double.class))
			.one()
			.map((used) -> new Taken(true, (long) Math.floor(rate.capacity() - used + 1e-9), Duration.ZERO))
			.switchIfEmpty(Mono.defer(() -> waitFor(bucket, rate).map((wait) -> new Taken(false, 0, wait))));
	}

	/**
	 * How long until {@code bucket} holds a token again; zero when it holds one now (a
	 * bucket nobody took from is full).
	 */
	Mono<Duration> waitFor(String bucket, Rate rate) {
		return this.database.sql("SELECT (" + LEVEL + " + 1 - $3) / $2 FROM rate_limit_buckets b WHERE b.bucket = $1")
			.bind(0, bucket)
			.bind(1, rate.perSecond())
			.bind(2, (double) rate.capacity())
			.map((row) -> row.get(0, Double.class))
			.one()
			.map((seconds) -> (seconds > 0) ? Duration.ofMillis((long) Math.ceil(seconds * 1000)) : Duration.ZERO)
			.defaultIfEmpty(Duration.ZERO);
	}

	/** An empty bucket is the same as none: drop them, so idle clients cost nothing. */
	@Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
	void forgetDrainedBuckets() {
		this.database.sql("DELETE FROM rate_limit_buckets WHERE drained_at < now()")
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

		double perSecond() {
			return 1e9 / this.interval.toNanos();
		}

	}

	/**
	 * Whether a token was taken, how many are left, and else how long to wait for one.
	 */
	record Taken(boolean allowed, long remaining, Duration retryAfter) {
	}

}
