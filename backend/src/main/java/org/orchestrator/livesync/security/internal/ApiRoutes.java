package org.orchestrator.livesync.security.internal;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

/**
 * Who may call which route. The matchers are Spring's path patterns, matched on the
 * decoded path without {@code ;} parameters, exactly as the router matches it: a path
 * that reaches a handler is classified as that handler's route, however it was spelled.
 * Everything not listed here needs an operator token.
 */
final class ApiRoutes {

	/** Open to anyone: liveness, the seed's sync test, and the two logins. */
	static final ServerWebExchangeMatcher OPEN_API = pathMatchers(SecurityContract.OPEN_PATHS.toArray(String[]::new));

	/**
	 * The web UI: its files and its own routes (and the API documents when they are
	 * switched on), read with GET or HEAD; nothing under {@code /api}.
	 */
	static final ServerWebExchangeMatcher WEB_UI = new AndServerWebExchangeMatcher(
			new OrServerWebExchangeMatcher(pathMatchers(HttpMethod.GET, "/**"), pathMatchers(HttpMethod.HEAD, "/**")),
			new NegatedServerWebExchangeMatcher(pathMatchers("/api/**")));

	/** What needs no token at all. */
	static final ServerWebExchangeMatcher OPEN = new OrServerWebExchangeMatcher(OPEN_API, WEB_UI);

	/** The server-to-server API: peer tokens from {@code /sync/connect} only. */
	static final ServerWebExchangeMatcher PEER = pathMatchers(SecurityContract.PEER_PATHS.toArray(String[]::new));

	/**
	 * Rate limited per client: the peer API, and {@code /connect}, where the sync
	 * password can be guessed.
	 */
	static final ServerWebExchangeMatcher RATE_LIMITED = new OrServerWebExchangeMatcher(PEER,
			pathMatchers("/api/v1/sync/connect"));

	private ApiRoutes() {
	}

}
