package org.orchestrator.livesync.sync.internal.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import reactor.core.publisher.Flux;

/**
 * Reads a stream of byte chunks as an {@link InputStream}, a few chunks ahead, so that
 * stream-based code (gzip, line splitting) can consume a request body with backpressure.
 * Reads block until a chunk arrives: use it on a worker thread only.
 */
final class FluxInputStream extends InputStream {

	private final Iterator<byte[]> chunks;

	private byte[] current = new byte[0];

	private int position;

	FluxInputStream(Flux<byte[]> chunks) {
		this.chunks = chunks.toIterable(4).iterator();
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return (read(one, 0, 1) == -1) ? -1 : (one[0] & 0xff);
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		while (this.position == this.current.length) {
			try {
				if (!this.chunks.hasNext()) {
					return -1;
				}
				this.current = this.chunks.next();
			}
			catch (RuntimeException ex) {
				throw new ChunkFailure(ex);
			}
			this.position = 0;
		}
		int n = Math.min(length, this.current.length - this.position);
		System.arraycopy(this.current, this.position, buffer, offset, n);
		this.position += n;
		return n;
	}

	/** The chunk stream failed (a broken connection, a segment that did not decrypt). */
	static final class ChunkFailure extends IOException {

		ChunkFailure(RuntimeException cause) {
			super(cause.getMessage(), cause);
		}

	}

}
