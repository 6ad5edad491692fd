package org.orchestrator.livesync.sync.internal.remote;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.orchestrator.livesync.system.ProblemException;

/**
 * The SHA-256 of a certificate's DER encoding, written as openssl writes it
 * ({@code openssl x509 -noout -fingerprint -sha256}): upper-case hex pairs separated by
 * colons. That is how a remote's certificate is pinned, and how a TLS failure names the
 * certificate it saw.
 */
public final class CertificateFingerprint {

	private static final Pattern WITH_COLONS = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){31}");

	private static final Pattern WITHOUT_COLONS = Pattern.compile("\\p{XDigit}{64}");

	private static final HexFormat PAIRS = HexFormat.ofDelimiter(":").withUpperCase();

	private CertificateFingerprint() {
	}

	/**
	 * The pin {@code value} says, in normal form; null when it is null or blank. Hex with
	 * or without colons, in any case, is accepted; anything else is a problem naming
	 * {@code field}.
	 */
	public static String parse(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (WITH_COLONS.matcher(text).matches()) {
			return text.toUpperCase(Locale.ROOT);
		}
		if (WITHOUT_COLONS.matcher(text).matches()) {
			return PAIRS.formatHex(HexFormat.of().parseHex(text));
		}
		throw ProblemException.invalid(field,
				"must be the SHA-256 fingerprint of the remote's certificate: 64 hex digits, with or without colons "
						+ "(openssl x509 -noout -fingerprint -sha256 -in remote.pem)");
	}

	/** The fingerprint of {@code certificate}. */
	public static String of(X509Certificate certificate) {
		try {
			return PAIRS.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
		catch (CertificateEncodingException | NoSuchAlgorithmException ex) {
			// Every JDK has SHA-256, and a certificate that came off the wire encodes.
			throw new IllegalStateException("cannot fingerprint a certificate", ex);
		}
	}

}
