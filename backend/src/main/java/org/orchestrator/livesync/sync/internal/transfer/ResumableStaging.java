package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.orchestrator.livesync.crypto.StreamingPackageCipher;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Component;

/**
 * Stages the body of a resumable push (or pull) chunk by chunk, from where the kept
 * upload of its package stands: each chunk is checked by the cipher where it stands in
 * the stream (an altered, moved or cut chunk is refused, and nothing of it kept) and then
 * kept with the upload's new position in one statement. When the connection drops, what
 * was kept stays: the sender asks how far it got and sends the rest.
 */
@Component
class ResumableStaging {

	private static final int STREAM_HEADER_BYTES = StreamingPackageCipher.SegmentChecker.headerLength();

	private final KeptUploads uploads;

	private final StreamedPackageSealer sealer;

	private final TransferProperties properties;

	ResumableStaging(KeptUploads uploads, StreamedPackageSealer sealer, TransferProperties properties) {
		this.uploads = uploads;
		this.sealer = sealer;
		this.properties = properties;
	}

	/**
	 * Keeps {@code body}, the package's ciphertext from byte {@code resumeFrom} on; the
	 * upload once it holds the whole stream.
	 */
	Mono<KeptUploads.Kept> stage(SyncPackage header, String encodedHeader, long resumeFrom, Flux<byte[]> body) {
		return stage(header, encodedHeader, resumeFrom, body, null);
	}

	/**
	 * The same for a package sealed under {@code password} (null: this server's own), as
	 * a pulled one is: under the remote's.
	 */
	Mono<KeptUploads.Kept> stage(SyncPackage header, String encodedHeader, long resumeFrom, Flux<byte[]> body,
			String password) {
		return this.uploads.find(header.packageId(), header.sourceServerId())
			.switchIfEmpty(Mono.defer(() -> (resumeFrom == 0) ? this.uploads.findOrOpen(header, encodedHeader)
					: Mono.error(wrongOffset(header.packageId(), 0, resumeFrom))))
			.flatMap((kept) -> {
				if (!kept.header().equals(encodedHeader)) {
					return Mono.error(ProblemException.conflict("package " + kept.packageId()
							+ " was started with another header: resume it with the header it was started with"));
				}
				if (kept.receivedBytes() != resumeFrom) {
					return Mono.error(wrongOffset(kept.packageId(), kept.receivedBytes(), resumeFrom));
				}
				if (kept.complete()) {
					// Only the commit is left: a body now would be more than the package.
					return body.any((piece) -> piece.length > 0)
						.flatMap((more) -> more
								? Mono.error(
										ProblemException.conflict("this server holds all of package " + kept.packageId()
												+ " already: resume from " + kept.receivedBytes() + " with no body"))
								: Mono.just(kept));
				}
				return keep(header, kept, body, password);
			});
	}

	private Mono<KeptUploads.Kept> keep(SyncPackage header, KeptUploads.Kept kept, Flux<byte[]> body, String password) {
		AtomicLong position = new AtomicLong(kept.receivedBytes());
		AtomicReference<StreamingPackageCipher.SegmentChecker> checker = new AtomicReference<>();
		return chunked(body, this.properties.chunkBytes())
			// One chunk in hand at a time; a connection that drops lets it be kept first.
			.concatMapDelayError((chunk) -> keepChunk(header, kept, chunk, position, checker, password), false, 1)
			.then(Mono.defer(() -> this.uploads.find(header.packageId(), header.sourceServerId())));
	}

	/** Checks one chunk where it stands in the stream, then keeps it. */
	private Mono<Void> keepChunk(SyncPackage header, KeptUploads.Kept kept, Chunk chunk, AtomicLong position,
			AtomicReference<StreamingPackageCipher.SegmentChecker> checker, String password) {
		if (chunk.bytes().length == 0) {
			return Mono
				.error(PackageProblems.rejected("the package stream was cut short (its last segment is missing)"));
		}
		return checker(header, kept, chunk, checker, password)
			// Decrypting a chunk to check it is CPU work: off the I/O threads.
			.flatMap((check) -> Mono.fromRunnable(() -> check(check, chunk, position.get()))
				.subscribeOn(Schedulers.parallel()))
			.then(Mono.defer(() -> this.uploads.append(kept, position.get(), chunk.bytes(), chunk.last())))
			.doOnSuccess((done) -> position.addAndGet(chunk.bytes().length));
	}

	/** The cipher's checker of this upload: keyed once, from its first bytes. */
	private Mono<StreamingPackageCipher.SegmentChecker> checker(SyncPackage header, KeptUploads.Kept kept, Chunk chunk,
			AtomicReference<StreamingPackageCipher.SegmentChecker> known, String password) {
		if (known.get() != null) {
			return Mono.just(known.get());
		}
		Mono<byte[]> streamHeader = (kept.receivedBytes() == 0)
				? Mono.just(Arrays.copyOf(chunk.bytes(), Math.min(chunk.bytes().length, STREAM_HEADER_BYTES)))
				: this.uploads.streamHeader(kept, STREAM_HEADER_BYTES);
		return streamHeader.flatMap((start) -> this.sealer.checker(header, start, password)).doOnNext(known::set);
	}

	private static void check(StreamingPackageCipher.SegmentChecker checker, Chunk chunk, long offset) {
		StreamedPackageSealer.decrypting(() -> {
			checker.check(chunk.bytes(), offset, chunk.last());
			return null;
		});
	}

	private static ProblemException wrongOffset(String packageId, long held, long resumeFrom) {
		return ProblemException.conflict("this server holds " + held + " bytes of package " + packageId + ", not "
				+ resumeFrom + ": resume from " + held);
	}

	/**
	 * The body cut into chunks of {@code chunkBytes}. A full chunk is handed on only once
	 * more bytes follow it: until then it might be the last, and the cipher checks the
	 * last segment as the last. The rest, when the body ends, is the last chunk.
	 */
	static Flux<Chunk> chunked(Flux<byte[]> body, int chunkBytes) {
		return Flux.defer(() -> {
			ByteArrayOutputStream pending = new ByteArrayOutputStream(chunkBytes + 64 * 1024);
			return body.concatMapIterable((piece) -> {
				pending.write(piece, 0, piece.length);
				if (pending.size() <= chunkBytes) {
					return List.<Chunk>of();
				}
				byte[] buffered = pending.toByteArray();
				List<Chunk> full = new ArrayList<>();
				int at = 0;
				while (buffered.length - at > chunkBytes) {
					full.add(new Chunk(Arrays.copyOfRange(buffered, at, at + chunkBytes), false));
					at += chunkBytes;
				}
				pending.reset();
				pending.write(buffered, at, buffered.length - at);
				return full;
			}).concatWith(Mono.fromCallable(() -> new Chunk(pending.toByteArray(), true)));
		});
	}

	/** A piece of the stream as it is kept; the {@code last} one ends the stream. */
	record Chunk(byte[] bytes, boolean last) {
	}

}
