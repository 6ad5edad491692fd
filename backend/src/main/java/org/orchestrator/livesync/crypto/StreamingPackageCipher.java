package org.orchestrator.livesync.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
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

	/**
	 * Ciphertext bytes per segment; the stream header and the first segment fill the
	 * first such block, so segment {@code i > 0} starts at byte
	 * {@code i * SEGMENT_BYTES}.
	 */
	public static final int SEGMENT_BYTES = 256 * 1024;

	static final int CIPHERTEXT_SEGMENT_SIZE = SEGMENT_BYTES;

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
	 * Checks whole segments where they stand in a stream, without the segments before
	 * them: a receiver that keeps a stream piece by piece (to resume it after a dropped
	 * connection) refuses an altered, reordered or cut piece as it arrives, before
	 * keeping it. The plaintext is thrown away: the package is decrypted again, in order,
	 * when it is applied.
	 */
	public static final class SegmentChecker {

		private final AesGcmHkdfStreaming streaming;

		private final StreamSegmentDecrypter decrypter;

		private final byte[] streamHeader;

		/**
		 * {@code streamHeader}: the first {@link #headerLength()} bytes of the stream.
		 */
		public SegmentChecker(byte[] key, byte[] associatedData, byte[] streamHeader) throws GeneralSecurityException {
			this.streaming = streaming(key);
			if (streamHeader.length != this.streaming.getHeaderLength()) {
				throw new GeneralSecurityException("the stream is shorter than its header");
			}
			this.streamHeader = streamHeader.clone();
			this.decrypter = this.streaming.newStreamSegmentDecrypter();
			this.decrypter.init(ByteBuffer.wrap(this.streamHeader), associatedData);
		}

		/** How many bytes the stream header takes at the start of the stream. */
		public static int headerLength() {
			return streaming(new byte[32]).getHeaderLength();
		}

		/**
		 * Checks {@code piece}, the stream's bytes from {@code offset} (a multiple of
		 * {@link #SEGMENT_BYTES}) on; it holds whole segments but for the stream's last,
		 * which it ends with when {@code last}. Fails on any altered byte, on a piece
		 * moved elsewhere in the stream, and on a stream cut at a segment boundary.
		 */
		public void check(byte[] piece, long offset, boolean last) throws GeneralSecurityException {
			if (offset % SEGMENT_BYTES != 0) {
				throw new GeneralSecurityException("a piece starts inside a segment");
			}
			int position = 0;
			if (offset == 0) {
				int headerLength = this.streamHeader.length;
				if (piece.length < headerLength
						|| !Arrays.equals(Arrays.copyOf(piece, headerLength), this.streamHeader)) {
					throw new GeneralSecurityException("the stream header differs");
				}
				position = headerLength;
			}
			if (position == piece.length) {
				throw new GeneralSecurityException("a piece without a segment");
			}
			ByteBuffer plaintext = ByteBuffer.allocate(SEGMENT_BYTES);
			while (position < piece.length) {
				int segment = (int) ((offset + position) / SEGMENT_BYTES);
				int end = (int) Math.min(piece.length, (segment + 1L) * SEGMENT_BYTES - offset);
				boolean lastSegment = last && end == piece.length;
				boolean whole = end == (segment + 1L) * SEGMENT_BYTES - offset;
				if (!whole && !lastSegment) {
					throw new GeneralSecurityException("a piece ends inside a segment");
				}
				if (end - position < TAG_SIZE) {
					throw new GeneralSecurityException("segment too short");
				}
				plaintext.clear();
				this.decrypter.decryptSegment(ByteBuffer.wrap(piece, position, end - position), segment, lastSegment,
						plaintext);
				position = end;
			}
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
