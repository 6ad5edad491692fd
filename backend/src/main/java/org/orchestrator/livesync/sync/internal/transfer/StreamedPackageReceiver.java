package org.orchestrator.livesync.sync.internal.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.orchestrator.livesync.inventory.ItemKind;

import org.springframework.stereotype.Service;

/**
 * Applies packages of the streamed form on the target ({@code /receive/stream}). The
 * upload is staged whole first, outside any transaction, then applied from storage: the
 * apply transaction lasts as long as the apply, never as long as the sender takes. A
 * package pulled from a remote is applied the same way.
 */
@Service
public class StreamedPackageReceiver {

	/** Lines of a pulled package whose expectations are looked up at once. */
	private static final int LOOKUP_LINES = 1000;

	private final StreamedPackageSealer sealer;

	private final StagedUploads staged;

	private final PackageApplier applier;

	private final ResumableStaging resumable;

	private final KeptUploads kept;

	private final ReceivedPackages received;

	StreamedPackageReceiver(StreamedPackageSealer sealer, StagedUploads staged, PackageApplier applier,
			ResumableStaging resumable, KeptUploads kept, ReceivedPackages received) {
		this.sealer = sealer;
		this.staged = staged;
		this.applier = applier;
		this.resumable = resumable;
		this.kept = kept;
		this.received = received;
	}

	/**
	 * Applies a streamed package: {@code encodedHeader} as sent ahead, {@code ciphertext}
	 * as it arrives. A dry run applies it in a transaction that is rolled back, and
	 * reports what it did; it does not count as the package's delivery.
	 */
	public Mono<ReceiveResult> receive(String encodedHeader, Flux<byte[]> ciphertext, boolean dryRun) {
		return Mono.fromCallable(() -> PackageStreamer.decodeHeader(encodedHeader))
			.flatMap((header) -> receive(header, ciphertext, dryRun));
	}

	/**
	 * Applies a package pulled from a remote: sealed under that remote's
	 * {@code password}, holding only what this server asked for, each item applied only
	 * if this server still has what {@code expected} says it had when it decided.
	 */
	public Mono<ReceiveResult> receivePulled(String encodedHeader, Flux<byte[]> ciphertext, String password,
			PulledExpectations expected, boolean dryRun) {
		return Mono.fromCallable(() -> PackageStreamer.decodeHeader(encodedHeader))
			.flatMap((header) -> receive(header, ciphertext, dryRun, password, asAsked(expected)));
	}

	/**
	 * Stages part of a resumable pull from {@code remoteServerId}: its ciphertext from
	 * byte {@code resumeFrom} on, each chunk checked and kept as it arrives. Nothing is
	 * applied: {@link #applyPulled} does that once all of it is here.
	 */
	public Mono<UploadState> stagePulled(String encodedHeader, long resumeFrom, Flux<byte[]> body, String password,
			String remoteServerId) {
		return pulledHeader(encodedHeader, remoteServerId)
			.flatMap((header) -> this.resumable.stage(header, encodedHeader, resumeFrom, body, password))
			.map((kept) -> new UploadState(kept.receivedBytes(), kept.complete(), false));
	}

	/**
	 * Applies the staged resumable pull of {@code encodedHeader} in one transaction, as
	 * {@link #receivePulled} does; once applied, its chunks go.
	 */
	public Mono<ReceiveResult> applyPulled(String encodedHeader, String password, String remoteServerId,
			PulledExpectations expected) {
		return pulledHeader(encodedHeader, remoteServerId).flatMap((header) -> this.applier.once(header,
				() -> this.kept.find(header.packageId(), header.sourceServerId())
					.filter(KeptUploads.Kept::complete)
					.switchIfEmpty(Mono.error(() -> PackageProblems
						.rejected("package " + header.packageId() + " is not all here yet: it cannot be applied")))
					.flatMap((upload) -> applyKept(header, upload.staged(), password, asAsked(expected)))));
	}

	private Mono<SyncPackage> pulledHeader(String encodedHeader, String remoteServerId) {
		return Mono.fromCallable(() -> {
			SyncPackage header = PackageStreamer.decodeHeader(encodedHeader);
			this.sealer.checkHeader(header);
			if (!header.encrypted()) {
				throw PackageProblems.rejected("a resumable pull must be encrypted");
			}
			if (!header.sourceServerId().equals(remoteServerId)) {
				throw PackageProblems
					.rejected("the package comes from " + header.sourceServerId() + ", not from the remote pulled");
			}
			return header;
		});
	}

