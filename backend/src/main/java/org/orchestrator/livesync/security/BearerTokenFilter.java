package org.orchestrator.livesync.security;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.system.ProblemException;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets a request through only with a valid bearer token of the right audience for its
 * path (see {@link EndpointAccess}). The verified token is left in the exchange for the
 * handlers.
 */
@Component
@Order(-100)
class BearerTokenFilter implements WebFilter {

	static final String TOKEN_ATTRIBUTE = BearerTokenFilter.class.getName() + ".token";

	private final TokenService tokens;

	private final PeerSessions sessions;

	BearerTokenFilter(TokenService tokens, PeerSessions sessions) {
		this.tokens = tokens;
		this.sessions = sessions;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		EndpointAccess access = EndpointAccess.of(exchange.getRequest().getPath().pathWithinApplication().value());
		if (access == EndpointAccess.OPEN || exchange.getRequest().getMethod() == HttpMethod.OPTIONS) {
			return chain.filter(exchange);
		}
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Mono.error(unauthorized("this endpoint needs an 'Authorization: Bearer <token>' header"));
		}
		TokenService.Token token = this.tokens.verify(header.substring(7).strip());
		if (token == null) {
			return Mono.error(unauthorized("the bearer token is invalid or expired; log in again"));
		}
		TokenService.Audience needed = (access == EndpointAccess.PEER) ? TokenService.Audience.PEER
				: TokenService.Audience.OPERATOR;
		if (token.audience() != needed) {
			return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "wrong-token", "Wrong kind of token",
					(needed == TokenService.Audience.PEER)
							? "this peer endpoint needs a peer token from /api/v1/sync/connect"
							: "this endpoint needs an operator token from /api/v1/auth/login"));
		}
		if (token.audience() == TokenService.Audience.PEER && this.sessions.find(token.sessionId()) == null) {
			return Mono
				.error(unauthorized("the sync session has ended (completed, revoked or expired); connect again"));
		}
		exchange.getAttributes().put(TOKEN_ATTRIBUTE, token);
		return chain.filter(exchange);
	}

	private static ProblemException unauthorized(String detail) {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
	}

}
