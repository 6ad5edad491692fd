package org.orchestrator.livesync.inventory.internal.sshkey;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.DSAParams;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.crypto.EncryptedPrivateKeyInfo;

/**
 * Private key files as {@code ssh-keygen} and {@code openssl} write them, read far enough
 * to know that a file is the kind of key its armour says and that it fits its public key
 * line: OpenSSH, PKCS#8 (clear or encrypted) and the traditional PKCS#1 (RSA), SEC1 (EC)
 * and DSA forms, clear or with {@code Proc-Type: 4,ENCRYPTED} headers. What a passphrase
 * hides cannot be checked, so an encrypted key is held only to its armour's claims.
 * Messages name formats and key types, never anything of the key itself.
 */
final class PrivateKeyFormats {

	private static final Set<String> TRADITIONAL = Set.of("RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY");

	private PrivateKeyFormats() {
	}

	/** The kinds of key that have a PEM form, with the JDK's name for each. */
	enum Family {

		RSA("RSA", "an RSA"), EC("EC", "an EC"), ED25519("Ed25519", "an Ed25519"), DSA("DSA", "a DSA");

		private final String algorithm;

		private final String described;

		Family(String algorithm, String described) {
			this.algorithm = algorithm;
			this.described = described;
		}

		/** The family of an OpenSSH key type; null for security keys, which have none. */
		static Family ofSshType(String type) {
			return switch (type) {
				case "ssh-rsa" -> RSA;
				case "ssh-dss" -> DSA;
				case "ssh-ed25519" -> ED25519;
				case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" -> EC;
				default -> null;
			};
		}

	}

	/**
	 * What a private key file tells without its passphrase, each null where it does not
	 * tell: the family, the OpenSSH key type and public key blob (OpenSSH files), the
	 * public numbers in the order of an SSH blob (RSA: e, n; DSA: p, q, g, y) and an EC
	 * public point.
	 */
	record Parsed(Family family, String sshType, byte[] publicBlob, List<BigInteger> publicNumbers, byte[] ecPoint) {

		static Parsed of(Family family) {
			return new Parsed(family, null, null, null, null);
		}

	}

	/** Why a text is not a usable private key, in words fit for a client. */
	static final class Invalid extends Exception {

		Invalid(String reason) {
			super(reason, null, false, false);
		}

	}

	/**
	 * Why {@code text} is not a private key fitting {@code publicKey} (null when that is
	 * invalid: the private key alone is checked), or null when it is one.
	 */
	static String problem(String text, SshKeyFormats.PublicKey publicKey) {
		try {
			Parsed key = parse(text);
			return (publicKey != null) ? mismatch(key, publicKey) : null;
		}
		catch (Invalid ex) {
			return ex.getMessage();
		}
	}

	static Parsed parse(String text) throws Invalid {
		List<PemBlock> blocks = PemBlock.all(text);
		PemBlock key = blocks.get(blocks.size() - 1);
		if (blocks.size() == 2 && blocks.get(0).label().equals("EC PARAMETERS")
				&& key.label().equals("EC PRIVATE KEY")) {
			// What 'openssl ecparam -genkey' writes unless told -noout.
			ecParameters(blocks.get(0).body());
		}
		else if (blocks.size() != 1) {
			throw new Invalid("must be one private key, not " + blocks.size() + " PEM blocks");
		}
		boolean encrypted = !key.headers().isEmpty();
		if (encrypted && (!TRADITIONAL.contains(key.label()) || !"4,ENCRYPTED".equals(key.headers().get("Proc-Type"))
				|| !key.headers().containsKey("DEK-Info"))) {
			throw new Invalid("has PEM headers other than those of a passphrase-protected key");
		}
		return switch (key.label()) {
			case "OPENSSH PRIVATE KEY" -> OpenSshPrivateKey.parse(key.body());
			case "RSA PRIVATE KEY" -> encrypted ? Parsed.of(Family.RSA) : pkcs1(key.body());
			case "EC PRIVATE KEY" -> encrypted ? Parsed.of(Family.EC) : sec1(key.body());
			case "DSA PRIVATE KEY" -> encrypted ? Parsed.of(Family.DSA) : dsa(key.body());
			case "PRIVATE KEY" -> pkcs8(key.body());
			case "ENCRYPTED PRIVATE KEY" -> encryptedPkcs8(key.body());
			default -> throw new Invalid(
					"is not a private key format this server reads (OpenSSH, PKCS#8, PKCS#1, SEC1 or DSA)");
		};
	}

	/** Why {@code key} does not fit {@code publicKey}, or null when it does. */
	static String mismatch(Parsed key, SshKeyFormats.PublicKey publicKey) {
		if (key.sshType() != null && !key.sshType().equals(publicKey.type())) {
			return "is an " + key.sshType() + " key but public_key is an " + publicKey.type() + " key";
		}
		if (key.family() != null && key.family() != Family.ofSshType(publicKey.type())) {
			return "is " + key.family().described + " key but public_key is an " + publicKey.type() + " key";
		}
		boolean belongs;
		try {
			SshBuffer blob = new SshBuffer(publicKey.blob());
			blob.bytes(); // type
			if (key.publicBlob() != null) {
				belongs = Arrays.equals(key.publicBlob(), publicKey.blob());
			}
			else if (key.publicNumbers() != null) {
				belongs = true;
				for (BigInteger number : key.publicNumbers()) {
					belongs &= number.equals(blob.mpint());
				}
			}
			else if (key.ecPoint() != null) {
				blob.bytes(); // curve
				belongs = Arrays.equals(key.ecPoint(), blob.bytes());
			}
			else {
				belongs = true;
			}
		}
		catch (IllegalArgumentException ex) {
			belongs = false;
		}
		return belongs ? null : "does not belong to public_key (their public halves differ)";
	}

