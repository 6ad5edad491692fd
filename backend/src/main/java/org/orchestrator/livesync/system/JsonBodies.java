package org.orchestrator.livesync.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.BodyExtractor;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads a JSON request body larger than the codecs' default limit, for the two endpoints
 * whose documents may be big (the JSON forms of a package and of an inventory). Bigger
 * bodies are refused with 413, and huge transfers use the streamed forms instead. A
 * document read becomes a tree several times its size, so only
 * {@value #DOCUMENTS_AT_ONCE} are read at once; more answer 503 with {@code Retry-After}.
 */
@Component
public class JsonBodies {

	/**
	 * The largest JSON document: an inventory or a package of some tens of thousands of
	 * items.
	 */
	public static final int DOCUMENT_BYTES = 8 * 1024 * 1024;

	static final int DOCUMENTS_AT_ONCE = 2;

	private final Semaphore documents = new Semaphore(DOCUMENTS_AT_ONCE);

	private final JacksonJsonDecoder documentDecoder;

	private final ServerCodecConfigurer codecs;

	JsonBodies(JsonMapper json, ServerCodecConfigurer codecs) {
		this.codecs = codecs;
		this.documentDecoder = new JacksonJsonDecoder(json);
		this.documentDecoder.setMaxInMemorySize(DOCUMENT_BYTES);
	}

	/**
	 * An NDJSON body as a stream of JSON values, one per line, read as they are asked
	 * for.
	 */
	public Flux<JsonNode> lines(ServerWebExchange exchange) {
		return BodyExtractors.toFlux(JsonNode.class).extract(exchange.getRequest(), new BodyExtractor.Context() {

			@Override
			public List<HttpMessageReader<?>> messageReaders() {
				return JsonBodies.this.codecs.getReaders();
			}

			@Override
			public Optional<ServerHttpResponse> serverResponse() {
				return Optional.of(exchange.getResponse());
			}

			@Override
			public Map<String, Object> hints() {
				return Map.of();
			}

		});
	}

	public <T> Mono<T> read(ServerWebExchange exchange, Class<T> type) {
		return Mono.usingWhen(permit(),
				(permit) -> this.documentDecoder
					.decodeToMono(exchange.getRequest().getBody(), ResolvableType.forClass(type),
							MediaType.APPLICATION_JSON, Map.of())
					.cast(type)
					.switchIfEmpty(Mono.error(
							() -> new ProblemException(ProblemCode.MALFORMED_REQUEST, "the request body is missing"))),
				(permit) -> Mono.fromRunnable(this.documents::release));
	}

	private Mono<Boolean> permit() {
		return Mono.fromCallable(() -> {
			if (!this.documents.tryAcquire()) {
				throw new ProblemException(ProblemCode.BUSY,
						"this server is reading " + DOCUMENTS_AT_ONCE
								+ " large JSON documents already; retry shortly, or use the streamed form")
					.withHeader(HttpHeaders.RETRY_AFTER, "5");
			}
			return true;
		});
	}

}
