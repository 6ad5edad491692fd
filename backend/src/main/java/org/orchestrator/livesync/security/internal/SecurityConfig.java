package org.orchestrator.livesync.security.internal;

import org.orchestrator.livesync.security.PeerSessions;
import org.orchestrator.livesync.security.TokenService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Deny by default: a route needs an operator token unless {@link ApiRoutes} lists it as
 * open or as a peer route, and a peer route needs a peer token of a session still open.
 * Stateless: no cookies, no server-side session, so no CSRF to guard against.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

	@Bean
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, BearerTokens bearerTokens, PeerSessions sessions,
			PeerRateLimit rateLimit) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// SecurityHeaders writes them on every response, the firewall's refusals too.
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			// Before authentication, so that refused guesses count too.
			.addFilterBefore(rateLimit::filter, SecurityWebFiltersOrder.AUTHENTICATION)
			.addFilterAt(bearerTokens.filter(), SecurityWebFiltersOrder.AUTHENTICATION)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(AccessProblems.missingToken())
				.accessDeniedHandler(AccessProblems.wrongToken()))
			.authorizeExchange((routes) -> routes.matchers(ApiRoutes.OPEN)
				.permitAll()
				.matchers(ApiRoutes.PEER)
				.access(peerInOpenSession(sessions))
				.anyExchange()
				.hasAuthority(TokenAuthentication.OPERATOR))
			.build();
	}

	@Bean
	BearerTokens bearerTokens(TokenService tokens) {
		return new BearerTokens(tokens);
	}

	@Bean
	ServerWebExchangeFirewall firewall() {
		return new NormalPaths();
	}

	@Bean
	ServerExchangeRejectedHandler rejectedRequests() {
		return AccessProblems.rejected();
	}

	/** A peer token whose session is still open: ending a session revokes its token. */
	private static ReactiveAuthorizationManager<AuthorizationContext> peerInOpenSession(PeerSessions sessions) {
		return (authentication, context) -> authentication
			.filter((auth) -> auth instanceof TokenAuthentication verified && verified.token() != null)
			.flatMap((auth) -> sessions.authorize(context.getExchange(), ((TokenAuthentication) auth).token()))
			.map((session) -> true)
			.defaultIfEmpty(false)
			.map(AuthorizationDecision::new);
	}

}
