package org.orchestrator.livesync.system.internal;

import java.util.List;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses (406) an API request whose {@code Accept} takes none of the types the API
 * answers in, before its handler runs: found by content negotiation after the handler,
 * the 406 would come after the write was made. Runs after the security filters, so that a
 * browser asking an API route for HTML without a token still learns it needs one (401).
 * {@link QueryAndAcceptChecks} has already refused an {@code Accept} that does not parse.
 */
@Component
@Order(-95)
class AcceptableAnswers implements WebFilter {

	private static final List<MediaType> API_TYPES = List.of(MediaType.APPLICATION_JSON,
			MediaType.APPLICATION_PROBLEM_JSON, MediaType.APPLICATION_NDJSON, MediaType.TEXT_EVENT_STREAM,
			MediaType.APPLICATION_OCTET_STREAM);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
		if (!accepted.isEmpty() && exchange.getRequest().getPath().value().startsWith("/api/")
				&& accepted.stream().noneMatch((type) -> API_TYPES.stream().anyMatch(type::isCompatibleWith))) {
			return Mono.error(new ProblemException(ProblemCode.NOT_ACCEPTABLE,
					"the API answers only in " + API_TYPES + "; the Accept header takes none of them"));
		}
		return chain.filter(exchange);
	}

}
