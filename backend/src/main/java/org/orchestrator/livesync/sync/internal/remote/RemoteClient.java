package org.orchestrator.livesync.sync.internal.remote;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.sync.internal.history.Provenance;
import org.orchestrator.livesync.inventory.ConstraintFacts;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.sync.internal.protocol.PeerApi;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages;
import org.orchestrator.livesync.sync.internal.transfer.BodyBytes;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.sync.internal.transfer.PackageStreamer;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;
import org.orchestrator.livesync.sync.internal.transfer.SyncPackage;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.codec.CodecException;
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
public class RemoteClient implements DisposableBean {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

	static final Duration QUIET_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * Applying a big package takes as long as it takes; the upload itself has
	 * backpressure.
	 */
	static final Duration APPLY_TIMEOUT = Duration.ofMinutes(30);

	private final WebClient web;

	private final ConnectionProvider connections;

	private final RemoteTrust trust;

	/**
	 * Clients for pinned remotes, by pin: each with its own connections, so that no call
	 * of a pinned session goes over a connection whose certificate another trust
	 * accepted.
	 */
	private final PinnedClients pinned = new PinnedClients();

	private final JsonMapper json;

	RemoteClient(JsonMapper json, RemoteTrust trust) {
		this.json = json;
		this.trust = trust;
		this.connections = ConnectionProvider.create("live-sync-remotes");
		this.web = webClient(this.connections, trust.trustManager(null));
	}

