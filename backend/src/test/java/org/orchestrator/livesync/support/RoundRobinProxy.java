package org.orchestrator.livesync.support;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.ConnectionProvider;

import org.reactivestreams.Publisher;

/**
 * A small HTTP load balancer for tests: each request goes to the next of its servers in
 * turn, whatever connection it came on, as the worst balancer would send them. Bodies and
 * responses stream through (server-sent events too); it adds the client's address to
 * {@code X-Forwarded-For} as a real proxy does, and notes which server got each request.
 */
public final class RoundRobinProxy implements AutoCloseable {

	/**
	 * Hop-by-hop headers, which belong to one connection and are not passed on; the
	 * length is passed on alone, as Netty frames a body of a known length.
	 */
	private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
			"trailer", "upgrade", "proxy-connection", "host", "content-length");

	private final List<String> servers;

	private final AtomicInteger next = new AtomicInteger();

	private final List<Routed> routed = new CopyOnWriteArrayList<>();

	private final ConnectionProvider connections = ConnectionProvider.create("round-robin-proxy", 50);

	private final HttpClient client = HttpClient.create(this.connections).responseTimeout(Duration.ofMinutes(2));

	private final DisposableServer server;

	public RoundRobinProxy(List<String> servers) {
		this.servers = List.copyOf(servers);
		this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::forward).bindNow();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** Every request forwarded so far: what it asked for, and the index of its server. */
	public List<Routed> routed() {
		return List.copyOf(this.routed);
	}

	/**
	 * The index of the server that got the last request whose path starts with
	 * {@code path}.
	 */
	public int lastServerOf(String method, String path) {
		for (int i = this.routed.size() - 1; i >= 0; i--) {
			Routed request = this.routed.get(i);
			if (request.method().equals(method) && request.path().startsWith(path)) {
				return request.server();
			}
		}
		throw new AssertionError("no " + method + " " + path + " went through the proxy: " + this.routed);
	}

	private Publisher<Void> forward(HttpServerRequest request, HttpServerResponse response) {
		int index = Math.floorMod(this.next.getAndIncrement(), this.servers.size());
		String authorization = request.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
		this.routed.add(new Routed(request.method().name(), request.uri(), index,
				(authorization != null) ? Integer.toHexString(authorization.hashCode()) : null));
		String forwardedFor = forwardedFor(request);
		return this.client.headers((headers) -> {
			request.requestHeaders().forEach((header) -> {
				if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
					headers.add(header.getKey(), header.getValue());
				}
			});
			headers.set("X-Forwarded-For", forwardedFor);
			String length = request.requestHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
			if (length != null) {
				headers.set(HttpHeaderNames.CONTENT_LENGTH, length);
			}
		})
			.request(request.method())
			.uri(this.servers.get(index) + request.uri())
			.send((outgoing, out) -> hasBody(request) ? out.send(request.receive().retain()) : out)
			.response((answer, body) -> {
				response.status(answer.status());
				answer.responseHeaders().forEach((header) -> {
					if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
						response.header(header.getKey(), header.getValue());
					}
				});
				String length = answer.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
				if (length != null) {
					response.header(HttpHeaderNames.CONTENT_LENGTH, length);
				}
				return response.send(body.retain());
			})
			.then();
	}

	private static boolean hasBody(HttpServerRequest request) {
		return request.requestHeaders().contains(HttpHeaderNames.CONTENT_LENGTH)
				|| request.requestHeaders().contains(HttpHeaderNames.TRANSFER_ENCODING);
	}

	private static String forwardedFor(HttpServerRequest request) {
		String client = (request.remoteAddress() != null) ? request.remoteAddress().getAddress().getHostAddress()
				: "unknown";
		String earlier = request.requestHeaders().get("X-Forwarded-For");
		return (earlier != null) ? earlier + ", " + client : client;
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.connections.disposeLater().block(Duration.ofSeconds(10));
	}

	/**
	 * A request the proxy forwarded: its method, path and query, its server, and a hash
	 * of its credentials (which requests share a token, without showing it).
	 */
	public record Routed(String method, String path, int server, String credential) {
	}

}
