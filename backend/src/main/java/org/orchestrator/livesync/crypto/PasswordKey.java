package org.orchestrator.livesync.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A 256-bit key derived from the shared {@code SYNC_PASSWORD} and a fresh random salt per
 * package, with PBKDF2-HMAC-SHA256 at OWASP's recommended work factor. Deliberately slow:
 * call it off the event loop.
 */
public final class PasswordKey {

	public static final String ALGORITHM = "PBKDF2-HMAC-SHA256";

	public static final int ITERATIONS = 600_000;

	/**
	 * What a package may ask for: enough to be safe, not so much that a package can stall
	 * us.
	 */
	public static final int MIN_ITERATIONS = 100_000;

	public static final int MAX_ITERATIONS = 10_000_000;

	public static final int SALT_BYTES = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordKey() {
	}

	public static byte[] newSalt() {
		byte[] salt = new byte[SALT_BYTES];
		RANDOM.nextBytes(salt);
		return salt;
	}

	public static byte[] derive(String password, byte[] salt, int iterations) {
		if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
			throw new IllegalArgumentException(
					"iterations must be between " + MIN_ITERATIONS + " and " + MAX_ITERATIONS);
		}
		char[] chars = password.toCharArray();
		KeySpec spec = new PBEKeySpec(chars, salt, iterations, 256);
		try {
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", ex);
		}
		finally {
			java.util.Arrays.fill(chars, '\0');
			((PBEKeySpec) spec).clearPassword();
		}
	}

}
