package org.orchestrator.livesync.inventory.internal.sshkey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Fixtures.resource;

class PrivateKeyFormatsTests {

	private static final String FIXTURES = "ssh/";

	@ParameterizedTest(name = "{0} fits {1}")
	@CsvSource({ "test_ed25519, test_ed25519.pub", "other_ed25519, other_ed25519.pub",
			"test_ed25519.encrypted, test_ed25519.pub", "legacy_rsa, legacy_rsa.pub",
			"legacy_rsa.openssh, legacy_rsa.pub", "legacy_rsa.encrypted, legacy_rsa.pub", "rsa_pkcs8, rsa_pkcs8.pub",
			"rsa_pkcs8.encrypted, rsa_pkcs8.pub", "ed25519_pkcs8, ed25519_pkcs8.pub", "ecdsa_p256, ecdsa_p256.pub",
			"ecdsa_p256.with-params, ecdsa_p256.pub", "ecdsa_p256.openssh, ecdsa_p256.pub",
			"ecdsa_p384_pkcs8, ecdsa_p384_pkcs8.pub", "dsa, dsa.pub", "dsa.pkcs8, dsa.pub", "dsa.openssh, dsa.pub" })
	void acceptsEveryFormatWithItsPublicKey(String privateKey, String publicKey) {
		assertThat(problem(resource(FIXTURES + privateKey), resource(FIXTURES + publicKey))).isNull();
		assertThat(PrivateKeyFormats.problem(resource(FIXTURES + privateKey), null)).isNull();
	}

	@Test
	void acceptsTheDemoAndBenchmarkKeys() throws IOException {
		for (String key : new String[] { "../cli/src/main/resources/demo/demo_ed25519",
				"../bench/src/main/resources/bench/bench_ed25519" }) {
			assertThat(problem(Files.readString(Path.of(key)), Files.readString(Path.of(key + ".pub")))).isNull();
		}
	}

	@Test
	void acceptsWindowsLineEndsAndSurroundingBlanks() {
		String key = "\n  " + resource(FIXTURES + "legacy_rsa").replace("\n", "\r\n") + "\r\n\n";
		assertThat(problem(key, resource(FIXTURES + "legacy_rsa.pub"))).isNull();
	}

	@Test
	void refusesBrokenArmour() {
		String pub = resource(FIXTURES + "rsa_pkcs8.pub");
		assertRefused(pem("PRIVATE KEY", "bm90*YmFzZTY0"), pub, "is not base64");
		assertRefused(pem("OPENSSH PRIVATE KEY", "AAAA AAAA"), pub, "is not base64");
		assertRefused(pem("RSA PRIVATE KEY", "===="), pub, "is not base64");
		assertRefused("-----BEGIN RSA PRIVATE KEY-----\n" + body("rsa_pkcs8") + "\n-----END PRIVATE KEY-----", pub,
				"no END line");
		assertRefused(pem("SSH2 PRIVATE KEY", body("rsa_pkcs8")), pub, "not a private key format");
		assertRefused(resource(FIXTURES + "rsa_pkcs8") + "trailing words", pub, "text outside");
		assertRefused(resource(FIXTURES + "rsa_pkcs8") + resource(FIXTURES + "rsa_pkcs8"), pub, "one private key");
		assertRefused(pem("EC PARAMETERS", body("rsa_pkcs8")) + resource(FIXTURES + "ecdsa_p256"),
				resource(FIXTURES + "ecdsa_p256.pub"), "EC PARAMETERS");
	}

	@Test
	void refusesHeadersOtherThanThoseOfAnEncryptedTraditionalKey() {
		String pub = resource(FIXTURES + "legacy_rsa.pub");
		assertRefused(withHeaders(resource(FIXTURES + "legacy_rsa"), "Comment: mine"), pub, "PEM headers");
		assertRefused(
				withHeaders(resource(FIXTURES + "rsa_pkcs8"), "Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,00"),
				resource(FIXTURES + "rsa_pkcs8.pub"), "PEM headers");
		assertRefused(withHeaders(resource(FIXTURES + "legacy_rsa"), "Proc-Type: 4,ENCRYPTED"), pub, "PEM headers");
	}

