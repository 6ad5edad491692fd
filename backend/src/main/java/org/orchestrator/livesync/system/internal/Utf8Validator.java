package org.orchestrator.livesync.system.internal;

import java.nio.ByteBuffer;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Checks bytes for well-formed UTF-8 (RFC 3629) as they stream past, chunk by chunk, a
 * character split across chunks included. Refused are what Jackson's own decoding lets
 * through as well as what it stops: overlong forms (0xC0 0xAF for '/'), surrogates, code
 * points past U+10FFFF, stray continuation bytes, bytes that never occur (0xFF) and a
 * character cut off at the end.
 */
final class Utf8Validator {

	private static final long HIGH_BITS = 0x8080808080808080L;

	/** Continuation bytes still expected for the current character. */
	private int needed;

	/** The range the next continuation byte must fall in. */
	private int lower = 0x80;

	private int upper = 0xBF;

	private boolean valid = true;

	/** Whether the bytes so far (the buffer's readable ones included) are well formed. */
	boolean accept(DataBuffer buffer) {
		try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
			while (this.valid && chunks.hasNext()) {
				accept(chunks.next());
			}
		}
		return this.valid;
	}

	boolean accept(ByteBuffer bytes) {
		int end = bytes.limit();
		for (int i = bytes.position(); this.valid && i < end;) {
			if (this.needed == 0) {
				// JSON is mostly ASCII: skip it eight bytes at a time.
				while (i + 8 <= end && (bytes.getLong(i) & HIGH_BITS) == 0) {
					i += 8;
				}
				if (i < end) {
					start(bytes.get(i++) & 0xff);
				}
			}
			else {
				int b = bytes.get(i++) & 0xff;
				this.valid = b >= this.lower && b <= this.upper;
				this.needed--;
				this.lower = 0x80;
				this.upper = 0xBF;
			}
		}
		return this.valid;
	}

	/** Whether all the bytes were well formed, the last character complete. */
	boolean complete() {
		return this.valid && this.needed == 0;
	}

	private void start(int b) {
		if (b < 0x80) {
			return;
		}
		if (b >= 0xC2 && b <= 0xDF) {
			expect(1, 0x80, 0xBF);
		}
		else if (b == 0xE0) {
			expect(2, 0xA0, 0xBF); // no overlong three-byte forms
		}
		else if (b == 0xED) {
			expect(2, 0x80, 0x9F); // no surrogates
		}
		else if (b >= 0xE1 && b <= 0xEF) {
			expect(2, 0x80, 0xBF);
		}
		else if (b == 0xF0) {
			expect(3, 0x90, 0xBF); // no overlong four-byte forms
		}
		else if (b >= 0xF1 && b <= 0xF3) {
			expect(3, 0x80, 0xBF);
		}
		else if (b == 0xF4) {
			expect(3, 0x80, 0x8F); // nothing past U+10FFFF
		}
		else {
			this.valid = false; // a continuation byte, 0xC0, 0xC1 or 0xF5..0xFF
		}
	}

	private void expect(int count, int lower, int upper) {
		this.needed = count;
		this.lower = lower;
		this.upper = upper;
	}

}
