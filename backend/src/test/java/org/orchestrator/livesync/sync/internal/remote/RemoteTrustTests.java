package org.orchestrator.livesync.sync.internal.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.orchestrator.livesync.support.SelfSignedKeys;
import org.orchestrator.livesync.system.StartupProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code SYNC_TRUST_CA_FILE} is read at start-up, and a file that is not a bundle stops
 * it.
 */
class RemoteTrustTests {

	@TempDir
	Path directory;

	@Test
	void aBundleAddsItsCertificatesToTheJdkDefaults() throws IOException {
		SelfSignedKeys keys = SelfSignedKeys.create("bundle");
		Path bundle = this.directory.resolve("bundle.pem");
		Files.writeString(bundle, "comment\n" + Files.readString(keys.certificatePem()));
		RemoteTrustManager withBundle = new RemoteTrust(new TrustProperties(bundle.toString())).trustManager(null);
		RemoteTrustManager jdkOnly = new RemoteTrust(new TrustProperties(null)).trustManager(null);
		assertThat(withBundle.getAcceptedIssuers()).hasSize(jdkOnly.getAcceptedIssuers().length + 1);
	}

	@Test
	void aMissingFileStopsTheStartInOneLine() {
		assertThatThrownBy(() -> new RemoteTrust(new TrustProperties(this.directory.resolve("none.pem").toString())))
			.isInstanceOf(StartupProblem.class)
			.hasMessageStartingWith("SYNC_TRUST_CA_FILE (sync.trust.ca-file) ")
			.hasMessageContaining("cannot be read")
			.hasMessageNotContaining("\n");
	}

	@Test
	void aFileWithoutCertificatesStopsTheStart() throws IOException {
		Path empty = Files.writeString(this.directory.resolve("empty.pem"), "");
		Path garbage = Files.writeString(this.directory.resolve("garbage.pem"),
				"-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
		assertThatThrownBy(() -> new RemoteTrust(new TrustProperties(empty.toString())))
			.isInstanceOf(StartupProblem.class)
			.hasMessageContaining("holds no certificate");
		assertThatThrownBy(() -> new RemoteTrust(new TrustProperties(garbage.toString())))
			.isInstanceOf(StartupProblem.class)
			.hasMessageContaining("is not a PEM bundle of certificates");
	}

	@Test
	void aPinTrustsNoIssuer() {
		assertThat(new RemoteTrust(new TrustProperties(null)).trustManager("AB").getAcceptedIssuers()).isEmpty();
	}

}
