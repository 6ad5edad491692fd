package org.orchestrator.livesync.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real server for CLI tests: the backend's jar (built by the reactor before this
 * module) in its own JVM, on a fresh database of the PostgreSQL named by
 * TEST_DATABASE_URL, or on its own embedded PostgreSQL when that is unset.
 */
final class BackendProcess implements AutoCloseable {

	static final String ADMIN_PASSWORD = "cli-test-admin";

	static final String SYNC_PASSWORD = "cli-test-sync";

	private static final Path JAR = Path.of("..", "backend", "target", "live-sync-backend-1.0.0.jar");

	private final Process process;

	private final int port;

	private final Path directory;

	private final String database;

	private BackendProcess(Process process, int port, Path directory, String database) {
		this.process = process;
		this.port = port;
		this.directory = directory;
		this.database = database;
	}

	static BackendProcess start(String name) throws Exception {
		if (!Files.exists(JAR)) {
			throw new IllegalStateException(JAR + " is missing: build the backend first (mvn -pl backend package)");
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path directory = Files.createTempDirectory("cli-test-" + name);
		Map<String, String> environment = new HashMap<>(Map.of("SERVER_PORT", String.valueOf(port), "SERVER_NAME", name,
				"ADMIN_PASSWORD", ADMIN_PASSWORD, "SYNC_PASSWORD", SYNC_PASSWORD, "SYNC_RATE_LIMIT_PER_HOUR", "10000"));
		String database = null;
		String admin = System.getenv("TEST_DATABASE_URL");
		if (admin != null && !admin.isBlank()) {
			database = "ls_cli_" + UUID.randomUUID().toString().replace("-", "");
			execute(admin, "CREATE DATABASE " + database);
			environment.put("DATABASE_URL", admin.substring(0, admin.lastIndexOf('/') + 1) + database);
		}
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", JAR.toAbsolutePath().toString())
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("server.log").toFile());
		builder.environment()
			.keySet()
			.removeIf((key) -> key.startsWith("SYNC_") || key.startsWith("ADMIN_") || key.startsWith("SERVER_")
					|| key.equals("DATABASE_URL"));
		builder.environment().putAll(environment);
		BackendProcess server = new BackendProcess(builder.start(), port, directory, database);
		server.awaitHealthy();
		return server;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	Server operator() {
		Server client = new Server(url());
		client.login("admin", ADMIN_PASSWORD);
		return client;
	}

	private void awaitHealthy() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline) && this.process.isAlive()) {
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create(url() + "/api/v1/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				Thread.sleep(300);
			}
		}
		String log = Files.readString(this.directory.resolve("server.log"));
		close();
		throw new IllegalStateException("the server did not come up:\n" + log);
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
		if (this.database != null) {
			execute(System.getenv("TEST_DATABASE_URL"), "DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
		}
	}

	/**
	 * Runs a statement on the test PostgreSQL, given as
	 * postgresql://user[:password]@host:port/db.
	 */
	private static void execute(String url, String sql) throws Exception {
		URI uri = URI.create(url);
		String[] user = (uri.getUserInfo() != null) ? uri.getUserInfo().split(":", 2) : new String[] { "postgres" };
		String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + ((uri.getPort() > 0) ? uri.getPort() : 5432)
				+ uri.getPath();
		try (Connection connection = DriverManager.getConnection(jdbc, user[0], (user.length > 1) ? user[1] : null);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
