package org.orchestrator.livesync.system.internal;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.system.NulCharacters;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, before anything reads them, the parts of a request line that would otherwise
 * fail deep inside as an internal error: a NUL in a query parameter (PostgreSQL stores no
 * NUL in text), answered as a 400 naming the parameter, and an {@code Accept} header that
 * is not a list of media types, which routing parses and would fail on. Runs before the
 * security filters, whose firewall refuses a NUL too but cannot say where it was.
 */
@Component
@Order(-110)
class QueryAndAcceptChecks implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		try {
			request.getHeaders().getAccept();
		}
		catch (InvalidMediaTypeException ex) {
			return Mono.error(new ProblemException(ProblemCode.MALFORMED_REQUEST,
					"the Accept header is not a list of media types (such as application/json)"));
		}
		for (Map.Entry<String, List<String>> parameter : request.getQueryParams().entrySet()) {
			if (parameter.getKey().indexOf('\0') >= 0) {
				return Mono.error(ProblemException.invalid("query", "parameter names " + NulCharacters.MESSAGE));
			}
			for (String value : parameter.getValue()) {
				if (value != null && value.indexOf('\0') >= 0) {
					return Mono.error(ProblemException.invalid(parameter.getKey(), NulCharacters.MESSAGE));
				}
			}
		}
		return chain.filter(exchange);
	}

}
