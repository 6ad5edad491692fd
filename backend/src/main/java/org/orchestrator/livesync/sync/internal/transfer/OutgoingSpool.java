package org.orchestrator.livesync.sync.internal.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * The ciphertext of an outgoing package, written to a temporary file as it is produced,
 * so that a send cut off half way can send the rest of the <em>same</em> bytes: the
 * package cannot be produced again identically (the cipher starts from a fresh random
 * nonce, and the inventory may have changed meanwhile), and a resumed stream must match
 * what the target checked and kept byte for byte. Production runs ahead of the send, at
 * the disk's pace; each send reads the file from its offset, following production until
 * it is done. Memory stays flat; the file is removed on {@link #close()}.
 */
public final class OutgoingSpool {

	/** Bytes read from the file per piece sent. */
	private static final int READ_BYTES = 256 * 1024;

	private final Path file;

	private final AsynchronousFileChannel channel;

	/** Bytes written so far, after each write; completes (or fails) with production. */
	private final Sinks.Many<Long> written = Sinks.many().replay().latest();

	private final Disposable production;

	/** Bytes written so far. */
	private final AtomicLong length = new AtomicLong();

	private volatile boolean produced;

	private volatile Throwable failure;

	private OutgoingSpool(Path file, Flux<byte[]> ciphertext) throws IOException {
		this.file = file;
		this.channel = AsynchronousFileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
		this.written.tryEmitNext(0L);
		this.production = ciphertext
			.concatMap((chunk) -> write(ByteBuffer.wrap(chunk), this.length.get())
				.doOnSuccess((done) -> this.written.tryEmitNext(this.length.addAndGet(chunk.length))))
			.subscribe(null, (ex) -> {
				this.failure = ex;
				this.written.tryEmitError(ex);
			}, () -> {
				this.produced = true;
				this.written.tryEmitComplete();
			});
	}

	/** Starts writing {@code ciphertext} to a new temporary file. */
	public static Mono<OutgoingSpool> of(Flux<byte[]> ciphertext) {
		// Creating the file is a blocking call, if a short one.
		return Mono
			.fromCallable(() -> new OutgoingSpool(Files.createTempFile("live-sync-outgoing-", ".bin"), ciphertext))
			.subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * The ciphertext from byte {@code from} on, to its end: what is written already, then
	 * the rest as it is written. Fails as production fails.
	 */
	public Flux<byte[]> read(long from) {
		return Flux.defer(() -> {
			AtomicLong position = new AtomicLong(from);
			// Only the latest length matters: a reader that falls behind skips to it.
			return this.written.asFlux()
				.onBackpressureLatest()
				.concatMap((available) -> readUpTo(position, available), 1);
		});
	}

	/**
	 * Whether a read from {@code offset} can be served: the package is still being
	 * produced, or is at least that long.
	 */
	public boolean reaches(long offset) {
		return offset >= 0 && (!this.produced || offset <= this.length.get());
	}

	/** Why production failed, if it did: a send failing for that must not be retried. */
	public Throwable failure() {
		return this.failure;
	}

	/** Stops production, if still running, and removes the file. */
	public Mono<Void> close() {
		return Mono.<Void>fromRunnable(() -> {
			this.production.dispose();
			try {
				this.channel.close();
				Files.deleteIfExists(this.file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).subscribeOn(Schedulers.boundedElastic()).onErrorComplete();
	}

	private Flux<byte[]> readUpTo(AtomicLong position, long available) {
		return Flux.defer(() -> (position.get() >= available) ? Flux.empty() : Mono.defer(() -> {
			int length = (int) Math.min(READ_BYTES, available - position.get());
			return readAt(position.get(), length).doOnNext((bytes) -> position.addAndGet(bytes.length));
		}).repeat(() -> position.get() < available));
	}

	private Mono<Void> write(ByteBuffer bytes, long at) {
		return Mono.<Integer>create((sink) -> this.channel.write(bytes, at, null, handler(sink)))
			.flatMap((count) -> bytes.hasRemaining() ? write(bytes, at + count) : Mono.empty());
	}

	private Mono<byte[]> readAt(long at, int length) {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		return readInto(buffer, at).then(Mono.fromCallable(buffer::array));
	}

	private Mono<Void> readInto(ByteBuffer buffer, long at) {
		return Mono.<Integer>create((sink) -> this.channel.read(buffer, at, null, handler(sink))).flatMap((count) -> {
			if (count < 0) {
				return Mono.error(new IOException("the spooled package ends early"));
			}
			return buffer.hasRemaining() ? readInto(buffer, at + count) : Mono.empty();
		});
	}

	private static CompletionHandler<Integer, Void> handler(reactor.core.publisher.MonoSink<Integer> sink) {
		return new CompletionHandler<>() {

			@Override
			public void completed(Integer count, Void attachment) {
				sink.success(count);
			}

			@Override
			public void failed(Throwable ex, Void attachment) {
				sink.error(ex);
			}

		};
	}

}
