package org.orchestrator.livesync.security.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.TestServer;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * Login throttling behind a load balancer: keyed by the client that X-Forwarded-For names
 * when the request comes from a trusted proxy, and by the connection's address otherwise,
 * whatever the header says.
 */
class TrustedProxiesIntegrationTests {

	@RegisterExtension
	static TestServer behindProxy = new TestServer().with("TRUSTED_PROXIES", "127.0.0.1, ::1");

	@RegisterExtension
	static TestServer direct = new TestServer();

	@Test
	void aTrustedProxysClientsAreThrottledEachOnItsOwn() {
		for (int i = 0; i < LoginThrottle.FAILURES; i++) {
			problem(login(behindProxy, "203.0.113.7", "guess-" + i), 401, "bad-credentials");
		}
		problem(login(behindProxy, "203.0.113.7", TestServer.ADMIN_PASSWORD), 429, "rate-limited");
		// Another client behind the same proxy, and one behind a chain of two proxies.
		login(behindProxy, "203.0.113.8", TestServer.ADMIN_PASSWORD).expectStatus().isOk();
		login(behindProxy, "198.51.100.1, 203.0.113.9, 127.0.0.1", TestServer.ADMIN_PASSWORD).expectStatus().isOk();
		String audit = behindProxy.operator()
			.get()
			.uri("/api/v1/audit?action=login")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(audit).contains("203.0.113.8").contains("203.0.113.9").doesNotContain("198.51.100.1");
	}

	@Test
	void withoutTrustedProxiesTheHeaderChangesNothing() {
		for (int i = 0; i < LoginThrottle.FAILURES; i++) {
			problem(login(direct, "192.0.2." + i, "guess-" + i), 401, "bad-credentials");
		}
		problem(login(direct, "192.0.2.200", TestServer.ADMIN_PASSWORD), 429, "rate-limited");
	}

	private static WebTestClient.ResponseSpec login(TestServer server, String forwardedFor, String password) {
		return server.anonymous()
			.post()
			.uri("/api/v1/auth/login")
			.header("X-Forwarded-For", forwardedFor)
			.bodyValue(Map.of("username", "admin", "password", password))
			.exchange();
	}

}