	@Test
	void acceptsAnyBodyUnderEncryptionHeadersButStillChecksTheType() {
		String encrypted = withHeaders(pem("RSA PRIVATE KEY", base64(new byte[48])), "Proc-Type: 4,ENCRYPTED",
				"DEK-Info: AES-128-CBC,038A9A59F352B4ACF4CBDED569C00887");
		assertThat(problem(encrypted, resource(FIXTURES + "legacy_rsa.pub"))).isNull();
		assertRefused(encrypted, resource(FIXTURES + "test_ed25519.pub"),
				"is an RSA key but public_key is an ssh-ed25519 key");
		assertRefused(resource(FIXTURES + "legacy_rsa.encrypted"), resource(FIXTURES + "ecdsa_p256.pub"),
				"is an RSA key but public_key is an ecdsa-sha2-nistp256 key");
	}

	@Test
	void refusesTraditionalKeysThatAreNotTheStructureTheirArmourNames() {
		assertRefused(pem("RSA PRIVATE KEY", body("rsa_pkcs8")), resource(FIXTURES + "rsa_pkcs8.pub"),
				"not a PKCS#1 RSA private key");
		assertRefused(pem("RSA PRIVATE KEY", body("dsa")), resource(FIXTURES + "legacy_rsa.pub"),
				"not a PKCS#1 RSA private key");
		assertRefused(pem("EC PRIVATE KEY", body("legacy_rsa")), resource(FIXTURES + "ecdsa_p256.pub"),
				"not a SEC1 EC private key");
		assertRefused(pem("EC PRIVATE KEY", body("ecdsa_p384_pkcs8")), resource(FIXTURES + "ecdsa_p384_pkcs8.pub"),
				"not a SEC1 EC private key");
		assertRefused(pem("DSA PRIVATE KEY", body("ecdsa_p256")), resource(FIXTURES + "dsa.pub"),
				"not a DSA private key");
		assertRefused(pem("RSA PRIVATE KEY", base64(appended(der("legacy_rsa"), 0))),
				resource(FIXTURES + "legacy_rsa.pub"), "not a PKCS#1 RSA private key");
	}

	@Test
	void refusesTraditionalKeysWhosePrivateValuesDoNotFitTheirPublicOnes() {
		// PKCS#1 with a modulus that is not the product of its primes.
		Der rsa = Der.sequenceOf(der("legacy_rsa"));
		BigInteger[] values = new BigInteger[9];
		for (int i = 0; i < 9; i++) {
			values[i] = rsa.integer();
		}
		values[1] = values[1].add(BigInteger.TWO);
		assertRefused(pem("RSA PRIVATE KEY", base64(integers(values))), resource(FIXTURES + "legacy_rsa.pub"),
				"not a PKCS#1 RSA private key");
		// DSA whose public value is not g^x mod p.
		Der dsa = Der.sequenceOf(der("dsa"));
		BigInteger[] dsaValues = new BigInteger[6];
		for (int i = 0; i < 6; i++) {
			dsaValues[i] = dsa.integer();
		}
		dsaValues[5] = dsaValues[5].add(BigInteger.ONE);
		assertRefused(pem("DSA PRIVATE KEY", base64(integers(dsaValues))), resource(FIXTURES + "dsa.pub"),
				"not a DSA private key");
	}

	@Test
	void refusesPkcs8ThatNoKeyFactoryReads() throws GeneralSecurityException {
		assertRefused(pem("PRIVATE KEY", body("legacy_rsa")), resource(FIXTURES + "legacy_rsa.pub"),
				"not a PKCS#8 private key");
		byte[] x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPrivate().getEncoded();
		assertRefused(pem("PRIVATE KEY", base64(x25519)), resource(FIXTURES + "ed25519_pkcs8.pub"),
				"not a PKCS#8 private key");
		assertRefused(pem("ENCRYPTED PRIVATE KEY", body("rsa_pkcs8")), resource(FIXTURES + "rsa_pkcs8.pub"),
				"not a PKCS#8 encrypted private key");
		assertRefused(pem("ENCRYPTED PRIVATE KEY", body("legacy_rsa")), resource(FIXTURES + "legacy_rsa.pub"),
				"not a PKCS#8 encrypted private key");
	}

