package org.orchestrator.livesync.system.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

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
