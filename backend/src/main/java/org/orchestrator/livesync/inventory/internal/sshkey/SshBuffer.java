package org.orchestrator.livesync.inventory.internal.sshkey;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The SSH wire encoding (RFC 4251) of keys: uint32 lengths before strings and mpints. A
 * read past the end throws {@link IllegalArgumentException}.
 */
final class SshBuffer {

	private final ByteBuffer buffer;

	SshBuffer(byte[] bytes) {
		this.buffer = ByteBuffer.wrap(bytes);
	}

	int uint32() {
		need(4);
		return this.buffer.getInt();
	}

	int uint8() {
		need(1);
		return this.buffer.get() & 0xff;
	}

	byte[] bytes() {
		int length = uint32();
		if (length < 0) {
			throw new IllegalArgumentException("SSH string too long");
		}
		need(length);
		byte[] bytes = new byte[length];
		this.buffer.get(bytes);
		return bytes;
	}

	String string() {
		return new String(bytes(), StandardCharsets.US_ASCII);
	}

	BigInteger mpint() {
		byte[] bytes = bytes();
		return (bytes.length > 0) ? new BigInteger(bytes) : BigInteger.ZERO;
	}

	int remaining() {
		return this.buffer.remaining();
	}

	private void need(int count) {
		if (this.buffer.remaining() < count) {
			throw new IllegalArgumentException("SSH value cut short");
		}
	}

	/** Builds an SSH public key blob. */
	static final class Writer {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Writer bytes(byte[] bytes) {
			this.out.write(bytes.length >>> 24);
			this.out.write(bytes.length >>> 16);
			this.out.write(bytes.length >>> 8);
			this.out.write(bytes.length);
			this.out.writeBytes(bytes);
			return this;
		}

		Writer string(String value) {
			return bytes(value.getBytes(StandardCharsets.US_ASCII));
		}

		byte[] toByteArray() {
			return this.out.toByteArray();
		}

	}

}
