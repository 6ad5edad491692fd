package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes package lines, one NDJSON line each, into gzip, counting them and hashing what
 * it writes: the body of either form. The whole form takes the bytes once at the end, the
 * streamed form {@link #drain() drains} them as it goes.
 */
final class LineWriter {

	private final ByteArrayOutputStream compressed = new ByteArrayOutputStream();

	private final MessageDigest digest = PackageFormat.digest();

	private final DigestOutputStream out;

	private long lines;

	private String checksum;

	LineWriter() {
		try {
			this.out = new DigestOutputStream(new FastGzipOutputStream(this.compressed), this.digest);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	LineWriter add(PackageLine line) {
		if (this.checksum != null) {
			throw new IllegalStateException("the checksum was taken: no more lines");
		}
		write(line);
		this.lines++;
		return this;
	}

	long lines() {
		return this.lines;
	}

	/** The checksum of the lines added; no line can be added after it is taken. */
	String checksum() {
		if (this.checksum == null) {
			this.checksum = PackageFormat.checksum(this.digest);
		}
		return this.checksum;
	}

	/** The compressed bytes produced since the last call. */
	byte[] drain() {
		byte[] bytes = this.compressed.toByteArray();
		this.compressed.reset();
		return bytes;
	}

	/**
	 * Ends the gzip stream, after {@code lastLine} if there is one (it is neither counted
	 * nor part of the checksum), and returns the remaining compressed bytes.
	 */
	byte[] finish(Object lastLine) {
		checksum();
		if (lastLine != null) {
			this.out.on(false);
			write(lastLine);
		}
		try {
			this.out.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return drain();
	}

	private void write(Object line) {
		try {
			this.out.write(PackageFormat.JSON.writeValueAsBytes(line));
			this.out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

}
