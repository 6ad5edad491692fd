package org.orchestrator.livesync.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingPackageCipherTests {

	private static final byte[] KEY = PasswordKey.derive("secret", PasswordKey.newSalt(), PasswordKey.MIN_ITERATIONS);

	private static final byte[] HEADER = "{\"package_id\":\"p-1\"}".getBytes();

	/** Sizes around segment boundaries, and chunkings that cut through them. */
	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 1000, 262_000, 262_144, 262_145, 600_000, 1_500_000 })
	void roundTripsAnySizeInAnyChunking(int size) throws GeneralSecurityException {
		byte[] plaintext = new byte[size];
		new Random(size).nextBytes(plaintext);
		for (int chunk : new int[] { 1 + size / 3, 4096, 100_000 }) {
			List<byte[]> ciphertext = encrypt(plaintext, chunk);
			assertThat(decrypt(ciphertext, 7_777, HEADER)).isEqualTo(plaintext);
		}
	}

	@Test
	void refusesAFlippedByteATruncationAndAnotherHeader() {
		byte[] plaintext = new byte[700_000];
		new Random(1).nextBytes(plaintext);
		byte[] ciphertext = join(encrypt(plaintext, 65_536));

		byte[] flipped = ciphertext.clone();
		flipped[400_000] ^= 0x10;
		assertThatThrownBy(() -> decrypt(List.of(flipped), 50_000, HEADER))
			.isInstanceOf(GeneralSecurityException.class);

		byte[] truncated = java.util.Arrays.copyOf(ciphertext, 262_144);
		assertThatThrownBy(() -> decrypt(List.of(truncated), 50_000, HEADER))
			.isInstanceOf(GeneralSecurityException.class);

		assertThatThrownBy(() -> decrypt(List.of(ciphertext), 50_000, "{\"package_id\":\"p-2\"}".getBytes()))
			.isInstanceOf(GeneralSecurityException.class);
	}

	private static List<byte[]> encrypt(byte[] plaintext, int chunk) {
		StreamingPackageCipher.Encryptor encryptor = new StreamingPackageCipher.Encryptor(KEY, HEADER);
		List<byte[]> out = new ArrayList<>();
		for (int i = 0; i < plaintext.length; i += chunk) {
			out.addAll(encryptor
				.update(java.util.Arrays.copyOfRange(plaintext, i, Math.min(plaintext.length, i + chunk))));
		}
		out.addAll(encryptor.finish());
		return out;
	}

	private static byte[] decrypt(List<byte[]> ciphertext, int chunk, byte[] header) throws GeneralSecurityException {
		StreamingPackageCipher.Decryptor decryptor = new StreamingPackageCipher.Decryptor(KEY, header);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] all = join(ciphertext);
		for (int i = 0; i < all.length; i += chunk) {
			decryptor.update(java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + chunk)))
				.forEach(out::writeBytes);
		}
		out.writeBytes(decryptor.finish());
		return out.toByteArray();
	}

	private static byte[] join(List<byte[]> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		parts.forEach(out::writeBytes);
		return out.toByteArray();
	}

}