	private static Parsed pkcs1(byte[] der) throws Invalid {
		try {
			Der key = Der.sequenceOf(der);
			BigInteger version = key.integer();
			BigInteger n = key.integer();
			BigInteger e = key.integer();
			key.integer(); // d
			BigInteger p = key.integer();
			BigInteger q = key.integer();
			key.integer(); // d mod (p-1)
			key.integer(); // d mod (q-1)
			key.integer(); // q^-1 mod p
			if (version.equals(BigInteger.ONE)) {
				key.sequence(); // the other primes of a multi-prime key
			}
			else {
				require(version.signum() == 0 && n.equals(p.multiply(q)));
			}
			key.end();
			return new Parsed(Family.RSA, null, null, List.of(e, n), null);
		}
		catch (IllegalArgumentException ex) {
			throw new Invalid("is not a PKCS#1 RSA private key, which its armour says it is");
		}
	}

	private static Parsed sec1(byte[] der) throws Invalid {
		try {
			return new Parsed(Family.EC, null, null, null, sec1Point(der));
		}
		catch (IllegalArgumentException ex) {
			throw new Invalid("is not a SEC1 EC private key, which its armour says it is");
		}
	}

	/** Checks a SEC1 ECPrivateKey; its public point, or null when it has none. */
	private static byte[] sec1Point(byte[] der) {
		Der key = Der.sequenceOf(der);
		require(key.integer().equals(BigInteger.ONE) && key.bytes(Der.OCTET_STRING).length > 0);
		byte[] point = null;
		if (key.peek() == 0xa0) {
			// A named curve: SSH has no use for explicit curve parameters.
			Der parameters = key.next(0xa0);
			parameters.next(Der.OBJECT_IDENTIFIER);
			parameters.end();
		}
		if (key.peek() == 0xa1) {
			Der publicKey = key.next(0xa1);
			byte[] bits = publicKey.bytes(Der.BIT_STRING);
			publicKey.end();
			require(bits.length > 1 && bits[0] == 0);
			point = Arrays.copyOfRange(bits, 1, bits.length);
		}
		key.end();
		return point;
	}

	private static void ecParameters(byte[] der) throws Invalid {
		try {
			Der.only(der, Der.OBJECT_IDENTIFIER);
		}
		catch (IllegalArgumentException ex) {
			throw new Invalid("has an EC PARAMETERS block that does not name a curve");
		}
	}

	private static Parsed dsa(byte[] der) throws Invalid {
		try {
			Der key = Der.sequenceOf(der);
			require(key.integer().signum() == 0);
			BigInteger p = key.integer();
			BigInteger q = key.integer();
			BigInteger g = key.integer();
			BigInteger y = key.integer();
			BigInteger x = key.integer();
			key.end();
			require(p.signum() > 0 && g.modPow(x, p).equals(y));
			return new Parsed(Family.DSA, null, null, List.of(p, q, g, y), null);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new Invalid("is not a DSA private key, which its armour says it is");
		}
	}

	private static Parsed pkcs8(byte[] der) throws Invalid {
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
		for (Family family : Family.values()) {
			PrivateKey key;
			try {
				key = KeyFactory.getInstance(family.algorithm).generatePrivate(spec);
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				continue;
			}
			if (key instanceof RSAPrivateCrtKey rsa) {
				if (!rsa.getModulus().equals(rsa.getPrimeP().multiply(rsa.getPrimeQ()))) {
					throw new Invalid("is a damaged RSA private key (its modulus is not the product of its primes)");
				}
				return new Parsed(Family.RSA, null, null, List.of(rsa.getPublicExponent(), rsa.getModulus()), null);
			}
			if (key instanceof DSAPrivateKey dsa) {
				DSAParams params = dsa.getParams();
				BigInteger y = params.getG().modPow(dsa.getX(), params.getP());
				return new Parsed(Family.DSA, null, null, List.of(params.getP(), params.getQ(), params.getG(), y),
						null);
			}
			if (key instanceof ECPrivateKey) {
				return new Parsed(Family.EC, null, null, null, pkcs8EcPoint(der));
			}
			if (key instanceof EdECPrivateKey) {
				return Parsed.of(Family.ED25519);
			}
			return Parsed.of(family);
		}
		throw new Invalid("is not a PKCS#8 private key of a type SSH uses (RSA, EC, Ed25519 or DSA)");
	}

	/** The public point in the SEC1 key inside a PKCS#8 EC key, or null. */
	private static byte[] pkcs8EcPoint(byte[] der) {
		try {
			Der info = Der.sequenceOf(der);
			info.integer(); // version
			info.sequence(); // algorithm
			return sec1Point(info.bytes(Der.OCTET_STRING));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Parsed encryptedPkcs8(byte[] der) throws Invalid {
		try {
			new EncryptedPrivateKeyInfo(der);
			return Parsed.of(null);
		}
		catch (IOException | RuntimeException ex) {
			throw new Invalid("is not a PKCS#8 encrypted private key, which its armour says it is");
		}
	}

	private static void require(boolean condition) {
		if (!condition) {
			throw new IllegalArgumentException("not the expected structure");
		}
	}

}
