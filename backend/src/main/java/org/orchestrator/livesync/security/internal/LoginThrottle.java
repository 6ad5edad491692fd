package org.orchestrator.livesync.security.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;

import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.SyncMetrics;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing at {@code /auth/login}: each client address may fail
 * {@value #FAILURES} times in a row, then one more attempt per minute. Only failures
 * count, so an operator who logs in often is never held up, while a guesser gets about
 * 1,400 guesses a day instead of thousands a second.
 */
@Component
class LoginThrottle {

	static final int FAILURES = 10;

	private static final Duration REFILL = Duration.ofMinutes(FAILURES);

	private final Map<String, Bucket> failures = new ConcurrentHashMap<>();

	private final SyncMetrics metrics;

	LoginThrottle(SyncMetrics metrics) {
		this.metrics = metrics;
	}

	/**
	 * Refuses a client that used up its failures, before its credentials are looked at,
	 * so a locked-out guesser learns nothing from the answer.
	 */
	void checkAllowed(ServerHttpRequest request) {
		Bucket bucket = this.failures.get(client(request));
		if (bucket == null || bucket.getAvailableTokens() > 0) {
			return;
		}
		long retryAfter = Math.max(1,
				Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()).toSeconds() + 1);
		this.metrics.loginFailed("throttled");
		throw new ProblemException(ProblemCode.RATE_LIMITED,
				"too many failed logins from this address; retry in " + retryAfter + " seconds")
			.withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
	}

	void recordFailure(ServerHttpRequest request) {
		this.metrics.loginFailed("bad_credentials");
		this.failures.computeIfAbsent(client(request), (client) -> newBucket()).tryConsume(1);
	}

	private static Bucket newBucket() {
		return Bucket.builder().addLimit((limit) -> limit.capacity(FAILURES).refillGreedy(FAILURES, REFILL)).build();
	}

	private static String client(ServerHttpRequest request) {
		InetSocketAddress address = request.getRemoteAddress();
		return (address != null && address.getAddress() != null) ? address.getAddress().getHostAddress() : "unknown";
	}

	/**
	 * A full bucket is the same as none: drop it, so clients that stopped failing cost
	 * nothing.
	 */
	@Scheduled(fixedDelay = 600_000)
	void forgetRecoveredClients() {
		this.failures.values().removeIf((bucket) -> bucket.getAvailableTokens() >= FAILURES);
	}

}
