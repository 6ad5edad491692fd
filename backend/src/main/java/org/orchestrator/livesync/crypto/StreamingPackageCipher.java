package org.orchestrator.livesync.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.subtle.StreamSegmentDecrypter;
import com.google.crypto.tink.subtle.StreamSegmentEncrypter;

/**
 * Tink's streaming AEAD (AES-256-GCM with HKDF-SHA256 segment keys) over a package of any
 * size, one segment at a time, so neither side holds more than a couple of segments. Each
 * segment is authenticated with its position and whether it is the last one: reordering,
 * dropping or truncating segments fails as surely as flipping a byte.
 */
public final class StreamingPackageCipher {

	public static final String ALGORITHM = "AES256_GCM_HKDF_256KB";

	static final int CIPHERTEXT_SEGMENT_SIZE = 256 * 1024;

	private static final int TAG_SIZE = 16;

	private StreamingPackageCipher() {
	}

	private static AesGcmHkdfStreaming streaming(byte[] key) {
		try {
			return new AesGcmHkdfStreaming(key, "HmacSha256", 32, CIPHERTEXT_SEGMENT_SIZE, 0);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM-HKDF streaming is not available", ex);
		}
	}

	/**
	 * Encrypts bytes pushed in any chunk sizes; {@link #finish()} seals the last segment.
	 */
	public static final class Encryptor {

		private final AesGcmHkdfStreaming streaming;

		private final StreamSegmentEncrypter encrypter;

		private final ByteBuffer segment;

		private boolean headerSent;

		public Encryptor(byte[] key, byte[] associatedData) {
			this.streaming = streaming(key);
			try {
				this.encrypter = this.streaming.newStreamSegmentEncrypter(associatedData);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
			this.segment = ByteBuffer.allocate(this.streaming.getPlaintextSegmentSize());
			this.segment.limit(this.streaming.getPlaintextSegmentSize() - this.streaming.getCiphertextOffset());
		}

		/**
		 * Ciphertext ready to send: the header first, then every segment that filled up.
		 */
		public List<byte[]> update(byte[] plaintext) {
			List<byte[]> out = new ArrayList<>();
			header(out);
			ByteBuffer input = ByteBuffer.wrap(plaintext);
			while (input.hasRemaining()) {
				// A full segment is sealed only once more bytes arrive: it might have
				// been the last.
				if (!this.segment.hasRemaining()) {
					out.add(seal(false));
				}
				int n = Math.min(this.segment.remaining(), input.remaining());
				this.segment.put(input.array(), input.arrayOffset() + input.position(), n);
				input.position(input.position() + n);
			}
			return out;
		}

		/**
		 * The rest of the ciphertext: the last segment (possibly empty), marked as last.
		 */
		public List<byte[]> finish() {
			List<byte[]> out = new ArrayList<>();
			header(out);
			out.add(seal(true));
			return out;
		}

		private void header(List<byte[]> out) {
			if (!this.headerSent) {
				ByteBuffer header = this.encrypter.getHeader();
				byte[] bytes = new byte[header.remaining()];
				header.get(bytes);
				out.add(bytes);
				this.headerSent = true;
			}
		}

		private byte[] seal(boolean last) {
			this.segment.flip();
			ByteBuffer ciphertext = ByteBuffer.allocate(this.segment.remaining() + TAG_SIZE);
			try {
				this.encrypter.encryptSegment(this.segment, last, ciphertext);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("encryption failed", ex);
			}
			this.segment.clear();
			return ciphertext.array();
		}

	}

	/**
	 * Decrypts ciphertext pushed in any chunk sizes. A full segment is held back until
	 * more bytes arrive (or {@link #finish()}), because only then is it known whether it
	 * was the last.
	 */
	public static final class Decryptor {

		private final AesGcmHkdfStreaming streaming;

		private final StreamSegmentDecrypter decrypter;

		private final byte[] associatedData;

		private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

		private boolean initialized;

		private int segmentNumber;

		public Decryptor(byte[] key, byte[] associatedData) {
			this.streaming = streaming(key);
			this.associatedData = associatedData;
			try {
				this.decrypter = this.streaming.newStreamSegmentDecrypter();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Plaintext of the segments known not to be the last; fails on any altered byte.
		 */
		public List<byte[]> update(byte[] ciphertext) throws GeneralSecurityException {
			this.pending.writeBytes(ciphertext);
			List<byte[]> out = new ArrayList<>();
			byte[] buffered = this.pending.toByteArray();
			int position = 0;
			if (!this.initialized) {
				int headerLength = this.streaming.getHeaderLength();
				if (buffered.length < headerLength) {
					return out;
				}
				this.decrypter.init(ByteBuffer.wrap(buffered, 0, headerLength), this.associatedData);
				this.initialized = true;
				position = headerLength;
			}
			while (buffered.length - position > segmentSize()) {
				int size = segmentSize();
				out.add(open(buffered, position, size, false));
				position += size;
			}
			this.pending.reset();
			this.pending.write(buffered, position, buffered.length - position);
			return out;
		}

		/** The plaintext of the last segment; fails when the stream was cut short. */
		public byte[] finish() throws GeneralSecurityException {
			if (!this.initialized) {
				throw new GeneralSecurityException("the stream ends before its header");
			}
			byte[] last = this.pending.toByteArray();
			this.pending.reset();
			return open(last, 0, last.length, true);
		}

		private int segmentSize() {
			return (this.segmentNumber == 0) ? CIPHERTEXT_SEGMENT_SIZE - this.streaming.getCiphertextOffset()
					: CIPHERTEXT_SEGMENT_SIZE;
		}

		private byte[] open(byte[] buffer, int offset, int length, boolean last) throws GeneralSecurityException {
			if (length < TAG_SIZE) {
				throw new GeneralSecurityException("segment too short");
			}
			ByteBuffer plaintext = ByteBuffer.allocate(length - TAG_SIZE);
			this.decrypter.decryptSegment(ByteBuffer.wrap(buffer, offset, length), this.segmentNumber++, last,
					plaintext);
			return plaintext.array();
		}

	}

}
