package org.orchestrator.livesync.security.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

class LoginThrottleIntegrationTests {

	@RegisterExtension
	static TestServer server = new TestServer();

	@Test
	void refusesAnAddressThatFailedTooOftenEvenWithTheRightPassword() {
		server.operatorToken();
		for (int i = 0; i < 3; i++) {
			login(TestServer.ADMIN_PASSWORD).expectStatus().isOk();
		}
		for (int i = 0; i < LoginThrottle.FAILURES; i++) {
			problem(login("guess-" + i), 401, "bad-credentials");
		}
		var refused = problem(login(TestServer.ADMIN_PASSWORD), 429, "rate-limited");
		assertThat(refused.detail()).contains("failed logins").doesNotContain(TestServer.ADMIN_PASSWORD);
		login(TestServer.ADMIN_PASSWORD).expectHeader().exists(HttpHeaders.RETRY_AFTER);
		// Tokens already issued keep working.
		server.operator().get().uri("/api/v1/nodes").exchange().expectStatus().isOk();
	}

	private static WebTestClient.ResponseSpec login(String password) {
		return server.anonymous()
			.post()
			.uri("/api/v1/auth/login")
			.bodyValue(Map.of("username", "admin", "password", password))
			.exchange();
	}

}
