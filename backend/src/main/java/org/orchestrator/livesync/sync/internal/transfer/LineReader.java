package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

import reactor.core.publisher.Flux;

import org.orchestrator.livesync.system.ProblemException;

/**
 * Reads the body of a package of either form: inflates it, splits it into lines, hashes
 * and counts them, and refuses a body that inflates beyond a limit (a "zip bomb"). What
 * the lines must add up to is the form's business: it checks the {@link LineTotals} at
 * the end.
 */
final class LineReader {

	/** Inflated payloads beyond this are refused. */
	static final long MAX_INFLATED_BYTES = 2L * 1024 * 1024 * 1024;

	private final InputStream in;

	private final MessageDigest digest = PackageFormat.digest();

	private final byte[] buffer = new byte[64 * 1024];

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private int position;

	private int limit;

	private long inflated;

	private long count;

	private StreamTrailer trailer;

	private LineReader(InputStream compressed) throws IOException {
		this.in = new GZIPInputStream(compressed, 64 * 1024);
	}

	/**
	 * The lines of a compressed body, read as they are asked for. {@code checkEnd} is
	 * given the totals once the last line has been read, so a mismatch ends the stream in
	 * an error, not in completion: consume it inside the transaction it feeds.
	 */
	static Flux<ReceivedLine> read(Supplier<InputStream> compressed, Consumer<LineTotals> checkEnd) {
		return Flux.using(() -> new LineReader(compressed.get()), (reader) -> Flux.generate((sink) -> {
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
		}), LineReader::close);
	}

	/**
	 * The next item line; null at the end. A streamed package's last line is kept aside.
	 */
	private ReceivedLine next() throws IOException {
		while (true) {
			byte[] bytes = nextLine();
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

	/** The next line without its newline; null at the end of the payload. */
	private byte[] nextLine() throws IOException {
		while (true) {
			if (this.position == this.limit && !fill()) {
				if (this.line.size() > 0) {
					throw PackageProblems.rejected("the payload ends in the middle of a line");
				}
				return null;
			}
			int end = indexOfNewline(this.buffer, this.position, this.limit);
			if (end < 0) {
				this.line.write(this.buffer, this.position, this.limit - this.position);
				this.position = this.limit;
				continue;
			}
			this.line.write(this.buffer, this.position, end - this.position);
			this.position = end + 1;
			byte[] bytes = this.line.toByteArray();
			this.line.reset();
			return bytes;
		}
	}

	private boolean fill() throws IOException {
		this.limit = this.in.read(this.buffer);
		this.position = 0;
		if (this.limit <= 0) {
			this.limit = 0;
			return false;
		}
		this.inflated += this.limit;
		if (this.inflated > MAX_INFLATED_BYTES) {
			throw PackageProblems.rejected("the payload inflates beyond " + MAX_INFLATED_BYTES + " bytes");
		}
		return true;
	}

	private static int indexOfNewline(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private LineTotals totals() {
		return new LineTotals(PackageFormat.checksum(this.digest), this.count, this.trailer);
	}

	private void close() {
		try {
			this.in.close();
		}
		catch (IOException ex) {
			// Nothing to do: the stream is dropped either way.
		}
	}

}
