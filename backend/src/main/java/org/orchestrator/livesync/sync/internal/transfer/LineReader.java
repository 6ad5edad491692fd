package org.orchestrator.livesync.sync.internal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.Consumer;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;

import org.orchestrator.livesync.system.ProblemException;

/**
 * Reads the lines of a package body of either form, hashing and counting them as they go.
 * What they must add up to is the form's business: it checks the {@link LineTotals} at
 * the end.
 */
final class LineReader {

	/** Inflated payloads beyond this are refused. */
	static final long MAX_INFLATED_BYTES = 2L * 1024 * 1024 * 1024;

	private final InflatedLines lines;

	private final MessageDigest digest = PackageFormat.digest();

	private long count;

	private StreamTrailer trailer;

	private LineReader(InflatedLines lines) {
		this.lines = lines;
	}

	/**
	 * The lines of a compressed body, read as they are asked for. {@code checkEnd} is
	 * given the totals once the last line has been read, so a mismatch ends the stream in
	 * an error, not in completion: consume it inside the transaction it feeds.
	 */
	static Flux<ReceivedLine> read(Supplier<InputStream> compressed, Consumer<LineTotals> checkEnd) {
		return read(compressed, checkEnd, MAX_INFLATED_BYTES);
	}

	/** The same with another limit, which tests can reach without inflating gigabytes. */
	static Flux<ReceivedLine> read(Supplier<InputStream> compressed, Consumer<LineTotals> checkEnd,
			long maxInflatedBytes) {
		return Flux.using(() -> new LineReader(new InflatedLines(compressed.get(), maxInflatedBytes)),
				(reader) -> Flux.generate((sink) -> {
					try {
						ReceivedLine line = reader.next();
						if (line != null) {
							sink.next(line);
							return;
						}
						checkEnd.accept(reader.totals());
						sink.complete();
					}
					catch (ProblemException ex) {
						sink.error(ex);
					}
					catch (FluxInputStream.ChunkFailure ex) {
						sink.error((ex.getCause() instanceof ProblemException problem) ? problem
								: PackageProblems.rejected("the package stream broke off: " + ex.getMessage()));
					}
					catch (IOException ex) {
						sink.error(PackageProblems.rejected("the payload is not valid gzip"));
					}
				}), (reader) -> reader.lines.close());
	}

	/**
	 * The next item line; null at the end. A streamed package's last line is kept aside.
	 */
	private ReceivedLine next() throws IOException {
		while (true) {
			byte[] bytes = this.lines.next();
			if (bytes == null) {
				return null;
			}
			if (this.trailer != null) {
				throw PackageProblems.rejected("the package continues after its last line");
			}
			ReceivedLine parsed = ReceivedLine.parse(PackageFormat.JSON, bytes, this.count);
			if (StreamTrailer.is(parsed)) {
				this.trailer = StreamTrailer.of(parsed);
				continue;
			}
			this.digest.update(bytes);
			this.digest.update((byte) '\n');
			this.count++;
			return parsed;
		}
	}

	private LineTotals totals() {
		return new LineTotals(PackageFormat.checksum(this.digest), this.count, this.trailer);
	}

}