	private WebClient webClient(ConnectionProvider provider, RemoteTrustManager trustManager) {
		HttpClient http = HttpClient.create(provider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) CONNECT_TIMEOUT.toMillis())
			.responseTimeout(ANSWER_TIMEOUT)
			// Applies to https:// URLs only; http:// ones stay plain.
			.secure((tls) -> tls.sslContext(
					Http11SslContextSpec.forClient().configure((builder) -> builder.trustManager(trustManager))));
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).codecs((codecs) -> {
			codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(this.json));
			codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(this.json));
			codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024);
		}).build();
	}

	/** The client for calls that trust what {@code pin} says (null: the anchors). */
	private WebClient web(String pin) {
		if (pin == null) {
			return this.web;
		}
		return this.pinned.get(pin, (provider) -> webClient(provider, this.trust.trustManager(pin)));
	}

	private WebClient web(RemoteSession session) {
		return web(session.pin());
	}

	@Override
	public void destroy() {
		this.pinned.close();
		this.connections.dispose();
	}

	/**
	 * What the server at {@code url} says it is ({@code /sync/test}); {@code pin} (a
	 * fingerprint in normal form, or null) is the certificate to accept.
	 */
	public Mono<RemoteServer> probe(String url, String pin) {
		return web(pin).get().uri(url + PeerApi.TEST).retrieve().bodyToMono(PeerMessages.SyncTest.class).map((test) -> {
			if (!test.success() || test.serverId() == null) {
				throw new IllegalStateException("not a Live Sync server");
			}
			return new RemoteServer(url, test.serverId(), Objects.requireNonNullElse(test.serverName(), ""),
					Objects.requireNonNullElse(test.version(), ""));
		})
			.onErrorMap((ex) -> (ex instanceof IllegalStateException || ex instanceof CodecException)
					? RemoteFailures.explain(
							new IllegalStateException(url + " does not answer like a Live Sync server"), url, this.json)
					: RemoteFailures.explain(ex, url, this.json));
	}

	/**
	 * A session on the remote, opened in this server's name with the remote's sync
	 * password; every call in it accepts the certificate {@code pin} names, if not null.
	 */
	public Mono<RemoteSession> connect(String url, String ourServerId, String password, String pin) {
		return web(pin).post()
			.uri(url + PeerApi.CONNECT)
			.bodyValue(new PeerMessages.ConnectRequest(ourServerId, password))
			.retrieve()
			.bodyToMono(PeerMessages.ConnectResponse.class)
			.map((answer) -> {
				if (answer.sessionId() == null || answer.token() == null) {
					throw new IllegalStateException(url + " opened no session");
				}
				return new RemoteSession(answer.sessionId(), answer.token(), answer.expiresIn(), pin);
			})
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/**
	 * The remote's item hashes of the items in scope, as NDJSON lines (metadata first,
	 * stats last).
	 */
	public Flux<PeerMessages.HashLine> hashes(String url, RemoteSession session, Scope scope) {
		return web(session).post()
			.uri(url + PeerApi.HASHES)
			.header(HttpHeaders.AUTHORIZATION, bearer(session))
			.accept(MediaType.APPLICATION_NDJSON)
			.bodyValue(scope.toJson())
			.retrieve()
			.bodyToFlux(PeerMessages.HashLine.class)
			.timeout(QUIET_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/** The remote's digest per kind. */
	public Mono<PeerMessages.DigestResponse> digest(String url, RemoteSession session) {
		return web(session).get()
			.uri(url + PeerApi.DIGEST)
			.header(HttpHeaders.AUTHORIZATION, bearer(session))
			.retrieve()
			.bodyToMono(PeerMessages.DigestResponse.class)
			.timeout(ANSWER_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/**
	 * The remote's change feed since the checkpoint this server holds with it (none: only
	 * the metadata line, with the remote's stable watermark).
	 */
	public Flux<PeerMessages.ChangeLine> changes(String url, RemoteSession session, Long since, String checkpointId) {
		return web(session).get().uri(url + PeerApi.CHANGES, (uri) -> {
			if (since != null) {
				uri.queryParam(PeerApi.SINCE, since);
			}
			if (checkpointId != null) {
				uri.queryParam(PeerApi.CHECKPOINT_ID, checkpointId);
			}
			return uri.build();
		})
			.header(HttpHeaders.AUTHORIZATION, bearer(session))
			.accept(MediaType.APPLICATION_NDJSON)
			.retrieve()
			.bodyToFlux(PeerMessages.ChangeLine.class)
			.timeout(QUIET_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/** Records a new replication checkpoint on the remote. */
	public Mono<PeerMessages.CheckpointResponse> checkpoint(String url, RemoteSession session,
			PeerMessages.CheckpointRequest request) {
		return web(session).post()
			.uri(url + PeerApi.CHECKPOINT)
			.header(HttpHeaders.AUTHORIZATION, bearer(session))
			.bodyValue(request)
			.retrieve()
			.bodyToMono(PeerMessages.CheckpointResponse.class)
			.timeout(ANSWER_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/**
	 * The named items of the remote with their contents, one item document per line (what
	 * a compare shows field by field).
	 */
	public Flux<JsonNode> items(String url, RemoteSession session, ItemKind kind, List<String> keys) {
		return web(session).post()
			.uri(url + PeerApi.ITEMS)
			.header(HttpHeaders.AUTHORIZATION, bearer(session))
			.accept(MediaType.APPLICATION_NDJSON)
			.bodyValue(Map.of(kind.section(), keys))
			.retrieve()
			.bodyToFlux(JsonNode.class)
			.timeout(QUIET_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/** What the remote has of the nodes, keys and addresses a constraint check names. */
	public Mono<ConstraintFacts.Facts> facts(String url, RemoteSession session, ConstraintFacts.Probe probe) {
		return web(session).post()
			.uri(url + PeerApi.FACTS)
			.header(HttpHeaders.AUTHORIZATION, bearer(session))
			.bodyValue(probe)
			.retrieve()
			.bodyToMono(ConstraintFacts.Facts.class)
			.timeout(ANSWER_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/**
	 * Streams a package to the remote, which applies it (or, on a dry run, tries and
	 * rolls back).
	 */
	public Mono<ReceiveResult> send(String url, RemoteSession session, SyncPackage header, Flux<byte[]> ciphertext,
			boolean dryRun) {
		return send(url, session, header, ciphertext, dryRun, null);
	}

	/**
	 * The same as a resumable upload whose body is the ciphertext from byte
	 * {@code resumeFrom} on (null: not resumable): the remote keeps what arrives, and
	 * applies the package once all of it is there.
	 */
	public Mono<ReceiveResult> send(String url, RemoteSession session, SyncPackage header, Flux<byte[]> ciphertext,
			boolean dryRun, Long resumeFrom) {
		Flux<DataBuffer> body = ciphertext.map(DefaultDataBufferFactory.sharedInstance::wrap);
		return Mono.deferContextual((context) -> web(session).post()
			.uri(url + PeerApi.RECEIVE_STREAM + "?" + PeerApi.DRY_RUN + "=" + dryRun)
			.header(HttpHeaders.AUTHORIZATION, bearer(session))
			.header(PeerApi.SESSION_HEADER, session.sessionId())
			.header(PeerApi.PACKAGE_HEADER, PackageStreamer.encodeHeader(header))
			.headers((headers) -> {
				if (resumeFrom != null) {
					headers.set(PeerApi.RESUME_FROM_HEADER, resumeFrom.toString());
				}
				Provenance provenance = Provenance.of(context);
				if (provenance.jobId() != null) {
					headers.set(PeerApi.JOB_HEADER, provenance.jobId().toString());
				}
				if (provenance.startedBy() != null) {
					headers.set(PeerApi.STARTED_BY_HEADER, provenance.startedBy());
				}
			})
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.httpRequest((request) -> ((HttpClientRequest) request.getNativeRequest()).responseTimeout(APPLY_TIMEOUT))
			.body(body, DataBuffer.class)
			.retrieve()
			.bodyToMono(ReceiveResult.class)
			.timeout(APPLY_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json)));
	}

	/**
	 * How much of the resumable upload of {@code packageId} the remote holds; empty when
	 * nothing.
	 */
	public Mono<PeerMessages.UploadStatus> uploadStatus(String url, RemoteSession session, String packageId) {
		return web(session).get()
			.uri(url + PeerApi.RECEIVE_STREAM_STATUS, packageId)
			.header(HttpHeaders.AUTHORIZATION, bearer(session))
			.exchangeToMono((response) -> {
				if (response.statusCode().value() == 404) {
					return response.releaseBody().then(Mono.<PeerMessages.UploadStatus>empty());
				}
				return response.statusCode().is2xxSuccessful() ? response.bodyToMono(PeerMessages.UploadStatus.class)
						: response.<PeerMessages.UploadStatus>createError();
			})
			.timeout(ANSWER_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/**
	 * Asks the remote for a streamed package of the items {@code keys} names, any number
	 * of them, sent as NDJSON in {@code session}: its header and its ciphertext, to apply
	 * here and then {@link #confirm}. A {@code resumable} pull is kept by the remote
	 * until confirmed, for {@link #resumePull} to go on with.
	 */
	public Mono<Pulled> pull(String url, RemoteSession session, Flux<ItemKey> keys, boolean resumable) {
		Flux<DataBuffer> body = keys.map((key) -> DefaultDataBufferFactory.sharedInstance
			.wrap((this.json.writeValueAsString(key) + "\n").getBytes(StandardCharsets.UTF_8)));
		return pulled(url,
				web(session).post()
					.uri(url + PeerApi.TRANSFER_STREAM)
					.header(HttpHeaders.AUTHORIZATION, bearer(session))
					.headers((headers) -> {
						if (resumable) {
							headers.set(PeerApi.RESUME_FROM_HEADER, "0");
						}
					})
					.contentType(MediaType.APPLICATION_NDJSON)
					.accept(MediaType.APPLICATION_OCTET_STREAM)
					.body(body, DataBuffer.class)
					.retrieve());
	}

	/**
	 * The rest of resumable pull {@code packageId}, from byte {@code from} on; empty when
	 * the remote no longer holds it.
	 */
	public Mono<Pulled> resumePull(String url, RemoteSession session, String packageId, long from) {
		return pulled(url, web(session).get()
			.uri(url + PeerApi.TRANSFER_STREAM_RESUME, packageId)
			.header(HttpHeaders.AUTHORIZATION, bearer(session))
			.header(PeerApi.RESUME_FROM_HEADER, Long.toString(from))
			.accept(MediaType.APPLICATION_OCTET_STREAM)
			.retrieve()
			.onStatus((status) -> status.value() == 404, (response) -> response.releaseBody().then(Mono.empty())));
	}

	private Mono<Pulled> pulled(String url, WebClient.ResponseSpec response) {
		return response.toEntityFlux(DataBuffer.class)
			.timeout(ANSWER_TIMEOUT)
			.filter((entity) -> entity.getStatusCode().is2xxSuccessful())
			.map((entity) -> {
				String header = entity.getHeaders().getFirst(PeerApi.PACKAGE_HEADER);
				if (header == null || entity.getBody() == null) {
					throw new ProblemException(ProblemCode.REMOTE_NOT_LIVE_SYNC,
							url + " answered a pull without a package");
				}
				return new Pulled(header,
						BodyBytes.of(entity.getBody())
							.timeout(QUIET_TIMEOUT)
							.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json)));
			})
			.onErrorMap((ex) -> !(ex instanceof ProblemException), (ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/**
	 * Tells the remote a pulled package was applied here, but for the items left alone:
	 * the rest become bases there too.
	 */
	public Mono<PeerMessages.ConfirmResponse> confirm(String url, RemoteSession session, String packageId,
			List<ItemKey> leftAlone) {
		return web(session).post()
			.uri(url + PeerApi.CONFIRM)
			.header(HttpHeaders.AUTHORIZATION, bearer(session))
			.bodyValue(new PeerMessages.ConfirmRequest(session.sessionId(), packageId, leftAlone))
			.retrieve()
			.bodyToMono(PeerMessages.ConfirmResponse.class)
			.timeout(ANSWER_TIMEOUT)
			.onErrorMap((ex) -> RemoteFailures.explain(ex, url, this.json));
	}

	/** A package the remote is streaming here: its encoded header and its ciphertext. */
	public record Pulled(String encodedHeader, Flux<byte[]> ciphertext) {
	}

	private static String bearer(RemoteSession session) {
		return "Bearer " + session.token();
	}

	/**
	 * Whether {@code failure} is the remote's refusal of a peer session it no longer
	 * holds: ended, expired, or forgotten in a restart.
	 */
	public static boolean sessionEnded(Throwable failure) {
		return failure instanceof ProblemException problem
				&& (ProblemCode.RELAYED_PREFIX + ProblemCode.UNAUTHORIZED.code()).equals(problem.code());
	}

	/**
	 * A session this server holds on a remote, and the pinned fingerprint (or null) its
	 * calls accept.
	 */
	public record RemoteSession(String sessionId, String token, long expiresIn, String pin) {

		@Override
		public String toString() {
			return "RemoteSession[" + this.sessionId + ", token=<redacted>" + ((this.pin != null) ? ", pinned" : "")
					+ "]";
		}

	}

}
