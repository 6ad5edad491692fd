package org.orchestrator.livesync.sync.internal.remote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.stereotype.Component;

/**
 * The trust this server puts in remotes' certificates: the JDK's default certificate
 * authorities plus those of {@code SYNC_TRUST_CA_FILE} (added to, not replacing, the
 * defaults), read once at start-up so that no handshake reads a file; or, for a session
 * that pins one, a single certificate.
 */
@Component
class RemoteTrust {

	private static final Log log = LogFactory.getLog(RemoteTrust.class);

	static final String CA_FILE_VARIABLE = "SYNC_TRUST_CA_FILE";

	private final RemoteTrustManager anchored;

	RemoteTrust(TrustProperties properties) {
		List<X509ExtendedTrustManager> anchors = new ArrayList<>();
		anchors.add(jdkTrustManager(null));
		String caFile = properties.caFile();
		if (caFile != null && !caFile.isBlank()) {
			KeyStore extra = readBundle(Path.of(caFile.strip()));
			anchors.add(jdkTrustManager(extra));
		}
		this.anchored = RemoteTrustManager.anchoredIn(anchors);
	}

	/**
	 * What decides on a remote's certificate: the anchors, or only the certificate
	 * {@code pin} names when it is not null.
	 */
	RemoteTrustManager trustManager(String pin) {
		return (pin != null) ? RemoteTrustManager.pinned(pin) : this.anchored;
	}

	private static KeyStore readBundle(Path file) {
		Collection<? extends Certificate> certificates;
		try (InputStream in = Files.newInputStream(file)) {
			certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
		}
		catch (IOException ex) {
			throw new StartupProblem(CA_FILE_VARIABLE + " (sync.trust.ca-file) " + file + " cannot be read: "
					+ ex.getClass().getSimpleName() + " " + ex.getMessage());
		}
		catch (GeneralSecurityException ex) {
			throw new StartupProblem(CA_FILE_VARIABLE + " (sync.trust.ca-file) " + file
					+ " is not a PEM bundle of certificates: " + ex.getMessage());
		}
		if (certificates.isEmpty()) {
			throw new StartupProblem(CA_FILE_VARIABLE + " (sync.trust.ca-file) " + file
					+ " holds no certificate: it must contain -----BEGIN CERTIFICATE----- blocks");
		}
		try {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int index = 0;
			for (Certificate certificate : certificates) {
				store.setCertificateEntry("ca-" + index++, certificate);
			}
			log.info("Trusting " + certificates.size() + " certificate(s) of " + file
					+ " for remotes, besides the JDK's defaults");
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new StartupProblem(
					CA_FILE_VARIABLE + " (sync.trust.ca-file) " + file + " cannot be used: " + ex.getMessage());
		}
	}

	/** The JDK's trust manager over {@code store} (null: the JDK's default store). */
	private static X509ExtendedTrustManager jdkTrustManager(KeyStore store) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			for (TrustManager manager : factory.getTrustManagers()) {
				if (manager instanceof X509ExtendedTrustManager x509) {
					return x509;
				}
			}
			throw new StartupProblem("the JDK offers no X.509 trust manager");
		}
		catch (GeneralSecurityException ex) {
			throw new StartupProblem("the JDK's trust store cannot be used: " + ex.getMessage());
		}
	}

}
