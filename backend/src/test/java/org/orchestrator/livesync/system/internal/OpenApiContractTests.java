package org.orchestrator.livesync.system.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed {@code openapi.yaml} is the contract clients are generated from: it must
 * be what the server serves. {@code make openapi} rewrites it from the running code.
 */
class OpenApiContractTests {

	private static final Path CONTRACT = Path.of("..", "openapi.yaml");

	@RegisterExtension
	static TestServer server = new TestServer().with("API_DOCS_ENABLED", "true");

	@Test
	void servesTheDocumentsToAnyoneWhenSwitchedOn() {
		server.anonymous().get().uri("/v3/api-docs").exchange().expectStatus().isOk();
		server.anonymous().get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	void committedContractIsWhatTheServerServes() throws IOException {
		String served = server.anonymous()
			.get()
			.uri("/v3/api-docs.yaml")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(CONTRACT, served);
		}
		assertThat(CONTRACT).as("openapi.yaml is missing: run 'make openapi'").exists();
		assertThat(Files.readString(CONTRACT)).as("openapi.yaml differs from the served contract: run 'make openapi'")
			.isEqualTo(served);
	}

	@Test
	void contractUsesTheApiFieldNamesAndDocumentsProblems() {
		String served = server.anonymous()
			.get()
			.uri("/v3/api-docs.yaml")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(served).contains("microk8s_status")
			.contains("content_hash")
			.doesNotContain("microk8sStatus")
			.contains("application/problem+json")
			.contains("operatorToken")
			.contains("peerToken");
	}

	@Test
	void operationsHaveStableNamesOneTagEachAndTheirTokens() {
		JsonNode served = server.anonymous()
			.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		Map<String, String> ids = new HashMap<>();
		Map<String, String> security = new HashMap<>();
		served.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			String route = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
			ids.put(route, operation.getValue().get("operationId").asString());
			assertThat(operation.getValue().get("tags")).as(route).hasSize(1);
			security.put(route, operation.getValue().get("security").toString());
		}));
		assertThat(ids).isEqualTo(OperationNames.operationIds());
		assertThat(served.get("tags").findValuesAsString("name")).doesNotHaveDuplicates();
		assertThat(security).containsEntry("POST /api/v1/auth/login", "[]")
			.containsEntry("GET /api/v1/health", "[]")
			.containsEntry("GET /api/v1/sync/test", "[]")
			.containsEntry("POST /api/v1/sync/connect", "[]")
			.containsEntry("POST /api/v1/sync/receive/stream", "[{\"peerToken\":[]}]")
			.containsEntry("GET /api/v1/sync/inventory", "[{\"peerToken\":[]}]")
			.containsEntry("POST /api/v1/sync/jobs", "[{\"operatorToken\":[]}]")
			.containsEntry("DELETE /api/v1/nodes/{key}", "[{\"operatorToken\":[]}]");
	}

}
