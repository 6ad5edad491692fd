package org.orchestrator.livesync.sync.internal;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * This server's hybrid logical clock, kept in the database that stamps every change with
 * it (see migration V14): what a package tells its target, and what a received package
 * moves forward.
 */
@Component
public class HybridClock {

	private final DatabaseClient database;

	HybridClock(DatabaseClient database) {
		this.database = database;
	}

	/** The clock now, as a sender tells it. */
	public Mono<Long> now() {
		return this.database.sql("SELECT hlc_now()").map((row) -> row.get(0, Long.class)).one();
	}

	/**
	 * Moves the clock past a peer's ({@code peer} null: an older peer that sent none), so
	 * every later change here is stamped later.
	 */
	public Mono<Void> observe(Long peer) {
		if (peer == null) {
			return Mono.empty();
		}
		return this.database.sql("SELECT hlc_observe($1)").bind(0, peer).then();
	}

	/** The physical part of a stamp: milliseconds since 1970 (for logs and views). */
	public static long millis(long stamp) {
		return stamp >>> 16;
	}

}
