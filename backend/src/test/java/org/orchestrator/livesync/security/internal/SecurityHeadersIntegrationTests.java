package org.orchestrator.livesync.security.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.RawHttp;
import org.orchestrator.livesync.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersIntegrationTests {

	@RegisterExtension
	static TestServer server = new TestServer().with("live-sync.web-root", Fixtures.webRoot().toString());

	@Test
	void everyApiAnswerHasThemAndIsNeverCached() {
		String token = server.operatorToken();
		for (RawHttp.Response response : new RawHttp.Response[] { get("/api/v1/health", null),
				get("/api/v1/nodes", token), get("/api/v1/nodes", null), get("/api/v1/nodes/missing", token),
				get("/api/v1/no-such-route", token), get("/api;/v1/nodes", null), RawHttp.send(server.port(), "POST",
						"/api/v1/auth/login", Map.of("Content-Type", "application/json"), "{not json") }) {
			assertCommonHeaders(response);
			assertThat(response.header("Cache-Control")).as("status %d", response.status()).isEqualTo("no-store");
			assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.API_POLICY);
		}
	}

	@Test
	void theWebUiGetsAPolicyThatLoadsOnlyItsOwnFiles() {
		for (String path : new String[] { "/", "/sync/interactive", "/assets/app.js", "/assets/missing.js" }) {
			RawHttp.Response response = RawHttp.send(server.port(), "GET", path, Map.of("Accept", "text/html"), null);
			assertCommonHeaders(response);
			assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.WEB_UI_POLICY)
				.contains("default-src 'self'")
				.contains("frame-ancestors 'none'");
		}
	}

	@Test
	void noHstsOverPlainHttp() {
		// Over HTTPS the same writer adds Strict-Transport-Security.
		assertThat(get("/api/v1/health", null).header("Strict-Transport-Security")).isNull();
	}

	private static void assertCommonHeaders(RawHttp.Response response) {
		assertThat(response.header("X-Content-Type-Options")).as("status %d", response.status()).isEqualTo("nosniff");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
	}

	private static RawHttp.Response get(String path, String token) {
		return RawHttp.send(server.port(), "GET", path,
				(token != null) ? Map.of("Authorization", "Bearer " + token, "Accept", "application/json")
						: Map.of("Accept", "application/json"),
				null);
	}

}
