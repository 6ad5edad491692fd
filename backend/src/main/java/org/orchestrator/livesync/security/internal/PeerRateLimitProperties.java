package org.orchestrator.livesync.security.internal;

import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seed's {@code sync.rate_limiting} block: requests per client per hour on the peer
 * API ({@code SYNC_RATE_LIMIT_PER_HOUR}). It lives with the limiter that enforces it, so
 * that security does not reach into the sync module for its settings.
 */
@ConfigurationProperties("sync.rate-limiting")
record PeerRateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100") int maxRequestsPerHour) {

	PeerRateLimitProperties {
		if (maxRequestsPerHour < 1) {
			throw new StartupProblem("SYNC_RATE_LIMIT_PER_HOUR must be at least 1");
		}
	}

}
