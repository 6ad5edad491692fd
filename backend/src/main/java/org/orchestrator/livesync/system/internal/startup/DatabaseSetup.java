package org.orchestrator.livesync.system.internal.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code DATABASE_URL} into the R2DBC and Flyway settings. Without it, starts an
 * embedded PostgreSQL whose data lives under {@code <data-dir>/<server name>/postgres},
 * so the server runs on a machine with nothing but a JDK.
 */
public class DatabaseSetup implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	private static final Log log = LogFactory.getLog(DatabaseSetup.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (environment.containsProperty("spring.r2dbc.url")) {
			// Spring's own connection settings, given explicitly, are left alone (a test
			// of one controller gives an unused one: it runs without a database).
			return;
		}
		String configured = environment.getProperty("DATABASE_URL", "");
		DatabaseUrl url;
		if (configured.isBlank()) {
			url = startEmbedded(context, environment);
		}
		else {
			url = DatabaseUrl.parse(configured);
			checkReachable(url);
		}
		Map<String, Object> settings = new HashMap<>();
		settings.put("spring.r2dbc.url", url.r2dbcUrl());
		settings.put("spring.r2dbc.username", url.username());
		settings.put("spring.flyway.url", url.jdbcUrl());
		settings.put("spring.flyway.user", url.username());
		if (url.password() != null) {
			settings.put("spring.r2dbc.password", url.password());
			settings.put("spring.flyway.password", url.password());
		}
		environment.getPropertySources().addFirst(new MapPropertySource("live-sync-database", settings));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private DatabaseUrl startEmbedded(ConfigurableApplicationContext context, ConfigurableEnvironment environment) {
		Path dataDir = Path.of(environment.getProperty("live-sync.data-dir", "./data"),
				environment.getProperty(RequiredSettings.SERVER_NAME, "orchestrator"), "postgres");
		try {
			Files.createDirectories(dataDir);
			log.info("DATABASE_URL is not set: starting the embedded PostgreSQL with data in " + dataDir);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.start();
			context.addApplicationListener((ContextClosedEvent event) -> close(postgres));
			return new DatabaseUrl("localhost", postgres.getPort(), "postgres", "postgres", null, null);
		}
		catch (IOException | RuntimeException ex) {
			throw new StartupProblem("could not start the embedded PostgreSQL in " + dataDir + ": " + rootMessage(ex)
					+ " (is another server using the same SERVER_NAME? or set DATABASE_URL)");
		}
	}

	private static void checkReachable(DatabaseUrl url) {
		Properties properties = new Properties();
		properties.setProperty("user", url.username());
		if (url.password() != null) {
			properties.setProperty("password", url.password());
		}
		properties.setProperty("connectTimeout", "5");
		properties.setProperty("socketTimeout", "10");
		try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), properties)) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			throw new StartupProblem("cannot connect to the database " + url + " (DATABASE_URL): " + rootMessage(ex));
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			log.warn("Could not stop the embedded PostgreSQL cleanly: " + ex.getMessage());
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return message.lines().findFirst().orElse(message).strip();
	}

}
