package org.orchestrator.livesync.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pieces of a stream checked where they stand, each on its own, as a target checks the
 * chunks of a resumable upload: intact pieces pass in any order; an altered, moved or cut
 * one fails.
 */
class SegmentCheckerTests {

	private static final byte[] KEY = PasswordKey.derive("secret", PasswordKey.newSalt(), PasswordKey.MIN_ITERATIONS);

	private static final byte[] HEADER = "{\"package_id\":\"p-1\"}".getBytes();

	private static final int SEGMENT = StreamingPackageCipher.SEGMENT_BYTES;

	/** Streams ending before, at and after piece boundaries. */
	@ParameterizedTest
	@ValueSource(ints = { 0, 1000, 262_100, 600_000, 1_048_576, 1_300_000 })
	void passesEveryIntactPieceInAnyOrderAndRefusesTamperedMovedOrCutOnes(int size) throws Exception {
		byte[] stream = encrypt(size);
		int piece = 2 * SEGMENT;
		StreamingPackageCipher.SegmentChecker checker = checker(stream);
		int pieces = (stream.length + piece - 1) / piece;
		for (int i = pieces - 1; i >= 0; i--) {
			byte[] bytes = Arrays.copyOfRange(stream, i * piece, Math.min(stream.length, (i + 1) * piece));
			boolean last = i == pieces - 1;
			long offset = (long) i * piece;
			assertThatCode(() -> checker.check(bytes, offset, last)).doesNotThrowAnyException();

			byte[] flipped = bytes.clone();
			flipped[flipped.length / 2] ^= 1;
			assertThatThrownBy(() -> checker.check(flipped, offset, last)).isInstanceOf(GeneralSecurityException.class);
			assertThatThrownBy(() -> checker.check(bytes, offset, !last)).as("the end of the stream is authenticated")
				.isInstanceOf(GeneralSecurityException.class);
			if (pieces > 1) {
				long elsewhere = (long) ((i + 1) % pieces) * piece;
				assertThatThrownBy(() -> checker.check(bytes, elsewhere, last)).as("a piece moved elsewhere")
					.isInstanceOf(GeneralSecurityException.class);
			}
		}
		if (stream.length > SEGMENT + 100) {
			byte[] cut = Arrays.copyOf(stream, SEGMENT + 100);
			assertThatThrownBy(() -> checker.check(cut, 0, false)).as("a piece ending inside a segment")
				.isInstanceOf(GeneralSecurityException.class);
		}
	}

	private static StreamingPackageCipher.SegmentChecker checker(byte[] stream) throws GeneralSecurityException {
		int length = StreamingPackageCipher.SegmentChecker.headerLength();
		return new StreamingPackageCipher.SegmentChecker(KEY, HEADER, Arrays.copyOf(stream, length));
	}

	private static byte[] encrypt(int size) {
		byte[] plaintext = new byte[size];
		new Random(size).nextBytes(plaintext);
		StreamingPackageCipher.Encryptor encryptor = new StreamingPackageCipher.Encryptor(KEY, HEADER);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < size; i += 100_000) {
			encryptor.update(Arrays.copyOfRange(plaintext, i, Math.min(size, i + 100_000))).forEach(out::writeBytes);
		}
		encryptor.finish().forEach(out::writeBytes);
		return out.toByteArray();
	}

}
