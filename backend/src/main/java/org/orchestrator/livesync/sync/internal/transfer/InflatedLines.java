package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The raw lines of a gzip body, split at {@code \n} only (a {@code \r} before it stays in
 * the line), refusing a body that inflates beyond a limit: a few kilobytes of gzip can
 * hold gigabytes (a "zip bomb").
 */
final class InflatedLines implements AutoCloseable {

	private final InputStream compressed;

	private final long maxInflatedBytes;

	private InputStream in;

	private final byte[] buffer = new byte[64 * 1024];

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private int position;

	private int limit;

	private long inflated;

	InflatedLines(InputStream compressed, long maxInflatedBytes) {
		this.compressed = compressed;
		this.maxInflatedBytes = maxInflatedBytes;
	}

	/** The next line without its newline; null at the end of the payload. */
	byte[] next() throws IOException {
		if (this.in == null) {
			// Opened by the first read, not before: reading the gzip header fails as any
			// later read can (not gzip, a first segment that does not decrypt), and the
			// reader turns such failures into the package's refusal.
			this.in = new GZIPInputStream(this.compressed, 64 * 1024);
		}
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
		if (this.inflated > this.maxInflatedBytes) {
			throw PackageProblems.rejected("the payload inflates beyond " + this.maxInflatedBytes + " bytes");
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

	@Override
	public void close() {
		try {
			((this.in != null) ? this.in : this.compressed).close();
		}
		catch (IOException ex) {
			// Nothing to do: the stream is dropped either way.
		}
	}

}
