package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import reactor.core.publisher.Flux;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.StrictStrings;

/**
 * The payload inside a package: NDJSON lines, the SHA-256 of all of them (the package
 * checksum) and gzip. Reading refuses a payload that inflates beyond a limit (a "zip
 * bomb") and one whose checksum or line count does not match its header.
 */
public final class PackageCodec {

	/** Inflated payloads beyond this are refused. */
	static final long MAX_INFLATED_BYTES = 2L * 1024 * 1024 * 1024;

	static final JsonMapper JSON = StrictStrings
		.refuseScalarsAsStrings(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
		.build();

	private PackageCodec() {
	}

	/** Writes lines one at a time into compressed bytes, hashing what it writes. */
	public static final class Writer {

		private final ByteArrayOutputStream compressed = new ByteArrayOutputStream();

		private final MessageDigest digest = sha256();

		private final OutputStream out;

		private long lines;

		public Writer() {
			try {
				this.out = new DigestOutputStream(new FastGzipOutputStream(this.compressed), this.digest);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		public Writer add(PackageLine line) {
			try {
				this.out.write(JSON.writeValueAsBytes(line));
				this.out.write('\n');
				this.lines++;
				return this;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** The compressed bytes produced so far, handed over once (for streaming). */
		public byte[] drain() {
			byte[] bytes = this.compressed.toByteArray();
			this.compressed.reset();
			return bytes;
		}

		/**
		 * Ends a streamed package: a last line with the count and checksum of the lines
		 * before it (a stream cannot send them in its header), then the end of the gzip
		 * stream; returns the remaining compressed bytes.
		 */
		public byte[] finishWithTrailer() {
			String checksum = "sha256:" + HexFormat.of().formatHex(this.digest.digest());
			try {
				this.out.write(JSON.writeValueAsBytes(new Trailer(TRAILER, this.lines, checksum)));
				this.out.write('\n');
				this.out.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return drain();
		}

		public long lines() {
			return this.lines;
		}

		public Encoded finish() {
			try {
				this.out.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return new Encoded(this.compressed.toByteArray(),
					"sha256:" + HexFormat.of().formatHex(this.digest.digest()), this.lines);
		}

	}

	static final String TRAILER = "end";

	/** The last line of a streamed package. */
	record Trailer(String type, long items, String checksum) {
	}

	/** The compressed lines with their checksum and count. */
	public record Encoded(byte[] compressed, String checksum, long lines) {
	}

	/**
	 * The lines of a compressed payload, read as they are asked for. The checksum and the
	 * count are checked when the last line has been read, so the stream ends in an error,
	 * not in completion, when they do not match: consume it inside the transaction it
	 * feeds.
	 */
	static Flux<ReceivedLine> read(Supplier<InputStream> compressed, String checksum, long expectedLines) {
		return Flux.using(() -> new LineReader(compressed.get()), (reader) -> Flux.generate((sink) -> {
			try {
				ReceivedLine line = reader.next();
				if (line != null) {
					sink.next(line);
					return;
				}
				reader.verify(checksum, expectedLines);
				sink.complete();
			}
			catch (ProblemException ex) {
				sink.error(ex);
			}
			catch (FluxInputStream.ChunkFailure ex) {
				sink.error((ex.getCause() instanceof ProblemException problem) ? problem
						: rejected("the package stream broke off: " + ex.getMessage()));
			}
			catch (IOException ex) {
				sink.error(rejected("the payload is not valid gzip"));
			}
		}), LineReader::close);
	}

	/**
	 * Gzip at its fastest level: deflating is the sender's largest single cost, and the
	 * higher levels save little on inventory lines (their hashes do not compress).
	 */
	private static final class FastGzipOutputStream extends GZIPOutputStream {

		FastGzipOutputStream(OutputStream out) throws IOException {
			super(out, 64 * 1024);
			this.def.setLevel(Deflater.BEST_SPEED);
		}

	}

	/** Inflates and splits the payload, hashing every byte and counting the lines. */
	private static final class LineReader {

		private final InputStream in;

		private final MessageDigest digest = sha256();

		private final byte[] buffer = new byte[64 * 1024];

		private final ByteArrayOutputStream line = new ByteArrayOutputStream();

		private int position;

		private int limit;

		private long inflated;

		private long count;

		private Trailer trailer;

		LineReader(InputStream compressed) throws IOException {
			this.in = new GZIPInputStream(compressed, 64 * 1024);
		}

		ReceivedLine next() throws IOException {
			while (true) {
				byte[] bytes = nextLine();
				if (bytes == null) {
					return null;
				}
				if (this.trailer != null) {
					throw rejected("the package continues after its last line");
				}
				ReceivedLine parsed = ReceivedLine.parse(JSON, bytes, this.count);
				if (TRAILER.equals(parsed.type())) {
					this.trailer = new Trailer(parsed.type(), parsed.items(), parsed.checksum());
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
						throw rejected("the payload ends in the middle of a line");
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
				throw rejected("the payload inflates beyond " + MAX_INFLATED_BYTES + " bytes");
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

		void verify(String checksum, long expectedLines) {
			if (checksum == null) {
				if (this.trailer == null) {
					throw rejected("the package stream was cut short (no last line)");
				}
				checksum = this.trailer.checksum();
				expectedLines = this.trailer.items();
			}
			else if (this.trailer != null) {
				throw rejected("the package has a streamed package's last line");
			}
			String actual = "sha256:" + HexFormat.of().formatHex(this.digest.digest());
			if (!actual.equals(checksum)) {
				throw rejected("the package checksum does not match its contents");
			}
			if (this.count != expectedLines) {
				throw rejected("the package holds " + this.count + " items, its header says " + expectedLines);
			}
		}

		void close() {
			try {
				this.in.close();
			}
			catch (IOException ex) {
				// Nothing to do: the stream is dropped either way.
			}
		}

	}

	static ProblemException rejected(String reason) {
		return new ProblemException(ProblemCode.PACKAGE_REJECTED, reason);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
