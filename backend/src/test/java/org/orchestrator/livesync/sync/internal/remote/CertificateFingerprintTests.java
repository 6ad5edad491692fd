package org.orchestrator.livesync.sync.internal.remote;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CertificateFingerprintTests {

	private static final String NORMAL = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:"
			+ "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

	@Test
	void hexWithOrWithoutColonsInAnyCaseIsTheSamePin() {
		assertThat(CertificateFingerprint.parse(NORMAL, "f")).isEqualTo(NORMAL);
		assertThat(CertificateFingerprint.parse(NORMAL.toLowerCase(), "f")).isEqualTo(NORMAL);
		assertThat(CertificateFingerprint.parse(NORMAL.replace(":", ""), "f")).isEqualTo(NORMAL);
		assertThat(CertificateFingerprint.parse("  " + NORMAL.replace(":", "").toLowerCase() + "\n", "f"))
			.isEqualTo(NORMAL);
	}

	@Test
	void noPinIsNull() {
		assertThat(CertificateFingerprint.parse(null, "f")).isNull();
		assertThat(CertificateFingerprint.parse(" ", "f")).isNull();
	}

	@Test
	void anythingElseIsAProblemNamingTheField() {
		for (String bad : new String[] { "AB:CD", NORMAL + ":00", NORMAL.replace("AB", "ZZ"), NORMAL.replace(":", "-"),
				"SHA256 Fingerprint=" + NORMAL, NORMAL.substring(1) + "0", NORMAL.replace(":", "").substring(2) }) {
			assertThatThrownBy(() -> CertificateFingerprint.parse(bad, "remote_fingerprint")).as(bad)
				.isInstanceOfSatisfying(ProblemException.class, (problem) -> {
					assertThat(problem.code()).isEqualTo("validation");
					assertThat(problem.getMessage()).startsWith("remote_fingerprint: ");
				});
		}
	}

}
