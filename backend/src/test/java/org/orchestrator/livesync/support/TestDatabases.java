package org.orchestrator.livesync.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.orchestrator.livesync.system.internal.startup.DatabaseUrl;

/**
 * Fresh, real PostgreSQL databases for tests: on the server named by
 * {@code TEST_DATABASE_URL} (CI points it at 127.0.0.1:5432), or else on one embedded
 * server started for this JVM.
 */
public final class TestDatabases {

	private static DatabaseUrl admin;

	private TestDatabases() {
	}

	/** Creates an empty database and returns its URL in {@code DATABASE_URL} form. */
	public static DatabaseUrl create() {
		DatabaseUrl server = admin();
		String name = "ls_test_" + UUID.randomUUID().toString().replace("-", "");
		execute(server, "CREATE DATABASE " + name);
		return server.withDatabase(name);
	}

	/**
	 * A copy of {@code database} as it is now, as a backup would restore it (nothing may
	 * be connected to it meanwhile).
	 */
	public static DatabaseUrl copy(DatabaseUrl database) {
		DatabaseUrl server = admin();
		String name = "ls_test_" + UUID.randomUUID().toString().replace("-", "");
		execute(server, "CREATE DATABASE " + name + " TEMPLATE " + database.database());
		return server.withDatabase(name);
	}

	/** Replaces {@code database} with a copy of {@code backup}, under its own name. */
	public static void restore(DatabaseUrl database, DatabaseUrl backup) {
		drop(database);
		execute(admin(), "CREATE DATABASE " + database.database() + " TEMPLATE " + backup.database());
	}

	public static void drop(DatabaseUrl database) {
		execute(admin(), "DROP DATABASE IF EXISTS " + database.database() + " WITH (FORCE)");
	}

	private static synchronized DatabaseUrl admin() {
		if (admin == null) {
			String configured = System.getenv("TEST_DATABASE_URL");
			admin = (configured != null && !configured.isBlank()) ? DatabaseUrl.parse(configured) : startEmbedded();
		}
		return admin;
	}

	private static DatabaseUrl startEmbedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			return new DatabaseUrl("localhost", postgres.getPort(), "postgres", "postgres", null, null);
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not start the embedded PostgreSQL for tests", ex);
		}
	}

	private static void execute(DatabaseUrl server, String sql) {
		Properties properties = new Properties();
		properties.setProperty("user", server.username());
		if (server.password() != null) {
			properties.setProperty("password", server.password());
		}
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), properties);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("test database statement failed: " + sql, ex);
		}
	}

}
