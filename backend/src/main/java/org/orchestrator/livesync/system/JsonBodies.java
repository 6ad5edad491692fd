package org.orchestrator.livesync.system;

import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.BodyExtractor;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads a JSON request body larger than the codecs' default limit, for the few endpoints
 * whose documents may be big (a package, an inventory). The limit stays: bigger bodies
 * are refused with 413, and huge transfers use the streamed forms instead.
 */
@Component
public class JsonBodies {

	public static final int LARGE_BODY_BYTES = 256 * 1024 * 1024;

	private final JsonMapper json;

	private final ServerCodecConfigurer codecs;

	JsonBodies(JsonMapper json, ServerCodecConfigurer codecs) {
		this.json = json;
		this.codecs = codecs;
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
		return DataBufferUtils.join(exchange.getRequest().getBody(), LARGE_BODY_BYTES).map((buffer) -> {
			try {
				// Utf8JsonFilter has refused other charsets and malformed UTF-8, which
				// this would have turned into U+FFFD.
				return buffer.toString(StandardCharsets.UTF_8);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		})
			.switchIfEmpty(Mono.error(() -> new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST,
					"malformed-request", "Malformed request", "the request body is missing")))
			.map((text) -> this.json.readValue(text, type));
	}

}
