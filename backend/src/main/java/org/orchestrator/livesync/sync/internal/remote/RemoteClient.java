package org.orchestrator.livesync.sync.internal.remote;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.sync.internal.transfer.PackageStreamer;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;
import org.orchestrator.livesync.sync.internal.transfer.SyncPackage;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * This server as a client of a remote server's peer API. Connecting gives up after a few
 * seconds; streams fail when the remote goes quiet for a minute; every failure becomes a
 * problem that says what went wrong.
 */
@Component
public class RemoteClient {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

	static final Duration QUIET_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * Applying a big package takes as long as it takes; the upload itself has
	 * backpressure.
	 */
	static final Duration APPLY_TIMEOUT = Duration.ofMinutes(30);

	private final WebClient web;

	private final JsonMapper json;

	RemoteClient(JsonMapper json) {
		this.json = json;
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
			.responseTimeout(ANSWER_TIMEOUT);
		this.web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).codecs((codecs) -> {
			codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(json));
			codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(json));
			codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024);
		}).build();
	}

	/** What the server at {@code url} says it is ({@code /sync/test}). */
	public Mono<RemoteServer> probe(String url) {
		return this.web.get().uri(url + "/api/v1/sync/test").retrieve().bodyToMono(JsonNode.class).map((body) -> {
			if (!body.path("success").asBoolean(false) || !body.hasNonNull("server_id")) {
				throw new IllegalStateException("not a Live Sync server");
			}
			return new RemoteServer(url, body.get("server_id").asString(), body.path("server_name").asString(""),
					body.path("version").asString(""));
		})
			.onErrorMap((ex) -> (ex instanceof IllegalStateException)
					? RemoteFailures.explain(
							new IllegalStateException(url + " does not answer like a Live Sync server"), url, this.json)
					: RemoteFailures.explain(ex, url, this.json));
	}

	/**
	 * A session on the remote, opened in this server's name with the remote's sync
	 * password.
	 */
	public Mono<RemoteSession> connect(String url, String ourServerId, String password) {
		return this.web.post()
			.uri(url + "/api/v1/sync/connect")
			.bodyValue(Map.of("server_id", ourServerId, "password", password))
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map((body) -> new RemoteSession(body.get("session_id").asString(), body.get("token").asString(),
					body.get("expires_in").asLong()))
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/** The remote's inventory, item contents included, as NDJSON lines. */
	public Flux<JsonNode> inventory(String url, RemoteSession session) {
		return lines(url + "/api/v1/sync/inventory", url, session);
	}

	/** The remote's item hashes only, as NDJSON lines. */
	public Flux<JsonNode> hashes(String url, RemoteSession session) {
		return lines(url + "/api/v1/sync/hashes", url, session);
	}

	/**
	 * The remote's item hashes of these kinds (sections such as {@code nodes}), as NDJSON
	 * lines.
	 */
	public Flux<JsonNode> hashes(String url, RemoteSession session, List<String> sections) {
		return lines(url + "/api/v1/sync/hashes?kinds=" + String.join(",", sections), url, session);
	}

	/** The remote's item hashes of the items in scope, as NDJSON lines. */
	public Flux<JsonNode> hashes(String url, RemoteSession session, Scope scope) {
		return this.web.post()
			.uri(url + "/api/v1/sync/hashes")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + session.token())
			.accept(MediaType.APPLICATION_NDJSON)
			.bodyValue(scope.toJson())
			.retrieve()
			.bodyToFlux(JsonNode.class)
			.timeout(QUIET_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/**
	 * The remote's digest per kind: {@code {server_id, digests: {nodes: {items, digest},
	 * ...}}}.
	 */
	public Mono<JsonNode> digest(String url, RemoteSession session) {
		return this.web.get()
			.uri(url + "/api/v1/sync/digest")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + session.token())
			.retrieve()
			.bodyToMono(JsonNode.class)
			.timeout(ANSWER_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/** The named items of the remote with their contents, as NDJSON lines. */
	public Flux<JsonNode> items(String url, RemoteSession session, Map<String, List<String>> keysBySection) {
		return this.web.post()
			.uri(url + "/api/v1/sync/items")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + session.token())
			.accept(MediaType.APPLICATION_NDJSON)
			.bodyValue(keysBySection)
			.retrieve()
			.bodyToFlux(JsonNode.class)
			.timeout(QUIET_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/**
	 * Streams a package to the remote, which applies it (or, on a dry run, tries and
	 * rolls back).
	 */
	public Mono<ReceiveResult> send(String url, RemoteSession session, SyncPackage header, Flux<byte[]> ciphertext,
			boolean dryRun) {
		Flux<DataBuffer> body = ciphertext.map(DefaultDataBufferFactory.sharedInstance::wrap);
		return this.web.post()
			.uri(url + "/api/v1/sync/receive/stream?dry_run=" + dryRun)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + session.token())
			.header(PackageStreamer.SESSION_HEADER, session.sessionId())
			.header(PackageStreamer.HEADER, PackageStreamer.encodeHeader(header))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.httpRequest((request) -> ((HttpClientRequest) request.getNativeRequest()).responseTimeout(APPLY_TIMEOUT))
			.body(body, DataBuffer.class)
			.retrieve()
			.bodyToMono(ReceiveResult.class)
			.timeout(APPLY_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	private Flux<JsonNode> lines(String endpoint, String url, RemoteSession session) {
		return this.web.get()
			.uri(endpoint)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + session.token())
			.accept(MediaType.APPLICATION_NDJSON)
			.retrieve()
			.bodyToFlux(JsonNode.class)
			.timeout(QUIET_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/** A session this server holds on a remote. */
	public record RemoteSession(String sessionId, String token, long expiresIn) {

		@Override
		public String toString() {
			return "RemoteSession[" + this.sessionId + ", token=<redacted>]";
		}

	}

}
