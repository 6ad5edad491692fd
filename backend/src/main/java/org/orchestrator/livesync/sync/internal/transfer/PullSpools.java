package org.orchestrator.livesync.sync.internal.transfer;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.system.ProblemException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The packages this server streams to pullers that asked for a resumable pull, each kept
 * on disk ({@link OutgoingSpool}) so that a pull whose connection drops goes on from the
 * byte the puller holds instead of starting over: a package cannot be produced again byte
 * for byte. A package goes when its puller confirms it; one nobody read for {@link #IDLE}
 * goes too, and at most {@link #MOST} are kept, the least recently read going first, so
 * that abandoned pulls cannot fill the disk.
 */
@Component
public class PullSpools implements DisposableBean {

	static final Duration IDLE = Duration.ofMinutes(30);

	static final int MOST = 16;

	private final Map<String, Spooled> spools = new ConcurrentHashMap<>();

	/**
	 * Spools {@code outgoing} for {@code peerServerId}: its ciphertext from the start,
	 * read back from the spool as it is written.
	 */
	public Mono<StreamedTransfer.Outgoing> keep(StreamedTransfer.Outgoing outgoing, String peerServerId) {
		return OutgoingSpool.of(outgoing.ciphertext()).map((spool) -> {
			Spooled spooled = new Spooled(outgoing.header(), peerServerId, spool, new AtomicLong(System.nanoTime()));
			this.spools.put(outgoing.header().packageId(), spooled);
			evictBeyondMost();
			return new StreamedTransfer.Outgoing(outgoing.header(), spooled.read(0));
		});
	}

	/**
	 * The package {@code packageId} spooled for {@code peerServerId}, from byte
	 * {@code from} on; empty when this server holds no such package (it was confirmed,
	 * forgotten, or this server restarted).
	 */
	public Mono<StreamedTransfer.Outgoing> resume(String packageId, String peerServerId, long from) {
		return Mono.defer(() -> {
			Spooled spooled = this.spools.get(packageId);
			if (spooled == null || !spooled.peerServerId().equals(peerServerId)) {
				return Mono.empty();
			}
			if (spooled.spool().failure() != null) {
				return Mono.error(ProblemException.conflict("package " + packageId
						+ " could not be produced to its end: pull the items again in a new package"));
			}
			if (!spooled.spool().reaches(from)) {
				return Mono.error(ProblemException.conflict("package " + packageId + " is shorter than " + from
						+ " bytes: resume from what this server sent"));
			}
			spooled.touch();
			return Mono.just(new StreamedTransfer.Outgoing(spooled.header(), spooled.read(from)));
		});
	}

	/** Removes the spool of {@code packageId}, which its puller confirmed. */
	public Mono<Void> release(String packageId, String peerServerId) {
		return Mono.defer(() -> {
			Spooled spooled = this.spools.get(packageId);
			if (spooled == null || !spooled.peerServerId().equals(peerServerId)
					|| !this.spools.remove(packageId, spooled)) {
				return Mono.empty();
			}
			return spooled.spool().close();
		});
	}

	/** How many packages are spooled now (for tests and diagnostics). */
	public int size() {
		return this.spools.size();
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void forgetIdle() {
		long now = System.nanoTime();
		this.spools.forEach((packageId, spooled) -> {
			if (now - spooled.lastRead().get() > IDLE.toNanos()) {
				forget(packageId, spooled);
			}
		});
	}

	@Override
	public void destroy() {
		this.spools.forEach(this::forget);
	}

	private void evictBeyondMost() {
		while (this.spools.size() > MOST) {
			this.spools.entrySet()
				.stream()
				.min(Comparator.comparingLong((entry) -> entry.getValue().lastRead().get()))
				.ifPresent((oldest) -> forget(oldest.getKey(), oldest.getValue()));
		}
	}

	private void forget(String packageId, Spooled spooled) {
		if (this.spools.remove(packageId, spooled)) {
			spooled.spool().close().subscribe();
		}
	}

	/** A spooled package: for whom, and when a puller last read from it. */
	private record Spooled(SyncPackage header, String peerServerId, OutgoingSpool spool, AtomicLong lastRead) {

		Flux<byte[]> read(long from) {
			return this.spool.read(from).doOnNext((piece) -> touch());
		}

		void touch() {
			this.lastRead.set(System.nanoTime());
		}

	}

}
