package org.orchestrator.livesync.sync.internal;

import java.time.Duration;
import java.util.Set;

import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seed's {@code sync:} block of {@code config/local.yml}, with the environment
 * variables {@code SYNC_PASSWORD}, {@code SYNC_REMOTE_URL}, {@code SYNC_TOKEN_EXPIRY} and
 * {@code SYNC_APPLY_TIMEOUT} and {@code SYNC_HISTORY_RETENTION_DAYS} taking precedence
 * over the file. {@code applyTimeout} bounds how long applying one package may hold its
 * transaction (and the row locks it took).
 */
@ConfigurationProperties("sync")
public record SyncProperties(@DefaultValue("true") boolean enabled, String password, String defaultRemoteUrl,
		@DefaultValue("3600") long tokenExpiry, @DefaultValue Encryption encryption,
		@DefaultValue("10m") Duration applyTimeout, @DefaultValue("90") int historyRetentionDays) {

	public SyncProperties {
		if (tokenExpiry < 60 || tokenExpiry > 7 * 24 * 3600) {
			throw new StartupProblem("SYNC_TOKEN_EXPIRY (sync.token_expiry) must be between 60 and 604800 seconds");
		}
		if (applyTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new StartupProblem("SYNC_APPLY_TIMEOUT (sync.apply_timeout) must be at least 1s");
		}
		if (historyRetentionDays < 1 || historyRetentionDays > 36_500) {
			throw new StartupProblem(
					"SYNC_HISTORY_RETENTION_DAYS (sync.history_retention_days) must be between 1 and 36500");
		}
	}

	public Duration tokenLifetime() {
		return Duration.ofSeconds(this.tokenExpiry);
	}

	public boolean hasPassword() {
		return this.password != null && !this.password.isEmpty();
	}

	@Override
	public String toString() {
		return "SyncProperties[enabled=" + this.enabled + ", password=" + (hasPassword() ? "<redacted>" : "none")
				+ ", defaultRemoteUrl=" + this.defaultRemoteUrl + ", tokenExpiry=" + this.tokenExpiry
				+ ", applyTimeout=" + this.applyTimeout + ", historyRetentionDays=" + this.historyRetentionDays + "]";
	}

	/** Whether packages must be encrypted; AES-256(-GCM) is the one algorithm. */
	public record Encryption(@DefaultValue("true") boolean enabled, @DefaultValue("AES-256") String algorithm) {

		private static final Set<String> ALGORITHMS = Set.of("AES-256", "AES-256-GCM");

		public Encryption {
			if (!ALGORITHMS.contains(algorithm)) {
				throw new StartupProblem(
						"sync.encryption.algorithm '" + algorithm + "' is not supported: use AES-256 (AES-256-GCM)");
			}
		}

	}

}
