package org.orchestrator.livesync.system.internal;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.Problems;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The one place where failures become responses: controllers, filters and unmatched
 * routes all end here, so every error is {@code application/problem+json}. Runs before
 * Boot's default handler, which would answer with its own JSON shape.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

	private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final JsonMapper jsonMapper;

	ProblemExceptionHandler(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(failure);
		}
		ProblemException problem = Problems.from(failure);
		response.setStatusCode(problem.status());
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(PROBLEM_JSON);
		headers.addAll(problem.headers());
		if (problem.status() == HttpStatus.UNAUTHORIZED) {
			headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		byte[] body = this.jsonMapper.writeValueAsBytes(problem.toProblem(exchange.getRequest().getPath().value()));
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
