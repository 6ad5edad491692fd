package org.orchestrator.livesync.inventory.internal.sshkey;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The {@code openssh-key-v1} format that {@code ssh-keygen} writes by default: a clear
 * header with the public key, then the private section, encrypted under a passphrase or
 * (cipher {@code none}) in clear. A clear private section is read in full: its key type
 * and public half must be those of the header, since only the header is compared with the
 * key's public key line.
 */
final class OpenSshPrivateKey {

	private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

	private OpenSshPrivateKey() {
	}

	/**
	 * The type and public key blob of the file's key.
	 * @throws PrivateKeyFormats.Invalid what is wrong with it
	 */
	static PrivateKeyFormats.Parsed parse(byte[] file) throws PrivateKeyFormats.Invalid {
		byte[] publicBlob;
		String cipher;
		String kdf;
		byte[] privateSection;
		try {
			if (file.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
				throw new IllegalArgumentException("no magic");
			}
			SshBuffer header = new SshBuffer(Arrays.copyOfRange(file, MAGIC.length, file.length));
			cipher = header.string();
			kdf = header.string();
			header.bytes(); // KDF options
			if (header.uint32() != 1) {
				throw new IllegalArgumentException("not one key");
			}
			publicBlob = header.bytes();
			privateSection = header.bytes();
			if (header.remaining() != 0) {
				throw new IllegalArgumentException("trailing bytes");
			}
		}
		catch (IllegalArgumentException ex) {
			throw new PrivateKeyFormats.Invalid("is not an OpenSSH private key (no openssh-key-v1 structure)");
		}
		String type = typeOf(publicBlob);
		if (type == null) {
			throw new PrivateKeyFormats.Invalid("is an OpenSSH private key of an unknown type");
		}
		if ("none".equals(cipher) != "none".equals(kdf)) {
			throw new PrivateKeyFormats.Invalid("is a damaged OpenSSH private key (its cipher and KDF do not fit)");
		}
		if ("none".equals(cipher)) {
			checkClearSection(privateSection, type, publicBlob);
		}
		return new PrivateKeyFormats.Parsed(PrivateKeyFormats.Family.ofSshType(type), type, publicBlob, null, null);
	}

	private static String typeOf(byte[] blob) {
		try {
			String type = new SshBuffer(blob).string();
			return SshKeyFormats.KEY_TYPES.contains(type) ? type : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static void checkClearSection(byte[] section, String type, byte[] publicBlob)
			throws PrivateKeyFormats.Invalid {
		byte[] derived;
		String privateType;
		try {
			SshBuffer in = new SshBuffer(section);
			if (in.uint32() != in.uint32() || section.length % 8 != 0) {
				throw new IllegalArgumentException("check numbers differ");
			}
			privateType = in.string();
			if (!privateType.equals(type)) {
				derived = null;
			}
			else {
				derived = publicHalf(in, type);
				in.bytes(); // comment
				for (int pad = 1; in.remaining() > 0; pad++) {
					if (in.uint8() != pad) {
						throw new IllegalArgumentException("bad padding");
					}
				}
			}
		}
		catch (IllegalArgumentException ex) {
			throw new PrivateKeyFormats.Invalid("is a damaged OpenSSH private key (its private section is malformed)");
		}
		if (derived == null) {
			String named = SshKeyFormats.KEY_TYPES.contains(privateType) ? "an " + privateType + " key"
					: "a key of another type";
			throw new PrivateKeyFormats.Invalid("is a damaged OpenSSH private key (its private section holds " + named
					+ ", its header an " + type + " key)");
		}
		if (!Arrays.equals(derived, publicBlob)) {
			throw new PrivateKeyFormats.Invalid(
					"is a damaged OpenSSH private key (its private section is not the key its header names)");
		}
	}

	/**
	 * Reads one key of the private section and returns its public key blob, checking on
	 * the way what is cheap: an Ed25519 secret ends with its public key, an RSA modulus
	 * is the product of its primes, a DSA public value is g^x mod p.
	 */
	private static byte[] publicHalf(SshBuffer in, String type) {
		SshBuffer.Writer blob = new SshBuffer.Writer().string(type);
		switch (type) {
			case "ssh-ed25519" -> {
				byte[] publicKey = in.bytes();
				byte[] secret = in.bytes();
				require(publicKey.length == 32 && secret.length == 64
						&& Arrays.equals(Arrays.copyOfRange(secret, 32, 64), publicKey));
				blob.bytes(publicKey);
			}
			case "ssh-rsa" -> {
				byte[] n = in.bytes();
				byte[] e = in.bytes();
				in.bytes(); // d
				in.bytes(); // iqmp
				BigInteger p = in.mpint();
				BigInteger q = in.mpint();
				require(new BigInteger(1, n).equals(p.multiply(q)));
				blob.bytes(e).bytes(n);
			}
			case "ssh-dss" -> {
				byte[][] pqgy = { in.bytes(), in.bytes(), in.bytes(), in.bytes() };
				BigInteger x = in.mpint();
				BigInteger p = new BigInteger(1, pqgy[0]);
				require(p.signum() > 0 && new BigInteger(1, pqgy[2]).modPow(x, p).equals(new BigInteger(1, pqgy[3])));
				for (byte[] value : pqgy) {
					blob.bytes(value);
				}
			}
			case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" -> {
				blob.bytes(in.bytes()).bytes(in.bytes()); // curve, point
				in.bytes(); // secret scalar
			}
			case "sk-ssh-ed25519@openssh.com" -> {
				blob.bytes(in.bytes()).bytes(in.bytes()); // public key, application
				securityKeyHandle(in);
			}
			case "sk-ecdsa-sha2-nistp256@openssh.com" -> {
				blob.bytes(in.bytes()).bytes(in.bytes()).bytes(in.bytes()); // curve,
																			// point,
																			// application
				securityKeyHandle(in);
			}
			default -> throw new IllegalArgumentException("unknown key type");
		}
		return blob.toByteArray();
	}

	private static void securityKeyHandle(SshBuffer in) {
		in.uint8(); // flags
		in.bytes(); // key handle
		in.bytes(); // reserved
	}

	private static void require(boolean condition) {
		if (!condition) {
			throw new IllegalArgumentException("inconsistent key");
		}
	}

}
