package org.orchestrator.livesync.bench;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL server the benchmark runs on (BENCH_DATABASE_URL, else
 * TEST_DATABASE_URL, else 127.0.0.1:5432 as postgres): fresh databases, resets between
 * repetitions, and the raw copy a user would reach for, {@code pg_dump | psql}.
 */
final class Databases {

	private final URI admin;

	Databases(String adminUrl) {
		this.admin = URI.create(adminUrl);
	}

	String create(String prefix) throws SQLException {
		String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
		execute("postgres", "CREATE DATABASE " + name);
		return name;
	}

	void drop(String name) throws SQLException {
		execute("postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	/** The URL a server is given as DATABASE_URL. */
	String url(String database) {
		String userInfo = (this.admin.getUserInfo() != null) ? this.admin.getUserInfo() + "@" : "postgres@";
		return "postgresql://" + userInfo + host() + ":" + port() + "/" + database;
	}

	void execute(String database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbc(database), user(), password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Empties a server's inventory and sync records, as if it had never been synced. */
	void reset(String database) throws SQLException {
		execute(database, "TRUNCATE nodes, clusters, cluster_nodes, ssh_keys, configurations, tombstones, sync_bases, "
				+ "sync_received_packages, sync_offered_packages, sync_offered_items, sync_checkpoints CASCADE");
	}

	/**
	 * Forgets what a server recorded of earlier syncs (so the next one is a full one).
	 */
	void forgetSyncs(String database) throws SQLException {
		execute(database, "TRUNCATE sync_bases, sync_received_packages, sync_offered_packages, sync_offered_items, "
				+ "sync_checkpoints CASCADE");
	}

	/**
	 * {@code pg_dump --data-only -t ... source | psql target}; returns the seconds it
	 * took.
	 */
	double dumpAndRestore(String source, String target, List<String> tables) throws Exception {
		StringBuilder command = new StringBuilder("set -o pipefail; pg_dump --data-only");
		tables.forEach((table) -> command.append(" --table=").append(table));
		command.append(" -h ")
			.append(host())
			.append(" -p ")
			.append(port())
			.append(" -U ")
			.append(user())
			.append(' ')
			.append(source);
		command.append(" | psql -q -v ON_ERROR_STOP=1 -h ")
			.append(host())
			.append(" -p ")
			.append(port())
			.append(" -U ")
			.append(user())
			.append(' ')
			.append(target)
			.append(" > /dev/null");
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", command.toString()).inheritIO();
		if (password() != null) {
			builder.environment().put("PGPASSWORD", password());
		}
		long started = System.nanoTime();
		int exit = builder.start().waitFor();
		double seconds = (System.nanoTime() - started) / 1e9;
		if (exit != 0) {
			throw new IllegalStateException("pg_dump | psql failed (exit " + exit + ")");
		}
		return seconds;
	}

	private String jdbc(String database) {
		return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
	}

	private String host() {
		return this.admin.getHost();
	}

	private int port() {
		return (this.admin.getPort() > 0) ? this.admin.getPort() : 5432;
	}

	private String user() {
		return (this.admin.getUserInfo() != null) ? this.admin.getUserInfo().split(":", 2)[0] : "postgres";
	}

	private String password() {
		String info = this.admin.getUserInfo();
		return (info != null && info.contains(":")) ? info.split(":", 2)[1] : null;
	}

}