	/**
	 * Each line of a pulled package, to be applied only if this server still has what
	 * {@code expected} says it had when it decided, looked up a batch of lines at a time;
	 * a line not asked for is refused.
	 */
	private static Function<Flux<ReceivedLine>, Flux<ReceivedLine>> asAsked(PulledExpectations expected) {
		// Lines are read from a blocking stream: each batch asked for after a lookup is
		// read on a worker, not on the database's event loop that answered the lookup.
		return (lines) -> lines.subscribeOn(Schedulers.boundedElastic()).buffer(LOOKUP_LINES).concatMap((batch) -> {
			List<ItemKey> keys = new ArrayList<>();
			for (ReceivedLine line : batch) {
				ItemKind kind = ItemKind.ofType(line.type());
				if (kind != null) {
					keys.add(ItemKey.of(kind, line.key()));
				}
			}
			return expected.of(keys).map((found) -> batch.stream().map((line) -> {
				ItemKind kind = ItemKind.ofType(line.type());
				if (kind == null) {
					// Refused with the reason when the line is checked.
					return line;
				}
				String expect = found.get(ItemKey.of(kind, line.key()));
				if (expect == null) {
					throw PackageProblems
						.rejected("the remote sent " + line.type() + " '" + line.key() + "', which was not asked for");
				}
				return line.expecting(expect);
			}).toList()).flatMapIterable((checked) -> checked);
		}, 1);
	}

	/**
	 * Stages a resumable push from {@code resumeFrom}, where the kept upload of its
	 * package stands, and applies the package once all of it is here. A dropped
	 * connection keeps what arrived, for the sender to send the rest.
	 */
	public Mono<ReceiveResult> receiveResumable(String encodedHeader, long resumeFrom, Flux<byte[]> body,
			String peerServerId) {
		return Mono.fromCallable(() -> {
			SyncPackage header = PackageStreamer.decodeHeader(encodedHeader);
			this.sealer.checkHeader(header);
			if (!header.encrypted()) {
				// The cipher is what checks each chunk on its own as it arrives.
				throw PackageProblems.rejected("a resumable upload must be encrypted");
			}
			if (!header.sourceServerId().equals(peerServerId)) {
				throw PackageProblems.rejected(
						"the package comes from " + header.sourceServerId() + ", not from the server of this session");
			}
			return header;
		})
			.flatMap((header) -> this.applier.once(header,
					() -> this.resumable.stage(header, encodedHeader, resumeFrom, body)
						.flatMap((upload) -> applyKept(header, upload.staged()))));
	}

	/**
	 * How much of package {@code packageId} from {@code peerServerId} this server holds:
	 * applied already, kept in part or whole, or (empty) nothing.
	 */
	public Mono<UploadState> state(String packageId, String peerServerId) {
		return this.received.previously(packageId)
			.map((result) -> new UploadState(0, true, true))
			.switchIfEmpty(Mono.defer(() -> this.kept.find(packageId, peerServerId)
				.map((upload) -> new UploadState(upload.receivedBytes(), upload.complete(), false))));
	}

	/**
	 * Applies a whole kept upload; once committed, or refused, its chunks go. Cut off
	 * half way (the sender went away), it is rolled back and kept whole, for the sender
	 * to commit again.
	 */
	private Mono<ReceiveResult> applyKept(SyncPackage header, StagedUploads.Upload upload) {
		return applyKept(header, upload, null, Function.identity());
	}

	private Mono<ReceiveResult> applyKept(SyncPackage header, StagedUploads.Upload upload, String password,
			Function<Flux<ReceivedLine>, Flux<ReceivedLine>> asAsked) {
		return this.applier.apply(header, lines(header, upload, password).transform(asAsked), false)
			.flatMap((result) -> this.staged.discard(upload).thenReturn(result))
			.onErrorResume((failure) -> this.staged.discard(upload).then(Mono.error(failure)));
	}

	/** How far a resumable upload got on this server. */
	public record UploadState(long receivedBytes, boolean complete, boolean applied) {
	}

	private Mono<ReceiveResult> receive(SyncPackage header, Flux<byte[]> ciphertext, boolean dryRun) {
		return receive(header, ciphertext, dryRun, null, Function.identity());
	}

	private Mono<ReceiveResult> receive(SyncPackage header, Flux<byte[]> ciphertext, boolean dryRun, String password,
			Function<Flux<ReceivedLine>, Flux<ReceivedLine>> asAsked) {
		Supplier<Mono<ReceiveResult>> apply = () -> Mono.usingWhen(
				Mono.fromRunnable(() -> this.sealer.checkHeader(header)).then(this.staged.stage(header, ciphertext)),
				(upload) -> this.applier.apply(header, lines(header, upload, password).transform(asAsked), dryRun),
				this.staged::discard, (upload, failure) -> this.staged.discard(upload), this.staged::discard);
		return dryRun ? Mono.defer(apply) : this.applier.once(header, apply);
	}

	private Flux<ReceivedLine> lines(SyncPackage header, StagedUploads.Upload upload, String password) {
		return LineReader.read(
				() -> new FluxInputStream(this.sealer.decrypt(header, this.staged.read(upload), password)),
				StreamedPackageSealer::checkEnd);
	}

}
