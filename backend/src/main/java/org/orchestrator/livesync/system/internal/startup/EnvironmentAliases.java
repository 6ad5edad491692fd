package org.orchestrator.livesync.system.internal.startup;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Gives the documented environment variables their settings, above
 * {@code config/local.yml} and {@code application.yml}: Spring's relaxed binding alone
 * would not map {@code SYNC_TOKEN_EXPIRY} to {@code sync.token-expiry}.
 */
public class EnvironmentAliases implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	private static final Map<String, String> ALIASES = Map.of("SYNC_PASSWORD", "sync.password", "SYNC_REMOTE_URL",
			"sync.default-remote-url", "SYNC_TOKEN_EXPIRY", "sync.token-expiry", "SYNC_RATE_LIMIT_PER_HOUR",
			"sync.rate-limiting.max-requests-per-hour", "SYNC_APPLY_TIMEOUT", "sync.apply-timeout",
			"SYNC_HISTORY_RETENTION_DAYS", "sync.history-retention-days", "MANAGEMENT_PORT", "management.server.port",
			"SYNC_TRUST_CA_FILE", "sync.trust.ca-file");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> settings = new HashMap<>();
		ALIASES.forEach((variable, property) -> {
			String value = environment.getProperty(variable);
			if (value != null && !value.isEmpty()) {
				settings.put(property, value);
			}
		});
		if (settings.isEmpty()) {
			return;
		}
		MapPropertySource aliases = new MapPropertySource("live-sync-environment-aliases", settings);
		if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, aliases);
		}
		else {
			environment.getPropertySources().addFirst(aliases);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
