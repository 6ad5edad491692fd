package org.orchestrator.livesync.security.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.SyncMetrics;

import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits the peer API (and {@code /connect}, where passwords are guessed) to
 * {@code SYNC_RATE_LIMIT_PER_HOUR} requests per client address, with a token bucket that
 * refills steadily. A filter of the security chain ({@link SecurityConfig}): it runs
 * after the firewall and matches routes as the router does, so every spelling of a path
 * counts against the same bucket, and before authentication, so refused guesses count
 * too.
 */
@Component
class PeerRateLimit {

	private final PeerRateLimitProperties limits;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final SyncMetrics metrics;

	PeerRateLimit(PeerRateLimitProperties limits, SyncMetrics metrics) {
		this.limits = limits;
		this.metrics = metrics;
	}

	Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return ApiRoutes.RATE_LIMITED.matches(exchange)
			.flatMap((route) -> route.isMatch() ? consume(exchange, chain) : chain.filter(exchange));
	}

	private Mono<Void> consume(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.limits.enabled()) {
			this.metrics.peerRequest(false);
			return chain.filter(exchange);
		}
		ConsumptionProbe probe = this.buckets.computeIfAbsent(client(exchange), (client) -> newBucket())
			.tryConsumeAndReturnRemaining(1);
		this.metrics.peerRequest(!probe.isConsumed());
		if (probe.isConsumed()) {
			exchange.getResponse()
				.getHeaders()
				.set("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
			return chain.filter(exchange);
		}
		long retryAfter = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
		return Mono.error(new ProblemException(ProblemCode.RATE_LIMITED,
				"this client made more than " + this.limits.maxRequestsPerHour()
						+ " sync requests in the last hour; retry in " + retryAfter + " seconds")
			.withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter)));
	}

	private Bucket newBucket() {
		int perHour = this.limits.maxRequestsPerHour();
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)))
			.build();
	}

	private static String client(ServerWebExchange exchange) {
		InetSocketAddress address = exchange.getRequest().getRemoteAddress();
		return (address != null && address.getAddress() != null) ? address.getAddress().getHostAddress() : "unknown";
	}

	/** A full bucket is the same as none: drop it, so idle clients cost no memory. */
	@Scheduled(fixedDelay = 600_000)
	void forgetIdleClients() {
		int perHour = this.limits.maxRequestsPerHour();
		this.buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() >= perHour);
	}

}
