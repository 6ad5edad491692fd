package org.orchestrator.livesync.security.internal;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.security.PeerSessions;
import org.orchestrator.livesync.security.TokenService;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * Authentication by {@code Authorization: Bearer <jwt>}: the token is verified by
 * {@link TokenService}; whether it may open a route is decided afterwards, by
 * {@link SecurityConfig}'s rules.
 */
final class BearerTokens implements ReactiveAuthenticationManager {

	/** Where handlers find the verified token (see {@link PeerSessions#current}). */

	private final TokenService tokens;

	BearerTokens(TokenService tokens) {
		this.tokens = tokens;
	}

	/**
	 * The filter that authenticates every request outside the open routes: an open route
	 * ignores whatever token it is sent, so a stale one does not lock anybody out of the
	 * login.
	 */
	AuthenticationWebFilter filter() {
		AuthenticationWebFilter filter = new AuthenticationWebFilter(this);
		filter.setRequiresAuthenticationMatcher(new NegatedServerWebExchangeMatcher(ApiRoutes.OPEN));
		filter.setServerAuthenticationConverter(BearerTokens::sentToken);
		filter.setAuthenticationFailureHandler(
				(exchange, failure) -> Mono.error(AccessProblems.unauthorized(failure.getMessage())));
		filter.setAuthenticationSuccessHandler(BearerTokens::continueWith);
		return filter;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		return Mono.fromCallable(() -> {
			TokenService.Token token = this.tokens.verify(((TokenAuthentication) authentication).sentToken());
			if (token == null) {
				throw new BadCredentialsException("the bearer token is invalid or expired; log in again");
			}
			return TokenAuthentication.verified(token);
		});
	}

	/** No header, or not a bearer one: the request goes on unauthenticated. */
	private static Mono<Authentication> sentToken(ServerWebExchange exchange) {
		String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Mono.empty();
		}
		return Mono.just(TokenAuthentication.sent(header.substring(7).strip()));
	}

	private static Mono<Void> continueWith(WebFilterExchange exchange, Authentication authentication) {
		exchange.getExchange()
			.getAttributes()
			.put(PeerSessions.TOKEN_ATTRIBUTE, ((TokenAuthentication) authentication).token());
		return exchange.getChain().filter(exchange.getExchange());
	}

}
