package org.orchestrator.livesync.inventory.internal.sshkey;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Just enough DER to walk the ASN.1 structures of private key files: one value after
 * another, definite lengths only. Anything else (a short value, a wrong tag, bytes left
 * over where a structure ends) throws {@link IllegalArgumentException}.
 */
final class Der {

	static final int INTEGER = 0x02;

	static final int BIT_STRING = 0x03;

	static final int OCTET_STRING = 0x04;

	static final int OBJECT_IDENTIFIER = 0x06;

	static final int SEQUENCE = 0x30;

	private final byte[] bytes;

	private int position;

	private final int end;

	private Der(byte[] bytes, int position, int end) {
		this.bytes = bytes;
		this.position = position;
		this.end = end;
	}

	/**
	 * The contents of the one value that {@code bytes} must be, with nothing after it.
	 */
	static Der only(byte[] bytes, int tag) {
		Der outer = new Der(bytes, 0, bytes.length);
		Der value = outer.next(tag);
		outer.end();
		return value;
	}

	static Der sequenceOf(byte[] bytes) {
		return only(bytes, SEQUENCE);
	}

	boolean hasMore() {
		return this.position < this.end;
	}

	/** The tag of the next value, or -1 at the end. */
	int peek() {
		return hasMore() ? this.bytes[this.position] & 0xff : -1;
	}

	/** The contents of the next value, which must have {@code tag}. */
	Der next(int tag) {
		Header header = header(this.bytes, this.position);
		if (header.tag() != tag || header.contentEnd() > this.end) {
			throw new IllegalArgumentException("unexpected DER value");
		}
		Der content = new Der(this.bytes, this.position + header.length(), header.contentEnd());
		this.position = header.contentEnd();
		return content;
	}

	Der sequence() {
		return next(SEQUENCE);
	}

	BigInteger integer() {
		byte[] value = next(INTEGER).rest();
		if (value.length == 0) {
			throw new IllegalArgumentException("empty DER integer");
		}
		return new BigInteger(value);
	}

	byte[] bytes(int tag) {
		return next(tag).rest();
	}

	/** Everything left, as bytes. */
	byte[] rest() {
		byte[] rest = Arrays.copyOfRange(this.bytes, this.position, this.end);
		this.position = this.end;
		return rest;
	}

	/** Requires that nothing is left. */
	void end() {
		if (hasMore()) {
			throw new IllegalArgumentException("DER value has trailing bytes");
		}
	}

	private static Header header(byte[] bytes, int at) {
		if (at + 2 > bytes.length) {
			throw new IllegalArgumentException("DER value cut short");
		}
		int tag = bytes[at] & 0xff;
		int first = bytes[at + 1] & 0xff;
		if (first < 0x80) {
			return new Header(tag, 2, checkedEnd(bytes, at + 2, first));
		}
		int count = first & 0x7f;
		// No indefinite lengths (0x80) and nothing a private key file could need beyond
		// 2^24.
		if (count == 0 || count > 3 || at + 2 + count > bytes.length) {
			throw new IllegalArgumentException("unsupported DER length");
		}
		int length = 0;
		for (int i = 0; i < count; i++) {
			length = (length << 8) | (bytes[at + 2 + i] & 0xff);
		}
		return new Header(tag, 2 + count, checkedEnd(bytes, at + 2 + count, length));
	}

	private static int checkedEnd(byte[] bytes, int contentStart, int length) {
		if (length > bytes.length - contentStart) {
			throw new IllegalArgumentException("DER value cut short");
		}
		return contentStart + length;
	}

	private record Header(int tag, int length, int contentEnd) {
	}

}