	@ParameterizedTest(name = "{0} does not fit {1}")
	@CsvSource({ "rsa_pkcs8, test_ed25519.pub, is an RSA key but public_key is an ssh-ed25519 key",
			"legacy_rsa, dsa.pub, is an RSA key but public_key is an ssh-dss key",
			"ed25519_pkcs8, legacy_rsa.pub, is an Ed25519 key but public_key is an ssh-rsa key",
			"ecdsa_p256, dsa.pub, is an EC key but public_key is an ssh-dss key",
			"ecdsa_p384_pkcs8, test_ed25519.pub, is an EC key but public_key is an ssh-ed25519 key",
			"dsa, ecdsa_p256.pub, is a DSA key but public_key is an ecdsa-sha2-nistp256 key",
			"dsa.pkcs8, rsa_pkcs8.pub, is a DSA key but public_key is an ssh-rsa key",
			"test_ed25519, legacy_rsa.pub, is an ssh-ed25519 key but public_key is an ssh-rsa key",
			"ecdsa_p256.openssh, ecdsa_p384_pkcs8.pub, is an ecdsa-sha2-nistp256 key but public_key is an ecdsa-sha2-nistp384 key" })
	void refusesAKeyOfAnotherTypeThanItsPublicKey(String privateKey, String publicKey, String message) {
		assertThat(problem(resource(FIXTURES + privateKey), resource(FIXTURES + publicKey))).isEqualTo(message);
	}

	@ParameterizedTest(name = "{0} does not belong to {1}")
	@CsvSource({ "other_ed25519, test_ed25519.pub", "test_ed25519.encrypted, other_ed25519.pub",
			"rsa_pkcs8, legacy_rsa.pub", "legacy_rsa, rsa_pkcs8.pub", "legacy_rsa.openssh, rsa_pkcs8.pub",
			"ecdsa_p256, ecdsa_p384_pkcs8.pub", "ecdsa_p384_pkcs8, ecdsa_p256.pub" })
	void refusesAKeyOfAnotherPair(String privateKey, String publicKey) {
		assertThat(problem(resource(FIXTURES + privateKey), resource(FIXTURES + publicKey)))
			.isEqualTo("does not belong to public_key (their public halves differ)");
	}

	@Test
	void refusesOpenSshFilesWithoutTheirStructure() {
		String pub = resource(FIXTURES + "test_ed25519.pub");
		assertRefused(pem("OPENSSH PRIVATE KEY", base64("secret-secret-secret".getBytes(StandardCharsets.US_ASCII))),
				pub, "no openssh-key-v1 structure");
		assertRefused(pem("OPENSSH PRIVATE KEY", base64(appended(der("test_ed25519"), 0))), pub,
				"no openssh-key-v1 structure");
		byte[] cut = der("test_ed25519");
		assertRefused(pem("OPENSSH PRIVATE KEY", base64(Arrays.copyOf(cut, cut.length - 10))), pub,
				"no openssh-key-v1 structure");
	}

	@Test
	void refusesAClearOpenSshKeyWhosePrivateSectionIsNotItsHeadersKey() {
		OpenSsh test = OpenSsh.read(der("test_ed25519"));
		OpenSsh other = OpenSsh.read(der("other_ed25519"));
		String pub = resource(FIXTURES + "test_ed25519.pub");
		assertThat(problem(test.armoured(), pub)).isNull();

		assertRefused(new OpenSsh("none", "none", test.publicBlob(), other.privateSection()).armoured(), pub,
				"its private section is not the key its header names");
		SshBuffer section = new SshBuffer(test.privateSection());
		int check = section.uint32();
		section.uint32();
		section.string();
		byte[] publicKey = section.bytes();
		byte[] secret = section.bytes();
		assertRefused(test.withSection(privateSection(check, check, "ssh-dss", publicKey, secret)).armoured(), pub,
				"its private section holds an ssh-dss key, its header an ssh-ed25519 key");
		assertRefused(test.withSection(privateSection(check, check + 1, "ssh-ed25519", publicKey, secret)).armoured(),
				pub, "private section is malformed");
		byte[] otherSecret = secret.clone();
		otherSecret[40] ^= 1;
		assertRefused(test.withSection(privateSection(check, check, "ssh-ed25519", publicKey, otherSecret)).armoured(),
				pub, "private section is malformed");
		assertThat(problem(test.withSection(privateSection(check, check, "ssh-ed25519", publicKey, secret)).armoured(),
				pub))
			.isNull();
		assertRefused(new OpenSsh("none", "bcrypt", test.publicBlob(), test.privateSection()).armoured(), pub,
				"cipher and KDF do not fit");
	}

	@Test
	void checksOnlyTheHeaderOfAnEncryptedOpenSshKey() {
		OpenSsh encrypted = OpenSsh.read(der("test_ed25519.encrypted"));
		String pub = resource(FIXTURES + "test_ed25519.pub");
		assertThat(problem(encrypted.withSection(new byte[48]).armoured(), pub)).isNull();
		assertThat(problem(encrypted.armoured(), resource(FIXTURES + "other_ed25519.pub")))
			.isEqualTo("does not belong to public_key (their public halves differ)");
	}

