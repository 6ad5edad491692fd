package org.orchestrator.livesync.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Secret comparison whose timing says nothing about how much of the guess was right. */
public final class ConstantTime {

	private ConstantTime() {
	}

	public static boolean equals(String given, String expected) {
		if (given == null || expected == null) {
			return false;
		}
		try {
			// Digests first: equal lengths, so not even the secret's length leaks.
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			byte[] a = sha256.digest(given.getBytes(StandardCharsets.UTF_8));
			byte[] b = sha256.digest(expected.getBytes(StandardCharsets.UTF_8));
			return MessageDigest.isEqual(a, b);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
