package org.orchestrator.livesync.sync.internal.remote;

import java.security.cert.CertificateException;

/**
 * Why this server refused a remote's certificate, and the fingerprint of the certificate
 * it presented: the handshake failure that carries it is told to the operator with that
 * fingerprint, so they can pin it if they trust it.
 */
final class UntrustedCertificate extends CertificateException {

	/** What failed. */
	enum Reason {

		/** No trust anchor (JDK defaults, SYNC_TRUST_CA_FILE) vouches for it. */
		NOT_TRUSTED,

		/** Trusted, but not issued for the host name of the remote's URL. */
		WRONG_HOST,

		/** The session pins another certificate. */
		PIN_MISMATCH,

		/** The remote presented no certificate at all. */
		NONE_PRESENTED

	}

	private final Reason reason;

	private final String fingerprint;

	UntrustedCertificate(Reason reason, String fingerprint, String message) {
		super(message);
		this.reason = reason;
		this.fingerprint = fingerprint;
	}

	Reason reason() {
		return this.reason;
	}

	/** The SHA-256 fingerprint of the certificate presented; null when none was. */
	String fingerprint() {
		return this.fingerprint;
	}

}
