package org.orchestrator.livesync.system.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
			.contains("bearer");
	}

}
