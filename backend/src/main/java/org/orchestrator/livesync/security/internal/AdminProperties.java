package org.orchestrator.livesync.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator account ({@code ADMIN_USERNAME} / {@code ADMIN_PASSWORD}) and its token
 * lifetime.
 */
@ConfigurationProperties("live-sync.admin")
public record AdminProperties(String username, String password, Duration tokenExpiry) {

	@Override
	public String toString() {
		return "AdminProperties[username=" + this.username + ", password=<redacted>, tokenExpiry=" + this.tokenExpiry
				+ "]";
	}

}
