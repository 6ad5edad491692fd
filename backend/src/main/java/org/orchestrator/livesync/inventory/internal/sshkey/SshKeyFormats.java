package org.orchestrator.livesync.inventory.internal.sshkey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;

/**
 * OpenSSH key formats: the public key line ({@code type base64 [comment]}) and its
 * fingerprint as {@code ssh-keygen -l} prints it. Private key files are read by
 * {@link PrivateKeyFormats}.
 */
final class SshKeyFormats {

	static final Set<String> KEY_TYPES = Set.of("ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256",
			"ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
			"sk-ecdsa-sha2-nistp256@openssh.com");

	private SshKeyFormats() {
	}

	/** A parsed public key line; null fields when it is not one. */
	record PublicKey(String type, byte[] blob, String comment) {

		String line() {
			String base = this.type + " " + Base64.getEncoder().encodeToString(this.blob);
			return (this.comment != null) ? base + " " + this.comment : base;
		}

		String fingerprint() {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.blob);
				return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * The public key line parsed, or null when it is not a well-formed OpenSSH public
	 * key.
	 */
	static PublicKey parsePublicKey(String line) {
		if (line == null) {
			return null;
		}
		String[] parts = line.strip().split("\\s+", 3);
		if (parts.length < 2 || !KEY_TYPES.contains(parts[0])) {
			return null;
		}
		byte[] blob;
		try {
			blob = Base64.getDecoder().decode(parts[1]);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		// The blob starts with its own type name; it must agree with the line's.
		String embeddedType = readString(ByteBuffer.wrap(blob));
		if (!parts[0].equals(embeddedType)) {
			return null;
		}
		String comment = (parts.length == 3 && !parts[2].isBlank()) ? parts[2].strip() : null;
		return new PublicKey(parts[0], blob, comment);
	}

	/** A private key in PEM-style armour (OpenSSH, PKCS#8, PKCS#1, SEC1). */
	static boolean looksLikePrivateKey(String text) {
		String key = text.strip();
		return key.startsWith("-----BEGIN ") && key.endsWith("-----") && key.contains("PRIVATE KEY-----")
				&& key.lines().count() >= 3;
	}

	/**
	 * A fingerprint of the private key (SHA-256 of its normal form), or null without one.
	 */
	static String privateKeyFingerprint(String privateKey) {
		if (privateKey == null) {
			return null;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(normalPrivateKey(privateKey).getBytes(StandardCharsets.UTF_8));
			return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The private key text in normal form: Unix line ends, no surrounding blanks, one
	 * final newline.
	 */
	static String normalPrivateKey(String text) {
		return text.replace("\r\n", "\n").strip() + "\n";
	}

	private static String readString(ByteBuffer buffer) {
		byte[] bytes = readBytes(buffer);
		return (bytes != null) ? new String(bytes, StandardCharsets.US_ASCII) : null;
	}

	private static byte[] readBytes(ByteBuffer buffer) {
		if (buffer.remaining() < 4) {
			return null;
		}
		int length = buffer.getInt();
		if (length < 0 || length > buffer.remaining()) {
			return null;
		}
		byte[] bytes = new byte[length];
		buffer.get(bytes);
		return bytes;
	}

}
