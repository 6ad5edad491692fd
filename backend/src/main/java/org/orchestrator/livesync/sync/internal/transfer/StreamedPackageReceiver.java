package org.orchestrator.livesync.sync.internal.transfer;

import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

	private final StreamedPackageSealer sealer;

	private final StagedUploads staged;

	private final PackageApplier applier;

	StreamedPackageReceiver(StreamedPackageSealer sealer, StagedUploads staged, PackageApplier applier) {
		this.sealer = sealer;
		this.staged = staged;
		this.applier = applier;
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
			Map<ItemKey, String> expected, boolean dryRun) {
		return Mono.fromCallable(() -> PackageStreamer.decodeHeader(encodedHeader))
			.flatMap((header) -> receive(header, ciphertext, dryRun, password, (line) -> {
				ItemKind kind = ItemKind.ofType(line.type());
				if (kind == null) {
					// Refused with the reason when the line is checked.
					return line;
				}
				String expect = expected.get(ItemKey.of(kind, line.key()));
				if (expect == null) {
					throw PackageProblems
						.rejected("the remote sent " + line.type() + " '" + line.key() + "', which was not asked for");
				}
				return line.expecting(expect);
			}));
	}

	private Mono<ReceiveResult> receive(SyncPackage header, Flux<byte[]> ciphertext, boolean dryRun) {
		return receive(header, ciphertext, dryRun, null, UnaryOperator.identity());
	}

	private Mono<ReceiveResult> receive(SyncPackage header, Flux<byte[]> ciphertext, boolean dryRun, String password,
			UnaryOperator<ReceivedLine> asAsked) {
		Supplier<Mono<ReceiveResult>> apply = () -> Mono.usingWhen(
				Mono.fromRunnable(() -> this.sealer.checkHeader(header)).then(this.staged.stage(header, ciphertext)),
				(upload) -> this.applier.apply(header, lines(header, upload, password).map(asAsked), dryRun),
				this.staged::discard, (upload, failure) -> this.staged.discard(upload), this.staged::discard);
		return dryRun ? Mono.defer(apply) : this.applier.once(header, apply);
	}

	private Flux<ReceivedLine> lines(SyncPackage header, StagedUploads.Upload upload, String password) {
		return LineReader.read(
				() -> new FluxInputStream(this.sealer.decrypt(header, this.staged.read(upload), password)),
				StreamedPackageSealer::checkEnd);
	}

}
