package org.orchestrator.livesync.security.internal;

import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.crypto.ConstantTime;
import org.orchestrator.livesync.security.TokenService;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator login: the one account configured by {@code ADMIN_USERNAME} /
 * {@code ADMIN_PASSWORD}.
 */
@Tag(name = "Auth", description = "Operator login")
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final AdminProperties admin;

	private final TokenService tokens;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	AuthController(AdminProperties admin, TokenService tokens, LoginThrottle throttle, AuditLog audit) {
		this.admin = admin;
		this.tokens = tokens;
		this.throttle = throttle;
		this.audit = audit;
	}

	@PostMapping("/login")
	Mono<LoginResponse> login(@RequestBody LoginRequest request, ServerHttpRequest http) {
		return this.throttle.checkAllowed(http).then(Mono.defer(() -> authenticate(request, http)));
	}

	private Mono<LoginResponse> authenticate(LoginRequest request, ServerHttpRequest http) {
		if (request.username() == null || request.password() == null) {
			return Mono
				.error(ProblemException.invalid((request.username() == null) ? "username" : "password", "is required"));
		}
		// Both compared, always, in constant time: the answer's timing tells nothing.
		boolean userMatches = ConstantTime.equals(request.username(), this.admin.username());
		boolean passwordMatches = ConstantTime.equals(request.password(), this.admin.password());
		String client = AuditLog.client(http);
		if (!(userMatches & passwordMatches)) {
			// Not the name tried: a password typed into the name field would be written.
			String actor = userMatches ? this.admin.username() : null;
			return this.throttle.recordFailure(http)
				.then(this.audit.recordQuietly(AuditLog.Action.LOGIN_FAILED, actor, client,
						Map.of("known_user", userMatches)))
				.then(Mono.error(new ProblemException(ProblemCode.BAD_CREDENTIALS, "wrong username or password")));
		}
		String token = this.tokens.issue(TokenService.Audience.OPERATOR, this.admin.username(), null,
				this.admin.tokenExpiry());
		return this.audit.recordQuietly(AuditLog.Action.LOGIN, this.admin.username(), client, Map.of())
			.thenReturn(new LoginResponse(token, this.admin.tokenExpiry().toSeconds()));
	}

	record LoginRequest(@NotBlank String username, @NotBlank String password) {

		@Override
		public String toString() {
			return "LoginRequest[username=" + this.username + ", password=<redacted>]";
		}

	}

	record LoginResponse(String token, long expiresIn) {

		@Override
		public String toString() {
			return "LoginResponse[token=<redacted>, expiresIn=" + this.expiresIn + "]";
		}

	}

}
