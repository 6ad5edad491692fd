package org.orchestrator.livesync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.LiveSyncApplication;
import org.orchestrator.livesync.system.internal.startup.DatabaseUrl;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real server for tests: the production application on a free port, with its own fresh
 * database, its own master keyset and the operator password {@link #ADMIN_PASSWORD}. Use
 * it as a JUnit extension
 * ({@code @RegisterExtension static TestServer server = new TestServer()}) to get one per
 * test class, or start and close it by hand.
 */
public class TestServer implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

	public static final String ADMIN_PASSWORD = "test-admin-password";

	/** JSON as the API writes it. */
	public static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	private final Map<String, String> properties = new LinkedHashMap<>();

	private ConfigurableApplicationContext context;

	private DatabaseUrl database;

	private Path directory;

	private String operatorToken;

	/** Where clients reach this server, when not at its own port. */
	private String reachedAt;

	public TestServer() {
		this.properties.put("server.port", "0");
		this.properties.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
		this.properties.put("SERVER_NAME", "test");
		// Tests sync often from one address; the limit itself has its own test.
		this.properties.put("SYNC_RATE_LIMIT_PER_HOUR", "100000");
		// Many servers share a JVM and a directory: their lines go to the console alone.
		this.properties.put("LOG_FILE", "");
		// Small pools: a test class may run several servers against one shared
		// PostgreSQL.
		this.properties.put("DATABASE_POOL_SIZE", "4");
	}

	/**
	 * Sets a property (an environment variable name such as {@code SYNC_PASSWORD} works
	 * too).
	 */
	public TestServer with(String name, String value) {
		this.properties.put(name, value);
		return this;
	}

	public TestServer start() {
		// Kept across a restart: the master keyset must stay the one the database knows.
		if (this.directory == null) {
			try {
				this.directory = Files.createTempDirectory("live-sync-test");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		List<String> args = new ArrayList<>();
		// A DATABASE_URL given with with() is the caller's: this server neither creates
		// nor drops it.
		if (!this.properties.containsKey("DATABASE_URL")) {
			if (this.database == null) {
				this.database = TestDatabases.create();
			}
			args.add("--DATABASE_URL=" + this.database.toUrlWithPassword());
		}
		if (!this.properties.containsKey("MASTER_KEY_FILE")) {
			args.add("--live-sync.master-key-file=" + this.directory.resolve("master-keyset.json"));
		}
		this.properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		this.context = new SpringApplicationBuilder(LiveSyncApplication.class).run(args.toArray(String[]::new));
		return this;
	}

	/**
	 * Another replica of this running server, not started yet: the same database and
	 * master keyset, with the same other settings.
	 */
	public TestServer replica() {
		TestServer replica = new TestServer();
		replica.properties.putAll(this.properties);
		String url = (this.database != null) ? this.database.toUrlWithPassword() : this.properties.get("DATABASE_URL");
		return replica.with("DATABASE_URL", url)
			.with("MASTER_KEY_FILE", this.directory.resolve("master-keyset.json").toString());
	}

	/**
	 * Stops the server but keeps its database, so that {@link #start()} brings it back as
	 * it was.
	 */
	public void stop() {
		if (this.context != null) {
			// Log levels are JVM-wide: put back the ones this server raised.
			LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
			this.properties.keySet()
				.stream()
				.filter((name) -> name.startsWith("logging.level."))
				.forEach((name) -> logging.setLogLevel(name.substring("logging.level.".length()), null));
			this.context.close();
			this.context = null;
			this.operatorToken = null;
		}
	}

	/** This server's database. */
	public DatabaseUrl database() {
		return this.database;
	}

	/**
	 * A backup of this server's database as it is now: the server must be stopped.
	 * {@link #restore} brings it back; the caller drops it with
	 * {@link TestDatabases#drop}.
	 */
	public DatabaseUrl backup() {
		return TestDatabases.copy(this.database);
	}

	/** Replaces this (stopped) server's database with {@code backup}. */
	public void restore(DatabaseUrl backup) {
		TestDatabases.restore(this.database, backup);
	}

	@Override
	public void close() {
		stop();
		if (this.database != null) {
			TestDatabases.drop(this.database);
			this.database = null;
		}
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public String baseUrl() {
		return (this.reachedAt != null) ? this.reachedAt : "http://localhost:" + port();
	}

	/**
	 * This running server as its clients reach it through {@code url} (a proxy in front
	 * of it and its replicas): the clients of the view call that URL, and its beans are
	 * this server's. The view is not started or closed on its own.
	 */
	public TestServer reachedThrough(String url) {
		TestServer view = new TestServer();
		view.context = this.context;
		view.reachedAt = url;
		return view;
	}

	/**
	 * Where the actuator answers: its own port when {@code MANAGEMENT_PORT} is set (0: a
	 * free one), else the server's.
	 */
	public int managementPort() {
		return Integer
			.parseInt(this.context.getEnvironment().getProperty("local.management.port", String.valueOf(port())));
	}

	/** A client of the actuator, without credentials. */
	public WebTestClient management() {
		return anonymous().mutate().baseUrl("http://localhost:" + managementPort()).build();
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** How many rows {@code table} of this server's database has now. */
	public long rows(String table) {
		return bean(DatabaseClient.class).sql("SELECT count(*) FROM " + table)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	/**
	 * A client without credentials; it reads and writes JSON with the API's snake_case
	 * names.
	 */
	public WebTestClient anonymous() {
		return WebTestClient.bindToServer()
			.baseUrl(baseUrl())
			.responseTimeout(Duration.ofSeconds(60))
			.codecs((codecs) -> {
				codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(JSON));
				codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(JSON));
				codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024);
			})
			.build();
	}

	/** A client logged in as the operator. */
	public WebTestClient operator() {
		return anonymous().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + operatorToken()).build();
	}

	/** What the operator gets from {@code GET uri}, which must answer 200. */
	public JsonNode getJson(String uri) {
		return operator().get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	public String operatorToken() {
		if (this.operatorToken == null) {
			Map<?, ?> body = anonymous().post()
				.uri("/api/v1/auth/login")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", "admin", "password", ADMIN_PASSWORD))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			this.operatorToken = (String) body.get("token");
		}
		return this.operatorToken;
	}

	@Override
	public void beforeAll(ExtensionContext extension) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext extension) {
		close();
	}

}
