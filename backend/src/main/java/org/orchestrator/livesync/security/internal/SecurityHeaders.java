package org.orchestrator.livesync.security.internal;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Spring Security's header writers, applied first of all filters so that every response
 * has them, the firewall's refusals and unmatched routes included: {@code nosniff},
 * {@code X-Frame-Options: DENY}, {@code Referrer-Policy: no-referrer}, HSTS over HTTPS, a
 * content security policy, and {@code Cache-Control: no-store} on the API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders implements WebFilter {

	/**
	 * The web UI loads its own scripts and styles only; React sets some inline styles,
	 * and Swagger UI shows data: images.
	 */
	static final String WEB_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** API answers are data, never a document that loads anything. */
	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

	private final ServerHttpHeadersWriter always = new CompositeServerHttpHeadersWriter(
			new ContentTypeOptionsServerHttpHeadersWriter(), new XFrameOptionsServerHttpHeadersWriter(),
			new ReferrerPolicyServerHttpHeadersWriter(), new StrictTransportSecurityServerHttpHeadersWriter());

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> write(exchange));
		return chain.filter(exchange);
	}

	private Mono<Void> write(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		boolean api = API.matches(exchange.getRequest().getPath().pathWithinApplication());
		if (!headers.containsHeader("Content-Security-Policy")) {
			headers.set("Content-Security-Policy", api ? API_POLICY : WEB_UI_POLICY);
		}
		if (api && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
			headers.setCacheControl("no-store");
		}
		return this.always.writeHttpHeaders(exchange);
	}

}
