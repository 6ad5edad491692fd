package org.orchestrator.livesync.system.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class WebUiIntegrationTests {

	static final Path ROOT = Fixtures.webRoot();

	@RegisterExtension
	static TestServer server = new TestServer().with("live-sync.web-root", ROOT.toString());

	@Test
	void servesTheSpaFilesAndItsRoutes() {
		assertThat(server.anonymous()
			.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("<title>Live Sync</title>");
		assertThat(server.anonymous()
			.get()
			.uri("/sync/interactive")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("<title>Live Sync</title>");
		assertThat(server.anonymous()
			.get()
			.uri("/assets/app.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("console.log");
		server.anonymous().get().uri("/assets/missing.js").exchange().expectStatus().isNotFound();
		// The API keeps answering with problems, not with the SPA.
		server.anonymous()
			.get()
			.uri("/api/v1/nodes")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

}
