package org.orchestrator.livesync.sync.internal.remote;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whether this server trusts a remote's certificate. Either a pin (the
 * certificate whose fingerprint the operator gave, and only that one, self-signed or not,
 * whatever host name it names) or the trust anchors: the JDK's defaults and
 * {@code SYNC_TRUST_CA_FILE}, with the usual host name check. A refusal is an
 * {@link UntrustedCertificate} saying which check failed and what was presented.
 */
final class RemoteTrustManager extends X509ExtendedTrustManager {

	private final List<X509ExtendedTrustManager> anchors;

	private final String pin;

	private RemoteTrustManager(List<X509ExtendedTrustManager> anchors, String pin) {
		this.anchors = List.copyOf(anchors);
		this.pin = pin;
	}

	/** Trusts what any of {@code anchors} trusts, for the host it is asked about. */
	static RemoteTrustManager anchoredIn(List<X509ExtendedTrustManager> anchors) {
		return new RemoteTrustManager(anchors, null);
	}

	/** Trusts the one certificate whose fingerprint is {@code pin} (normal form). */
	static RemoteTrustManager pinned(String pin) {
		return new RemoteTrustManager(List.of(), pin);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		check(chain, authType, (anchor) -> anchor.checkServerTrusted(chain, authType, engine));
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		check(chain, authType, (anchor) -> anchor.checkServerTrusted(chain, authType, socket));
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		check(chain, authType, (anchor) -> anchor.checkServerTrusted(chain, authType));
	}

	/**
	 * The chain is first checked against the anchors alone, then, by the anchor that
	 * trusts it, for the connection (host name included): so a refusal can say which of
	 * the two failed.
	 */
	private void check(X509Certificate[] chain, String authType, HostCheck forConnection) throws CertificateException {
		if (chain == null || chain.length == 0) {
			throw new UntrustedCertificate(UntrustedCertificate.Reason.NONE_PRESENTED, null,
					"is missing: the remote presented none");
		}
		String presented = CertificateFingerprint.of(chain[0]);
		if (this.pin != null) {
			if (!this.pin.equals(presented)) {
				throw new UntrustedCertificate(UntrustedCertificate.Reason.PIN_MISMATCH, presented,
						"is not the pinned one: it presented SHA-256 " + presented + ", the session pins " + this.pin);
			}
			return;
		}
		X509ExtendedTrustManager trusting = null;
		for (X509ExtendedTrustManager anchor : this.anchors) {
			try {
				anchor.checkServerTrusted(chain, authType);
				trusting = anchor;
				break;
			}
			catch (CertificateException untrusted) {
				// Maybe another anchor set has it.
			}
		}
		if (trusting == null) {
			throw new UntrustedCertificate(UntrustedCertificate.Reason.NOT_TRUSTED, presented,
					"is not trusted (no certificate authority this server trusts issued it)");
		}
		try {
			forConnection.check(trusting);
		}
		catch (CertificateException wrongHost) {
			throw new UntrustedCertificate(UntrustedCertificate.Reason.WRONG_HOST, presented,
					"is trusted but not for this connection (" + wrongHost.getMessage() + ")");
		}
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		checkClientTrusted(chain, authType);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		checkClientTrusted(chain, authType);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException("this trust manager only checks the servers this server calls");
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.anchors.stream()
			.flatMap((anchor) -> List.of(anchor.getAcceptedIssuers()).stream())
			.toArray(X509Certificate[]::new);
	}

	@FunctionalInterface
	private interface HostCheck {

		void check(X509ExtendedTrustManager anchor) throws CertificateException;

	}

}
