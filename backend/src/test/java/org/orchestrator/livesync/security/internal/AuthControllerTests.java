package org.orchestrator.livesync.security.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.security.TokenService;
import org.orchestrator.livesync.support.ControllerSlice;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.SyncMetrics;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * The login endpoint alone, with its real throttle: what each refusal says, and that no
 * token is issued for a refused login.
 */
@ControllerSlice(AuthController.class)
@Import({ LoginThrottle.class, SyncMetrics.class, SimpleMeterRegistry.class })
@EnableConfigurationProperties(AdminProperties.class)
class AuthControllerTests {

	@MockitoBean
	AuditLog audit;

	@BeforeEach
	void theAuditLogRecords() {
		given(this.audit.recordQuietly(any(), any(), any(), any())).willReturn(Mono.empty());
	}

	@Autowired
	WebTestClient client;

	@Autowired
	MeterRegistry metrics;

	@MockitoBean
	TokenService tokens;

	@Test
	void aMissingPasswordIsAFieldError() {
		invalidField(login("{\"username\":\"admin\"}"), "password");
		verifyNoInteractions(this.tokens);
	}

	@Test
	void wrongCredentialsAreUnauthorizedWithoutSayingWhichWasWrong() {
		Problem problem = problem(login("{\"username\":\"admin\",\"password\":\"guess\"}"), 401, "bad-credentials");
		assertThat(problem.detail()).isEqualTo("wrong username or password").doesNotContain("guess");
		verifyNoInteractions(this.tokens);
	}

	@Test
	@DirtiesContext(methodMode = DirtiesContext.MethodMode.BEFORE_METHOD)
	void aClientThatKeepsGuessingIsToldWhenToComeBack() {
		for (int i = 0; i < LoginThrottle.FAILURES; i++) {
			problem(login("{\"username\":\"admin\",\"password\":\"guess-" + i + "\"}"), 401, "bad-credentials");
		}
		String retryAfter = this.client.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"username\":\"admin\",\"password\":\"slice-test\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("Retry-After");
		assertThat(Long.parseLong(retryAfter)).isPositive();
		verifyNoInteractions(this.tokens);
		assertThat(loginFailures("bad_credentials")).isEqualTo(LoginThrottle.FAILURES);
		assertThat(loginFailures("throttled")).isEqualTo(1);
	}

	private double loginFailures(String reason) {
		return this.metrics.get("live_sync.login.failures").tag("reason", reason).counter().count();
	}

	@Test
	void theRightCredentialsGetAnOperatorToken() {
		given(this.tokens.issue(eq(TokenService.Audience.OPERATOR), eq("admin"), any(), any())).willReturn("t0ken");
		login("{\"username\":\"admin\",\"password\":\"slice-test\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.token")
			.isEqualTo("t0ken")
			.jsonPath("$.expires_in")
			.isEqualTo(8 * 3600);
	}

	private WebTestClient.ResponseSpec login(String body) {
		return this.client.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
