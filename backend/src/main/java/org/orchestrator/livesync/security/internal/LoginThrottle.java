package org.orchestrator.livesync.security.internal;

import java.time.Duration;
import java.util.Objects;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.SyncMetrics;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing at {@code /auth/login}: each client address may fail
 * {@value #FAILURES} times in a row, then one more attempt per minute. Only failures
 * count, so an operator who logs in often is never held up, while a guesser gets about
 * 1,400 guesses a day instead of thousands a second. The failures are counted in the
 * database ({@link RateBuckets}), across all replicas of a server.
 */
@Component
class LoginThrottle {

	static final int FAILURES = 10;

	private static final RateBuckets.Rate RATE = new RateBuckets.Rate(FAILURES, Duration.ofMinutes(1));

	private final RateBuckets buckets;

	private final SyncMetrics metrics;

	LoginThrottle(RateBuckets buckets, SyncMetrics metrics) {
		this.buckets = buckets;
		this.metrics = metrics;
	}

	/**
	 * Refuses a client that used up its failures, before its credentials are looked at,
	 * so a locked-out guesser learns nothing from the answer.
	 */
	Mono<Void> checkAllowed(ServerHttpRequest request) {
		return this.buckets.waitFor(bucket(request), RATE).flatMap((wait) -> {
			if (wait.isZero()) {
				return Mono.empty();
			}
			long retryAfter = RateBuckets.retryAfterSeconds(wait);
			this.metrics.loginFailed("throttled");
			return Mono.error(new ProblemException(ProblemCode.RATE_LIMITED,
					"too many failed logins from this address; retry in " + retryAfter + " seconds")
				.withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter)));
		});
	}

	Mono<Void> recordFailure(ServerHttpRequest request) {
		this.metrics.loginFailed("bad_credentials");
		return this.buckets.take(bucket(request), RATE).then();
	}

	private static String bucket(ServerHttpRequest request) {
		return "login:" + client(request);
	}

	/** The client's address as the audit log records it (the real one behind proxies). */
	private static String client(ServerHttpRequest request) {
		return Objects.requireNonNullElse(AuditLog.client(request), "unknown");
	}

}
