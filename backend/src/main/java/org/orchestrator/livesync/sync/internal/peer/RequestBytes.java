package org.orchestrator.livesync.sync.internal.peer;

import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * A request body as byte arrays. Each pooled buffer is copied and released at once, so
 * none leaks when the consumer fails or cancels half way.
 */
final class RequestBytes {

	private RequestBytes() {
	}

	static Flux<byte[]> of(Flux<DataBuffer> body) {
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
