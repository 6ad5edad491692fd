package org.orchestrator.livesync.sync.internal.transfer;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.DatabaseErrors;
import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * How long applying a package may hold its transaction: {@code SYNC_APPLY_TIMEOUT} for
 * the whole of it, and PostgreSQL's own timeouts inside it, so that neither a slow
 * statement, a wait for another transaction's row lock nor a stalled server keeps locks
 * for longer.
 */
@Component
class ApplyBounds {

	/** Our own code never leaves the transaction idle for more than moments. */
	private static final Duration IDLE = Duration.ofSeconds(60);

	/** An operator's edit holds its row lock for milliseconds. */
	private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

	private final DatabaseClient database;

	private final Duration timeout;

	ApplyBounds(DatabaseClient database, SyncProperties sync) {
		this.database = database;
		this.timeout = sync.applyTimeout();
	}

	Duration timeout() {
		return this.timeout;
	}

	/** The first statements of an apply transaction: its timeouts, for it alone. */
	Mono<Void> apply() {
		return this.database
			.sql("SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $2, true), "
					+ "set_config('idle_in_transaction_session_timeout', $3, true)")
			.bind(0, millis(this.timeout))
			.bind(1, millis(min(LOCK_WAIT, this.timeout)))
			.bind(2, millis(min(IDLE, this.timeout)))
			.then();
	}

	ProblemException exceeded() {
		return new ProblemException(ProblemCode.APPLY_TIMEOUT,
				"applying the package ran out of time (SYNC_APPLY_TIMEOUT is " + this.timeout.toSeconds()
						+ " s, a lock wait at most " + min(LOCK_WAIT, this.timeout).toSeconds()
						+ " s); nothing was changed");
	}

	/** PostgreSQL stopped the apply on one of these timeouts. */
	static boolean isTimeout(Throwable failure) {
		DatabaseErrors error = DatabaseErrors.of(failure);
		return error != null && error.isTimeout();
	}

	private static String millis(Duration duration) {
		return duration.toMillis() + "ms";
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
