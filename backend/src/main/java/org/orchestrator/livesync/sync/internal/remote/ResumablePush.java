package org.orchestrator.livesync.sync.internal.remote;

import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.sync.internal.transfer.OutgoingSpool;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;
import org.orchestrator.livesync.sync.internal.transfer.SyncPackage;
import org.orchestrator.livesync.sync.internal.transfer.TransferProperties;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Component;

/**
 * Pushes a streamed package so that a dropped connection costs only what was in flight:
 * the upload is resumable on the target, which keeps every whole chunk that arrived. When
 * the connection drops (or the target restarts), this reconnects with a fresh peer
 * session, asks the target how much it holds, and sends only the rest, a bounded number
 * of times with a short back-off. The bytes sent again are the same bytes
 * ({@link OutgoingSpool}). A dry run is sent once, as before: it keeps nothing.
 */
@Component
public class ResumablePush {

	private static final Log log = LogFactory.getLog(ResumablePush.class);

	/**
	 * The failures of the connection itself: the target did not answer, so it may hold
	 * part of the package. A problem the target answered is its verdict, never retried.
	 */
	static final Set<String> DROPPED = Set.of(ProblemCode.REMOTE_FAILED.code(), ProblemCode.REMOTE_UNREACHABLE.code(),
			ProblemCode.REMOTE_TIMEOUT.code());

	private final RemoteClient client;

	private final TransferProperties properties;

	ResumablePush(RemoteClient client, TransferProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	/**
	 * Sends {@code ciphertext} to the target at {@code url} in {@code session};
	 * {@code reconnect} opens a fresh session there; {@code watch} sees each attempt's
	 * body as it is sent.
	 */
	public Mono<ReceiveResult> send(String url, RemoteClient.RemoteSession session,
			Supplier<Mono<RemoteClient.RemoteSession>> reconnect, SyncPackage header, Flux<byte[]> ciphertext,
			boolean dryRun, UnaryOperator<Flux<byte[]>> watch) {
		if (dryRun) {
			return this.client.send(url, session, header, watch.apply(ciphertext), true);
		}
		return Mono.usingWhen(OutgoingSpool.of(ciphertext),
				(spool) -> this.client.send(url, session, header, watch.apply(spool.read(0)), false, 0L)
					.onErrorResume((failure) -> retry(failure, spool, 1),
							(failure) -> resume(url, reconnect, header, spool, watch, 1))
					// Producing the package failed, not the connection: say that.
					.onErrorMap((failure) -> spool.failure() != null, (failure) -> spool.failure()),
				OutgoingSpool::close, (spool, failure) -> spool.close(), OutgoingSpool::close);
	}

	private Mono<ReceiveResult> resume(String url, Supplier<Mono<RemoteClient.RemoteSession>> reconnect,
			SyncPackage header, OutgoingSpool spool, UnaryOperator<Flux<byte[]>> watch, int attempt) {
		log.warn("The push of package " + header.packageId() + " to " + url + " was cut off; resuming (attempt "
				+ attempt + " of " + this.properties.retries() + ")");
		return Mono.delay(this.properties.retryBackoff().multipliedBy(attempt))
			.then(reconnect.get())
			.flatMap((fresh) -> this.client.uploadStatus(url, fresh, header.packageId())
				// Applied already (the answer was lost): sent again, it answers what it
				// did.
				.map((status) -> status.applied() ? new Attempt(fresh, 0, Flux.empty())
						: new Attempt(fresh, status.receivedBytes(), watch.apply(spool.read(status.receivedBytes()))))
				// The target holds nothing: it never got a whole chunk, or forgot it.
				.defaultIfEmpty(new Attempt(fresh, 0, watch.apply(spool.read(0)))))
			.flatMap((next) -> this.client.send(url, next.session(), header, next.body(), false, next.from()))
			.onErrorResume((failure) -> retry(failure, spool, attempt + 1),
					(failure) -> resume(url, reconnect, header, spool, watch, attempt + 1));
	}

	/**
	 * Whether another attempt may help: the connection dropped, and attempts are left.
	 */
	private boolean retry(Throwable failure, OutgoingSpool spool, int attempt) {
		if (spool.failure() != null || attempt > this.properties.retries()) {
			return false;
		}
		return failure instanceof ProblemException problem && DROPPED.contains(problem.code());
	}

	private record Attempt(RemoteClient.RemoteSession session, long from, Flux<byte[]> body) {
	}

}
