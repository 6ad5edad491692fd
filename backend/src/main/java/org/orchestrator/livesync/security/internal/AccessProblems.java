package org.orchestrator.livesync.security.internal;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.security.TokenService;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * The problems a refused request gets. They are raised as errors, so that the one problem
 * handler of the application writes them like every other error.
 */
final class AccessProblems {

	private AccessProblems() {
	}

	/** No token at all. */
	static ServerAuthenticationEntryPoint missingToken() {
		return (exchange, failure) -> Mono
			.error(unauthorized("this endpoint needs an 'Authorization: Bearer <token>' header"));
	}

	/**
	 * A valid token that does not open this route: the wrong kind, or a peer token whose
	 * session has ended.
	 */
	static ServerAccessDeniedHandler wrongToken() {
		return (exchange, denied) -> ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.flatMap((authentication) -> ApiRoutes.PEER.matches(exchange)
				.flatMap((route) -> Mono.error(refusal(authentication, route.isMatch()))));
	}

	/** The firewall refused the request: its path or headers can be read two ways. */
	static ServerExchangeRejectedHandler rejected() {
		return (exchange, rejection) -> Mono.error(new ProblemException(ProblemCode.REJECTED_REQUEST,
				"the request is not in normal form: send the path without encoded letters, slashes, dots or percent "
						+ "signs, ';' parameters, empty, '.' or '..' segments, or a trailing '/' under /api, and "
						+ "headers without control characters"));
	}

	static ProblemException unauthorized(String detail) {
		return new ProblemException(ProblemCode.UNAUTHORIZED, detail);
	}

	private static ProblemException refusal(Authentication authentication, boolean peerRoute) {
		TokenService.Token token = (authentication instanceof TokenAuthentication verified) ? verified.token() : null;
		boolean peerToken = token != null && token.audience() == TokenService.Audience.PEER;
		if (peerRoute && peerToken) {
			// The only way a peer token is refused on a peer route.
			return unauthorized("the sync session has ended (completed, revoked or expired); connect again");
		}
		return new ProblemException(ProblemCode.WRONG_TOKEN,
				peerRoute ? "this peer endpoint needs a peer token from /api/v1/sync/connect"
						: "this endpoint needs an operator token from /api/v1/auth/login");
	}

}
