package org.orchestrator.livesync.security.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.security.TokenService;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

class AuthIntegrationTests {

	@RegisterExtension
	static TestServer server = new TestServer();

	private final WebTestClient anonymous = server.anonymous();

	@Test
	void logsInTheOperator() {
		this.anonymous.post()
			.uri("/api/v1/auth/login")
			.bodyValue(Map.of("username", "admin", "password", TestServer.ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.token")
			.isNotEmpty()
			.jsonPath("$.expires_in")
			.isEqualTo(8 * 3600);
		server.operator().get().uri("/api/v1/nodes").exchange().expectStatus().isOk();
	}

	@Test
	void refusesWrongCredentialsWithoutSayingWhichIsWrong() {
		var wrongPassword = problem(this.anonymous.post()
			.uri("/api/v1/auth/login")
			.bodyValue(Map.of("username", "admin", "password", "guess"))
			.exchange(), 401, "bad-credentials");
		var wrongUser = problem(this.anonymous.post()
			.uri("/api/v1/auth/login")
			.bodyValue(Map.of("username", "root", "password", TestServer.ADMIN_PASSWORD))
			.exchange(), 401, "bad-credentials");
		assertThat(wrongPassword.detail()).isEqualTo(wrongUser.detail()).doesNotContain("guess");
		invalidField(this.anonymous.post().uri("/api/v1/auth/login").bodyValue(Map.of("username", "admin")).exchange(),
				"password");
	}

	@Test
	void guardsEveryOperatorEndpoint() {
		for (String path : new String[] { "/api/v1/nodes", "/api/v1/clusters/x", "/api/v1/ssh-keys",
				"/api/v1/configurations", "/api/v1/no-such-endpoint" }) {
			var problem = problem(this.anonymous.get().uri(path).exchange(), 401, "unauthorized");
			assertThat(problem.detail()).contains("Bearer");
		}
		this.anonymous.get()
			.uri("/api/v1/nodes")
			.exchange()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		problem(this.anonymous.post().uri("/api/v1/inventory/import").bodyValue("[]").exchange(), 401, "unauthorized");
	}

	@Test
	void refusesForgedExpiredAndPeerTokens() {
		TokenService tokens = server.bean(TokenService.class);
		String expired = tokens.issue(TokenService.Audience.OPERATOR, "admin", null, Duration.ofSeconds(-5));
		String foreign = new TokenService(java.time.Clock.systemUTC()).issue(TokenService.Audience.OPERATOR, "admin",
				null, Duration.ofHours(1));
		for (String token : new String[] { expired, foreign, "not-a-jwt" }) {
			problem(withToken(token).get().uri("/api/v1/nodes").exchange(), 401, "unauthorized");
		}
		String peer = tokens.issue(TokenService.Audience.PEER, "peer", "session-1", Duration.ofHours(1));
		var problem = problem(withToken(peer).get().uri("/api/v1/nodes").exchange(), 403, "wrong-token");
		assertThat(problem.detail()).contains("operator token");
	}

	@Test
	void leavesTheOpenEndpointsOpen() {
		this.anonymous.get()
			.uri("/api/v1/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("up");
		this.anonymous.get()
			.uri("/api/v1/sync/test")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.success")
			.isEqualTo(true)
			.jsonPath("$.server_name")
			.isEqualTo("test")
			.jsonPath("$.server_id")
			.isNotEmpty()
			.jsonPath("$.version")
			.isNotEmpty();
	}

	@Test
	void servesNoApiDocumentsUnlessSwitchedOn() {
		// OpenApiContractTests reads them from a server that has them on.
		this.anonymous.get().uri("/v3/api-docs").exchange().expectStatus().isNotFound();
		this.anonymous.get().uri("/swagger-ui.html").exchange().expectStatus().isNotFound();
	}

	private WebTestClient withToken(String token) {
		return this.anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
	}

}