	private static String problem(String privateKey, String publicKey) {
		SshKeyFormats.PublicKey parsed = SshKeyFormats.parsePublicKey(publicKey);
		assertThat(parsed).as("public key fixture").isNotNull();
		return PrivateKeyFormats.problem(privateKey, parsed);
	}

	/** Refused with a message that has {@code reason} and nothing of the key. */
	private static void assertRefused(String privateKey, String publicKey, String reason) {
		String problem = problem(privateKey, publicKey);
		assertThat(problem).isNotNull().contains(reason);
		privateKey.lines()
			.filter((line) -> !line.startsWith("-----") && line.length() >= 8)
			.forEach((line) -> assertThat(problem).doesNotContain(line.strip().substring(0, 8)));
	}

	private static String pem(String label, String base64) {
		StringBuilder text = new StringBuilder("-----BEGIN " + label + "-----\n");
		for (int i = 0; i < base64.length(); i += 64) {
			text.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
		}
		return text.append("-----END ").append(label).append("-----\n").toString();
	}

	private static String withHeaders(String pem, String... headers) {
		int firstLineEnd = pem.indexOf('\n') + 1;
		return pem.substring(0, firstLineEnd) + String.join("\n", headers) + "\n\n" + pem.substring(firstLineEnd);
	}

	/** The base64 body of a fixture (the last block, without headers). */
	private static String body(String fixture) {
		String text = resource(FIXTURES + fixture);
		String last = text.substring(text.lastIndexOf("-----BEGIN "));
		return last.lines()
			.filter((line) -> !line.startsWith("-----") && !line.contains(":"))
			.reduce("", String::concat);
	}

	private static byte[] der(String fixture) {
		return Base64.getDecoder().decode(body(fixture));
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static byte[] appended(byte[] bytes, int extra) {
		byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
		longer[bytes.length] = (byte) extra;
		return longer;
	}

	/** A DER SEQUENCE of INTEGERs. */
	private static byte[] integers(BigInteger... values) {
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		for (BigInteger value : values) {
			content.writeBytes(tlv(0x02, value.toByteArray()));
		}
		return tlv(0x30, content.toByteArray());
	}

	private static byte[] tlv(int tag, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(tag);
		if (content.length < 0x80) {
			out.write(content.length);
		}
		else {
			out.write(0x82);
			out.write(content.length >>> 8);
			out.write(content.length);
		}
		out.writeBytes(content);
		return out.toByteArray();
	}

	/** An Ed25519 private section in clear: check numbers, key, comment, padding. */
	private static byte[] privateSection(int check1, int check2, String type, byte[] publicKey, byte[] secret) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(uint32(check1));
		out.writeBytes(uint32(check2));
		out.writeBytes(
				new SshBuffer.Writer().string(type).bytes(publicKey).bytes(secret).string("comment").toByteArray());
		for (int pad = 1; out.size() % 8 != 0; pad++) {
			out.write(pad);
		}
		return out.toByteArray();
	}

	private static byte[] uint32(int value) {
		return new byte[] { (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value };
	}

	/** The parts of an openssh-key-v1 file, to put together again with one changed. */
	private record OpenSsh(String cipher, String kdf, byte[] publicBlob, byte[] privateSection) {

		private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

		static OpenSsh read(byte[] file) {
			SshBuffer in = new SshBuffer(Arrays.copyOfRange(file, MAGIC.length, file.length));
			String cipher = in.string();
			String kdf = in.string();
			in.bytes();
			in.uint32();
			return new OpenSsh(cipher, kdf, in.bytes(), in.bytes());
		}

		OpenSsh withSection(byte[] section) {
			return new OpenSsh(this.cipher, this.kdf, this.publicBlob, section);
		}

		String armoured() {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(MAGIC);
			// bcrypt needs its salt and rounds; their content is not checked.
			byte[] kdfOptions = "bcrypt".equals(this.kdf) ? new byte[24] : new byte[0];
			out.writeBytes(new SshBuffer.Writer().string(this.cipher).string(this.kdf).bytes(kdfOptions).toByteArray());
			out.writeBytes(uint32(1));
			out.writeBytes(new SshBuffer.Writer().bytes(this.publicBlob).bytes(this.privateSection).toByteArray());
			return pem("OPENSSH PRIVATE KEY", base64(out.toByteArray()));
		}

	}

}
