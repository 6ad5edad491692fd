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
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits the peer API (and {@code /connect}, where passwords are guessed) to
 * {@code SYNC_RATE_LIMIT_PER_HOUR} requests per client address, with a token bucket that
 * refills steadily, kept in the database ({@link RateBuckets}) so that all replicas of a
 * server count together. A filter of the security chain ({@link SecurityConfig}): it runs
 * after the firewall and matches routes as the router does, so every spelling of a path
 * counts against the same bucket, and before authentication, so refused guesses count
 * too. The client address is the real one behind trusted proxies ({@link TrustedProxies}
 * runs first).
 */
@Component
class PeerRateLimit {

	private final PeerRateLimitProperties limits;

	private final RateBuckets buckets;

	private final SyncMetrics metrics;

	PeerRateLimit(PeerRateLimitProperties limits, RateBuckets buckets, SyncMetrics metrics) {
		this.limits = limits;
		this.buckets = buckets;
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
		return this.buckets.take("peer:" + client(exchange.getRequest()), rate()).flatMap((taken) -> {
			this.metrics.peerRequest(!taken.allowed());
			if (taken.allowed()) {
				exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", String.valueOf(taken.remaining()));
				return chain.filter(exchange);
			}
			long retryAfter = RateBuckets.retryAfterSeconds(taken.retryAfter());
			return Mono.error(new ProblemException(ProblemCode.RATE_LIMITED,
					"this client made more than " + this.limits.maxRequestsPerHour()
							+ " sync requests in the last hour; retry in " + retryAfter + " seconds")
				.withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter)));
		});
	}

	private RateBuckets.Rate rate() {
		int perHour = this.limits.maxRequestsPerHour();
		return new RateBuckets.Rate(perHour, Duration.ofHours(1).dividedBy(perHour));
	}

	/** The client's address as the audit log records it (the real one behind proxies). */
	private static String client(ServerHttpRequest request) {
		return Objects.requireNonNullElse(AuditLog.client(request), "unknown");
	}

}
