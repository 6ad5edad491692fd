package org.orchestrator.livesync.system.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.internal.node.Node;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.ServerProcess;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real answers of a running server checked against the schemas of the committed
 * {@code openapi.yaml}: what generated clients will parse. Covers the operator's CRUD,
 * login, sync settings, a session, a job with its events, and problem bodies; nulls the
 * server really sends (a node without Wake-on-LAN, a playbook without settings, a dry
 * run) are among them on purpose.
 */
class ContractResponsesIntegrationTests {

	static final int PORT_B = freePort();

	static final ContractSchemas CONTRACT = new ContractSchemas(Path.of("..", "openapi.yaml"));

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b", PORT_B);

	@Test
	void loginHealthAndProblems() {
		check("POST", "/api/v1/auth/login",
				a.anonymous()
					.post()
					.uri("/api/v1/auth/login")
					.bodyValue(Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD)),
				200);
		check("POST", "/api/v1/auth/login",
				a.anonymous()
					.post()
					.uri("/api/v1/auth/login")
					.bodyValue(Map.of("username", "admin", "password", "wrong")),
				401);
		check("GET", "/api/v1/health", a.anonymous().get().uri("/api/v1/health"), 200);
		check("GET", "/api/v1/nodes", a.anonymous().get().uri("/api/v1/nodes"), 401);
		check("GET", "/api/v1/nodes/{key}", a.operator().get().uri("/api/v1/nodes/absent"), 404);
		check("POST", "/api/v1/nodes", a.operator().post().uri("/api/v1/nodes").bodyValue(Map.of("hostname", "")), 400);
	}

	@Test
	void inventoryCrudAnswersMatchTheirSchemas() {
		Node bare = new Node("contract-bare", "10.9.0.1", "ubuntu", 22, null, "running", null, null);
		check("POST", "/api/v1/nodes", a.operator().post().uri("/api/v1/nodes").bodyValue(bare), 201);
		check("POST", "/api/v1/nodes",
				a.operator().post().uri("/api/v1/nodes").bodyValue(Fixtures.node("contract-full")), 201);
		check("POST", "/api/v1/nodes", a.operator().post().uri("/api/v1/nodes").bodyValue(bare), 409);
		check("GET", "/api/v1/nodes/{key}", a.operator().get().uri("/api/v1/nodes/contract-bare"), 200);
		check("GET", "/api/v1/nodes", a.operator().get().uri("/api/v1/nodes?size=5"), 200);
		check("PUT", "/api/v1/nodes/{key}",
				a.operator().put().uri("/api/v1/nodes/contract-full").bodyValue(Fixtures.node("contract-full")), 200);

		check("POST", "/api/v1/ssh-keys",
				a.operator().post().uri("/api/v1/ssh-keys").bodyValue(Fixtures.sshKey("contract-key")), 201);
		check("POST", "/api/v1/ssh-keys", a.operator()
			.post()
			.uri("/api/v1/ssh-keys")
			.bodyValue(Map.of("name", "contract-bare-key", "public_key", Fixtures.resource("ssh/test_ed25519.pub"))),
				201);
		check("GET", "/api/v1/ssh-keys/{key}", a.operator().get().uri("/api/v1/ssh-keys/contract-key"), 200);
		check("GET", "/api/v1/ssh-keys", a.operator().get().uri("/api/v1/ssh-keys"), 200);

		check("POST", "/api/v1/clusters",
				a.operator()
					.post()
					.uri("/api/v1/clusters")
					.bodyValue(Fixtures.cluster("contract-cluster", "contract-bare")),
				201);
		check("POST", "/api/v1/clusters",
				a.operator().post().uri("/api/v1/clusters").bodyValue(Map.of("name", "contract-bare-cluster")), 201);
		check("GET", "/api/v1/clusters/{key}", a.operator().get().uri("/api/v1/clusters/contract-cluster"), 200);
		check("GET", "/api/v1/clusters", a.operator().get().uri("/api/v1/clusters"), 200);

		check("POST", "/api/v1/configurations",
				a.operator().post().uri("/api/v1/configurations").bodyValue(Fixtures.playbook("contract-playbook")),
				201);
		check("POST", "/api/v1/configurations",
				a.operator().post().uri("/api/v1/configurations").bodyValue(Fixtures.configuration("contract-config")),
				201);
		check("GET", "/api/v1/configurations/{key}", a.operator().get().uri("/api/v1/configurations/contract-playbook"),
				200);
		check("GET", "/api/v1/configurations", a.operator().get().uri("/api/v1/configurations"), 200);
		check("DELETE", "/api/v1/configurations/{key}",
				a.operator().delete().uri("/api/v1/configurations/contract-config"), 204);
	}

	@Test
	void aSessionAndAJobWithItsEventsMatchTheirSchemas() {
		check("GET", "/api/v1/sync/settings", a.operator().get().uri("/api/v1/sync/settings"), 200);
		check("GET", "/api/v1/sync/test", a.anonymous().get().uri("/api/v1/sync/test"), 200);
		check("POST", "/api/v1/nodes",
				a.operator().post().uri("/api/v1/nodes").bodyValue(Fixtures.node("contract-sync")), 201);
		JsonNode session = check("POST", "/api/v1/sync/sessions",
				a.operator()
					.post()
					.uri("/api/v1/sync/sessions")
					.bodyValue(Map.of("remote_url", b.baseUrl(), "password", Peers.SYNC_PASSWORD)),
				201);
		String sessionId = session.get("session_id").asString();
		check("GET", "/api/v1/sync/sessions/{id}", a.operator().get().uri("/api/v1/sync/sessions/" + sessionId), 200);
		check("GET", "/api/v1/sync/sessions/{id}", a.operator().get().uri("/api/v1/sync/sessions/nope"), 404);

		for (boolean dryRun : List.of(true, false)) {
			JsonNode started = check("POST", "/api/v1/sync/jobs",
					a.operator()
						.post()
						.uri("/api/v1/sync/jobs")
						.bodyValue(Map.of("session_id", sessionId, "selection",
								dryRun ? Map.of("nodes", List.of("contract-sync")) : "all", "dry_run", dryRun)),
					202);
			String job = started.get("job_id").asString();
			List<ServerSentEvent<String>> events = a.operator()
				.get()
				.uri("/api/v1/sync/jobs/" + job + "/events")
				.accept(MediaType.TEXT_EVENT_STREAM)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
				})
				.getResponseBody()
				.filter((event) -> event.event() != null)
				.collectList()
				.block(Duration.ofSeconds(30));
			assertThat(events).isNotEmpty();
			assertThat(events.get(events.size() - 1).event()).isEqualTo("completed");
			for (ServerSentEvent<String> event : events) {
				CONTRACT.assertMatches("GET", "/api/v1/sync/jobs/{id}/events", 200, "text/event-stream", event.data());
			}
			check("GET", "/api/v1/sync/jobs/{id}", a.operator().get().uri("/api/v1/sync/jobs/" + job), 200);
		}
		check("GET", "/api/v1/sync/jobs", a.operator().get().uri("/api/v1/sync/jobs"), 200);
		check("GET", "/api/v1/sync/jobs/{id}", a.operator().get().uri("/api/v1/sync/jobs/nope"), 404);
		check("DELETE", "/api/v1/sync/sessions/{id}", a.operator().delete().uri("/api/v1/sync/sessions/" + sessionId),
				204);
	}

	/**
	 * Sends the request, asserts the status, and checks the body against the contract.
	 */
	private static JsonNode check(String method, String path, WebTestClient.RequestHeadersSpec<?> request, int status) {
		EntityExchangeResult<byte[]> result = request.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody()
			.returnResult();
		byte[] body = result.getResponseBody();
		if (body == null || body.length == 0) {
			return null;
		}
		MediaType type = result.getResponseHeaders().getContentType();
		assertThat(type).as("%s %s answers a content type", method, path).isNotNull();
		String text = new String(body, StandardCharsets.UTF_8);
		CONTRACT.assertMatches(method, path, status, type.getType() + "/" + type.getSubtype(), text);
		return TestServer.JSON.readTree(text);
	}

	private static int freePort() {
		try {
			return ServerProcess.freePort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
