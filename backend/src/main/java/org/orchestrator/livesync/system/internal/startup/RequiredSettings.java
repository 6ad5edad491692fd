package org.orchestrator.livesync.system.internal.startup;

import java.net.InetAddress;
import java.util.Map;

import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Checks the settings the server cannot run without before anything else starts, and
 * settles the server name (which also names the embedded database's data directory).
 */
public class RequiredSettings implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	static final String SERVER_NAME = "live-sync.server-name";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		String adminPassword = environment.getProperty("live-sync.admin.password", "");
		if (adminPassword.isBlank()) {
			throw new StartupProblem("ADMIN_PASSWORD is not set: set it to the operator password for the UI, CLI "
					+ "and inventory API (for example: ADMIN_PASSWORD=change-me make run)");
		}
		String serverName = environment.getProperty(SERVER_NAME, "");
		if (serverName.isBlank()) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("live-sync-server-name", Map.of(SERVER_NAME, hostName())));
		}
		else if (!serverName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
			throw new StartupProblem("SERVER_NAME '" + serverName
					+ "' is not valid: use letters, digits, '.', '_' or '-' (it also names the data directory)");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static String hostName() {
		try {
			String name = InetAddress.getLocalHost().getHostName();
			return name.replaceAll("[^A-Za-z0-9._-]", "-");
		}
		catch (Exception ex) {
			return "orchestrator";
		}
	}

}
