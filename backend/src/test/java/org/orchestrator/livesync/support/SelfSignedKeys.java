package org.orchestrator.livesync.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed key pair for a test server's HTTPS, made as README tells operators to
 * make one: the JDK's {@code keytool} into a PKCS12 keystore, its certificate exported as
 * PEM. The certificate names {@code localhost} and {@code 127.0.0.1}.
 */
public record SelfSignedKeys(Path keystore, String password, Path certificatePem, String fingerprint) {

	public static SelfSignedKeys create(String alias) {
		try {
			Path directory = Files.createTempDirectory("live-sync-tls");
			Path keystore = directory.resolve(alias + ".p12");
			Path pem = directory.resolve(alias + ".pem");
			String password = "test-keystore-password";
			keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
					"-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
					"-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
			keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(), "-storepass", password,
					"-file", pem.toString());
			X509Certificate certificate;
			try (InputStream in = Files.newInputStream(pem)) {
				certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
			}
			String fingerprint = HexFormat.ofDelimiter(":")
				.withUpperCase()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
			return new SelfSignedKeys(keystore, password, pem, fingerprint);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The properties that make a test server serve HTTPS with this pair. */
	public TestServer serving(TestServer server) {
		return server.with("server.ssl.key-store", this.keystore.toString())
			.with("server.ssl.key-store-type", "PKCS12")
			.with("server.ssl.key-store-password", this.password)
			.with("server.ssl.key-alias", aliasOf(this.keystore));
	}

	private static String aliasOf(Path keystore) {
		String name = keystore.getFileName().toString();
		return name.substring(0, name.length() - ".p12".length());
	}

	private static void keytool(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
		}
	}

}
