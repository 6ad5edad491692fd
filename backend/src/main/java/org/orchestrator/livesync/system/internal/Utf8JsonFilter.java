package org.orchestrator.livesync.system.internal;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Holds JSON and NDJSON request bodies to UTF-8, the one encoding JSON travels in (RFC
 * 8259). A body declared in another charset is refused with 415: the codecs would
 * transcode it and the large-body reader ({@link JsonBodies}) would read it as UTF-8
 * anyway, so what is checked would not be what the client meant. The bytes of the body
 * are checked as they stream in, and malformed UTF-8 is refused with 400: Jackson stops
 * some of it but reads overlong forms as plain characters, and a decoder would turn the
 * rest into U+FFFD. Runs after rate limiting and authentication ({@code security}).
 */
@Component
@Order(-50)
class Utf8JsonFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		MediaType type;
		try {
			type = request.getHeaders().getContentType();
		}
		catch (InvalidMediaTypeException ex) {
			// The handlers answer for a Content-Type that does not parse.
			return chain.filter(exchange);
		}
		if (type == null || !isJson(type)) {
			return chain.filter(exchange);
		}
		boolean otherCharset = type.getParameter("charset") != null
				&& !StandardCharsets.UTF_8.equals(type.getCharset());
		if (otherCharset && hasBody(request.getHeaders())) {
			return Mono.error(new ProblemException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
					"JSON request bodies must be UTF-8: leave out the charset parameter or make it utf-8"));
		}
		return chain.filter(exchange.mutate().request(new Utf8CheckedRequest(request)).build());
	}

	/** JSON, a JSON-based type ({@code application/*+json}) or NDJSON. */
	private static boolean isJson(MediaType type) {
		String subtype = type.getSubtype();
		return "application".equals(type.getType()) && ("json".equals(subtype) || subtype.endsWith("+json")
				|| "x-ndjson".equals(subtype) || "ndjson".equals(subtype));
	}

	private static boolean hasBody(HttpHeaders headers) {
		return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
	}

	private static ProblemException notUtf8() {
		return new ProblemException(ProblemCode.MALFORMED_REQUEST, "the body is not valid UTF-8");
	}

	/** The request with its body checked for UTF-8 on the way to the handler. */
	private static final class Utf8CheckedRequest extends ServerHttpRequestDecorator {

		Utf8CheckedRequest(ServerHttpRequest request) {
			super(request);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			Utf8Validator utf8 = new Utf8Validator();
			return super.getBody().map((buffer) -> {
				DataBuffer copy = unpooled(buffer);
				if (!utf8.accept(copy)) {
					throw notUtf8();
				}
				return copy;
			}).concatWith(Mono.defer(() -> utf8.complete() ? Mono.empty() : Mono.error(notUtf8())));
		}

		/**
		 * The bytes in a heap buffer, the pooled one released. Spring's streaming JSON
		 * tokenizer releases the buffer it fails in (deep nesting, a syntax error), and
		 * the operator it runs in releases that buffer again as discarded: with a pooled
		 * Netty buffer, the second release frees memory another connection (a database
		 * one) has taken meanwhile, and that connection fails. Released twice, a heap
		 * buffer is only garbage.
		 */
		private static DataBuffer unpooled(DataBuffer buffer) {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}

	}

}
