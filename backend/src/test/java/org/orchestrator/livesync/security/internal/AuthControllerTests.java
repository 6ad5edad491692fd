package org.orchestrator.livesync.security.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.security.TokenService;
import org.orchestrator.livesync.support.ControllerSlice;
import org.orchestrator.livesync.system.Problem;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
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
 * The login endpoint alone: what each refusal says, and that no token is issued for a
 * refused login. Its throttle keeps its counts in the database, so it is tested with a
 * server ({@link LoginThrottleIntegrationTests}).
 */
@ControllerSlice(AuthController.class)
@EnableConfigurationProperties(AdminProperties.class)
class AuthControllerTests {

	@MockitoBean
	AuditLog audit;

	@MockitoBean
	LoginThrottle throttle;

	@BeforeEach
	void theAuditLogRecordsAndTheThrottleLetsThrough() {
		given(this.audit.recordQuietly(any(), any(), any(), any())).willReturn(Mono.empty());
		given(this.throttle.checkAllowed(any())).willReturn(Mono.empty());
		given(this.throttle.recordFailure(any())).willReturn(Mono.empty());
	}

	@Autowired
	WebTestClient client;

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
