package org.orchestrator.livesync.crypto;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackageCipherTests {

	private static final byte[] SALT = PasswordKey.newSalt();

	private static final byte[] KEY = PasswordKey.derive("correct horse battery staple", SALT,
			PasswordKey.MIN_ITERATIONS);

	private final byte[] header = "{\"package_id\":\"p-1\"}".getBytes(StandardCharsets.UTF_8);

	private final byte[] plaintext = "{\"type\":\"node\",\"hostname\":\"node-01\"}\n".getBytes(StandardCharsets.UTF_8);

	@Test
	void roundTrips() {
		byte[] ciphertext = PackageCipher.forKey(KEY).encrypt(this.plaintext, this.header);
		assertThat(ciphertext).isNotEqualTo(this.plaintext);
		assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("node-01");
		assertThat(PackageCipher.forKey(KEY).decrypt(ciphertext, this.header)).isEqualTo(this.plaintext);
	}

	@Test
	void encryptsTheSameTextDifferentlyEachTime() {
		PackageCipher cipher = PackageCipher.forKey(KEY);
		assertThat(cipher.encrypt(this.plaintext, this.header))
			.isNotEqualTo(cipher.encrypt(this.plaintext, this.header));
	}

	@Test
	void refusesAnyFlippedByte() {
		byte[] ciphertext = PackageCipher.forKey(KEY).encrypt(this.plaintext, this.header);
		for (int i = 0; i < ciphertext.length; i++) {
			byte[] tampered = ciphertext.clone();
			tampered[i] ^= 0x01;
			assertThat(PackageCipher.forKey(KEY).decrypt(tampered, this.header)).as("byte %d flipped", i).isNull();
		}
	}

	@Test
	void refusesAnotherHeaderOrPassword() {
		byte[] ciphertext = PackageCipher.forKey(KEY).encrypt(this.plaintext, this.header);
		byte[] otherHeader = "{\"package_id\":\"p-2\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(PackageCipher.forKey(KEY).decrypt(ciphertext, otherHeader)).isNull();
		byte[] wrongKey = PasswordKey.derive("wrong password", SALT, PasswordKey.MIN_ITERATIONS);
		assertThat(PackageCipher.forKey(wrongKey).decrypt(ciphertext, this.header)).isNull();
	}

	@Test
	void derivesKeysThatDependOnPasswordAndSalt() {
		assertThat(KEY).hasSize(32);
		assertThat(PasswordKey.derive("correct horse battery staple", SALT, PasswordKey.MIN_ITERATIONS)).isEqualTo(KEY);
		assertThat(
				PasswordKey.derive("correct horse battery staple", PasswordKey.newSalt(), PasswordKey.MIN_ITERATIONS))
			.isNotEqualTo(KEY);
		assertThatThrownBy(() -> PasswordKey.derive("p", SALT, 1)).isInstanceOf(IllegalArgumentException.class);
	}

}
