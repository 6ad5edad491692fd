package org.orchestrator.livesync.security.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.system.JsonBodies;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * How much body each endpoint takes, checked before anything is buffered: a declared
 * {@code Content-Length} over the limit is answered 413 at once, and a body that grows
 * past it is cut at the limit. A body that stops arriving is cut after
 * {@code REQUEST_BODY_IDLE_TIMEOUT}, so a stalled client holds nothing for long. Runs
 * after the security chain: a caller without the right token is refused before a byte of
 * its body is read.
 */
@Component
@Order(-90)
class BodyLimits implements WebFilter {

	/** A login: a name and a password. */
	static final long LOGIN_BYTES = 16 * 1024;

	/** The streamed forms: an inventory or a package of a million items fits. */
	static final long STREAM_BYTES = 2L * 1024 * 1024 * 1024;

	private static final MediaType NDJSON = MediaType.APPLICATION_NDJSON;

	private final List<Limit> limits;

	private final long defaultBytes;

	private final Duration idleTimeout;

	BodyLimits(@Value("${spring.http.codecs.max-in-memory-size}") DataSize oneItem,
			@Value("${live-sync.request-body-idle-timeout}") Duration idleTimeout) {
		// Everything else takes what one item (or a selection) needs, the codecs' limit.
		this.defaultBytes = oneItem.toBytes();
		this.idleTimeout = idleTimeout;
		this.limits = List.of(new Limit("/api/v1/auth/login", null, LOGIN_BYTES),
				new Limit("/api/v1/sync/connect", null, LOGIN_BYTES),
				new Limit("/api/v1/sync/compare", NDJSON, STREAM_BYTES),
				new Limit("/api/v1/sync/compare", null, JsonBodies.DOCUMENT_BYTES),
				new Limit("/api/v1/sync/receive", null, JsonBodies.DOCUMENT_BYTES),
				new Limit("/api/v1/sync/transfer/stream", NDJSON, STREAM_BYTES),
				new Limit("/api/v1/sync/transfer/stream", null, JsonBodies.DOCUMENT_BYTES),
				new Limit("/api/v1/sync/receive/stream", null, STREAM_BYTES),
				new Limit("/api/v1/inventory/import", null, STREAM_BYTES));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long limit = limitFor(request);
		if (request.getHeaders().getContentLength() > limit) {
			return Mono.error(ProblemException.tooLarge(limit));
		}
		return chain.filter(exchange.mutate().request(new LimitedBody(request, limit, this.idleTimeout)).build());
	}

	long limitFor(ServerHttpRequest request) {
		MediaType type;
		try {
			type = request.getHeaders().getContentType();
		}
		catch (InvalidMediaTypeException ex) {
			// The handler answers for it; the route's strictest limit applies meanwhile.
			type = null;
		}
		for (Limit limit : this.limits) {
			if (limit.path().matches(request.getPath().pathWithinApplication())
					&& (limit.type() == null || (type != null && limit.type().isCompatibleWith(type)))) {
				return limit.bytes();
			}
		}
		return this.defaultBytes;
	}

	/** The limit of a route, or of one content type on it. */
	private record Limit(PathPattern path, MediaType type, long bytes) {

		Limit(String path, MediaType type, long bytes) {
			this(PathPatternParser.defaultInstance.parse(path), type, bytes);
		}

	}

	private static final class LimitedBody extends ServerHttpRequestDecorator {

		private final long limit;

		private final Duration idleTimeout;

		LimitedBody(ServerHttpRequest request, long limit, Duration idleTimeout) {
			super(request);
			this.limit = limit;
			this.idleTimeout = idleTimeout;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> {
				AtomicLong received = new AtomicLong();
				AtomicBoolean cancelled = new AtomicBoolean();
				// The buffer goes on even past the limit, followed by the error: whoever
				// reads the body releases what it got, and nothing is released twice. A
				// reader with a limit of its own may have stopped at the same buffer.
				return super.getBody().<DataBuffer>handle((buffer, sink) -> {
					sink.next(buffer);
					if (received.addAndGet(buffer.readableByteCount()) > this.limit && !cancelled.get()) {
						sink.error(ProblemException.tooLarge(this.limit));
					}
				})
					.doOnCancel(() -> cancelled.set(true))
					.timeout(this.idleTimeout,
							Flux.error(() -> new ProblemException(ProblemCode.BODY_STALLED,
									"no part of the request body arrived for " + this.idleTimeout.toSeconds()
											+ " seconds; send it again")));
			});
		}

	}

}
