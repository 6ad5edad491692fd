package org.orchestrator.livesync.system.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.internal.startup.DatabaseUrl;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator on its own port ({@code MANAGEMENT_PORT}): the probes Kubernetes reads,
 * build info and metrics, without a token, and nothing else there; and none of it on the
 * server port.
 */
class ActuatorIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	@RegisterExtension
	static TestServer server = new TestServer().with("MANAGEMENT_PORT", "0");

	@Test
	void theProbesAndBuildInfoAnswerWithoutAToken() {
		assertThat(server.managementPort()).isNotEqualTo(server.port());
		assertThat(status(server.management(), "/actuator/health/liveness")).isEqualTo("UP");
		JsonNode readiness = health(server.management(), "/actuator/health/readiness", 200);
		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		// Ready means started (after the migrations) and the database answering.
		assertThat(readiness.at("/components/readinessState/status").asString()).isEqualTo("UP");
		assertThat(readiness.at("/components/r2dbc/status").asString()).isEqualTo("UP");
		JsonNode info = server.management()
			.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(info.at("/build/artifact").asString()).isEqualTo("live-sync-backend");
		assertThat(info.at("/build/version").asString()).isNotBlank();
		// The seed's health endpoint is as it was, on the server port.
		server.anonymous()
			.get()
			.uri("/api/v1/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"status\":\"up\",\"database\":\"up\"}");
	}

	@Test
	void theManagementPortShowsNoSettingsAndServesNoApi() {
		for (String hidden : List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump",
				"/actuator/threaddump", "/actuator/beans", "/actuator/loggers", "/actuator/mappings",
				"/actuator/shutdown", "/actuator/flyway", "/actuator/metrics")) {
			server.management().get().uri(hidden).exchange().expectStatus().isNotFound();
		}
		// Not even with the operator's token: the API is on the server port only.
		WebTestClient operatorOnManagement = server.management()
			.mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + server.operatorToken())
			.build();
		operatorOnManagement.get().uri("/api/v1/nodes").exchange().expectStatus().isNotFound();
		server.management().get().uri("/api/v1/health").exchange().expectStatus().isNotFound();
		// The health answer names components, never their details (URLs, versions).
		String health = server.management()
			.get()
			.uri("/actuator/health")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(health).contains("r2dbc").doesNotContain("PostgreSQL", "postgresql://", "details");
	}

	@Test
	void theServerPortServesNoActuator() {
		for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator")) {
			server.anonymous().get().uri(path).exchange().expectStatus().isNotFound();
			// Not the web UI's page either, as a browser would ask.
			server.anonymous().get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
		}
	}

	@Test
	void readinessGoesDownWhenTheDatabaseStopsWhileLivenessStaysUp() throws IOException {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
		DatabaseUrl url = new DatabaseUrl("localhost", postgres.getPort(), "postgres", "postgres", null, null);
		try (TestServer own = new TestServer().with("DATABASE_URL", url.toUrlWithPassword())
			.with("MANAGEMENT_PORT", "0")
			.start()) {
			assertThat(status(own.management(), "/actuator/health/readiness")).isEqualTo("UP");

			postgres.close();

			JsonNode readiness = awaitHealth(own.management(), "/actuator/health/readiness", 503);
			assertThat(readiness.get("status").asString()).isEqualTo("DOWN");
			assertThat(readiness.at("/components/r2dbc/status").asString()).isEqualTo("DOWN");
			// Alive all the same: restarting the server would not bring the database
			// back.
			assertThat(status(own.management(), "/actuator/health/liveness")).isEqualTo("UP");
		}
		finally {
			postgres.close();
		}
	}

	@Test
	void nothingAnswersReadyWhileTheMigrationsRun() throws Exception {
		int managementPort = Peers.freePort();
		TestServer migrating = new TestServer().with("MANAGEMENT_PORT", String.valueOf(managementPort));
		// Migrated once, then held in its migrations: Flyway cannot read its history.
		migrating.start().stop();
		Properties user = new Properties();
		user.setProperty("user", migrating.database().username());
		try (Connection lock = DriverManager.getConnection(migrating.database().jdbcUrl(), user);
				Connection watch = DriverManager.getConnection(migrating.database().jdbcUrl(), user)) {
			lock.setAutoCommit(false);
			lock.createStatement().execute("LOCK TABLE flyway_schema_history IN ACCESS EXCLUSIVE MODE");
			CompletableFuture<TestServer> starting = CompletableFuture.supplyAsync(migrating::start);
			awaitMigrationWaiting(watch);
			URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
			for (int i = 0; i < 5; i++) {
				assertThat(answer(readiness)).as("while migrating").isNotEqualTo(200);
				Thread.sleep(200);
			}
			lock.commit();
			starting.get(60, TimeUnit.SECONDS);
			assertThat(answer(readiness)).isEqualTo(200);
		}
		finally {
			migrating.close();
		}
	}

	/**
	 * Until a query of the server waits for the lock on Flyway's history table (seen from
	 * a connection outside the locking transaction, whose view of the activity would stay
	 * as it was when it began).
	 */
	private static void awaitMigrationWaiting(Connection watch) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try (var result = watch.createStatement()
				.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
						+ "AND wait_event_type = 'Lock' AND query ILIKE '%flyway_schema_history%'")) {
				result.next();
				if (result.getLong(1) > 0) {
					return;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the server never reached its migrations");
	}

	/** The HTTP status of a GET, or -1 when nothing answers. */
	private static int answer(URI uri) throws InterruptedException {
		try {
			return HTTP
				.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static String status(WebTestClient client, String path) {
		return health(client, path, 200).get("status").asString();
	}

	private static JsonNode health(WebTestClient client, String path, int expected) {
		return client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(expected)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/** The health answer once it has the status {@code expected}, within 30 seconds. */
	private static JsonNode awaitHealth(WebTestClient client, String path, int expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			var result = client.get().uri(path).exchange().expectBody(JsonNode.class).returnResult();
			if (result.getStatus().value() == expected || System.nanoTime() > deadline) {
				assertThat(result.getStatus().value()).as(path).isEqualTo(expected);
				return result.getResponseBody();
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
