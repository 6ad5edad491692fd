package org.orchestrator.livesync.sync.internal.remote;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.sync.internal.transfer.PackageStreamer;
import org.orchestrator.livesync.sync.internal.transfer.PulledExpectations;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;
import org.orchestrator.livesync.sync.internal.transfer.StreamedPackageReceiver;
import org.orchestrator.livesync.sync.internal.transfer.TransferProperties;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Component;

/**
 * Pulls a streamed package so that a dropped connection costs only what was in flight,
 * the mirror of {@link ResumablePush}: the remote keeps the package it streams, and this
 * server keeps every whole chunk that arrived, checked. When the connection drops, this
 * reconnects with a fresh peer session and asks the remote for the rest from the byte it
 * holds, a bounded number of times with a short back-off. Nothing is applied until all of
 * the package is here; then it is applied in one transaction.
 */
@Component
public class ResumablePull {

	private static final Log log = LogFactory.getLog(ResumablePull.class);

	private final RemoteClient client;

	private final StreamedPackageReceiver receiver;

	private final TransferProperties properties;

	ResumablePull(RemoteClient client, StreamedPackageReceiver receiver, TransferProperties properties) {
		this.client = client;
		this.receiver = receiver;
		this.properties = properties;
	}

	/**
	 * Pulls {@code items} from the remote {@code remoteServerId} at {@code url}, sealed
	 * under its {@code password}, and applies them here as {@code expected} allows;
	 * {@code reconnect} opens a fresh session there, {@code watch} sees each attempt's
	 * body as it arrives.
	 */
	public Mono<Pulled> pull(Remote remote, Supplier<Mono<RemoteClient.RemoteSession>> reconnect, Flux<ItemKey> items,
			PulledExpectations expected, UnaryOperator<Flux<byte[]>> watch) {
		return this.client.pull(remote.url(), remote.session(), items, true)
			.flatMap((pulled) -> stage(remote, reconnect, pulled.encodedHeader(), remote.session(), 0,
					watch.apply(pulled.ciphertext()), watch, 0)
				.flatMap((last) -> this.receiver
					.applyPulled(pulled.encodedHeader(), remote.password(), remote.serverId(), expected)
					.map((result) -> new Pulled(result, last))));
	}

	/** Stages the body of one attempt; the session the package was all staged in. */
	private Mono<RemoteClient.RemoteSession> stage(Remote remote, Supplier<Mono<RemoteClient.RemoteSession>> reconnect,
			String header, RemoteClient.RemoteSession session, long from, Flux<byte[]> body,
			UnaryOperator<Flux<byte[]>> watch, int retried) {
		return this.receiver.stagePulled(header, from, body, remote.password(), remote.serverId())
			.thenReturn(session)
			.onErrorResume((failure) -> retry(failure, retried + 1),
					(failure) -> resume(remote, reconnect, header, watch, retried + 1));
	}

	private Mono<RemoteClient.RemoteSession> resume(Remote remote, Supplier<Mono<RemoteClient.RemoteSession>> reconnect,
			String header, UnaryOperator<Flux<byte[]>> watch, int attempt) {
		String packageId = PackageStreamer.decodeHeader(header).packageId();
		log.warn("The pull of package " + packageId + " from " + remote.url() + " was cut off; resuming (attempt "
				+ attempt + " of " + this.properties.retries() + ")");
		return Mono.delay(this.properties.retryBackoff().multipliedBy(attempt))
			.then(reconnect.get())
			.flatMap((fresh) -> this.receiver.state(packageId, remote.serverId())
				.defaultIfEmpty(new StreamedPackageReceiver.UploadState(0, false, false))
				.flatMap((held) -> {
					if (held.complete() || held.applied()) {
						return Mono.just(fresh);
					}
					return this.client.resumePull(remote.url(), fresh, packageId, held.receivedBytes())
						.switchIfEmpty(Mono.error(() -> new ProblemException(ProblemCode.REMOTE_FAILED,
								"the pull from " + remote.url() + " was cut off, and the remote no longer holds "
										+ "package " + packageId + ": run the job again")))
						.flatMap((rest) -> sameHeader(rest, header, remote.url()))
						.flatMap((rest) -> stage(remote, reconnect, header, fresh, held.receivedBytes(),
								watch.apply(rest.ciphertext()), watch, attempt));
				}));
	}

	/**
	 * Whether another attempt may help: the connection dropped, and attempts are left.
	 */
	private boolean retry(Throwable failure, int attempt) {
		return attempt <= this.properties.retries() && failure instanceof ProblemException problem
				&& ResumablePush.DROPPED.contains(problem.code());
	}

	private static Mono<RemoteClient.Pulled> sameHeader(RemoteClient.Pulled rest, String header, String url) {
		if (rest.encodedHeader().equals(header)) {
			return Mono.just(rest);
		}
		// Taken no further: cancelling the body frees the connection.
		return rest.ciphertext()
			.take(0)
			.then(Mono.error(new ProblemException(ProblemCode.REMOTE_NOT_LIVE_SYNC,
					url + " resumed a pull with another package header")));
	}

	/**
	 * The remote pulled from: its address, its server id, the session the pull starts in,
	 * and the sync password its packages are sealed under.
	 */
	public record Remote(String url, String serverId, RemoteClient.RemoteSession session, String password) {

		@Override
		public String toString() {
			return "Remote[" + this.url + ", " + this.serverId + ", password=<redacted>]";
		}

	}

	/** A pull applied here, and the peer session it ended in, for the confirm. */
	public record Pulled(ReceiveResult result, RemoteClient.RemoteSession session) {
	}

}
