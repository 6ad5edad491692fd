package org.orchestrator.livesync.sync.internal.transfer;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A request or response body as byte arrays. Each pooled buffer is copied and released at
 * once, so none leaks when the consumer fails or cancels half way.
 */
public final class BodyBytes {

	private BodyBytes() {
	}

	public static Flux<byte[]> of(Flux<DataBuffer> body) {
		return body.map((buffer) -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		});
	}

}
