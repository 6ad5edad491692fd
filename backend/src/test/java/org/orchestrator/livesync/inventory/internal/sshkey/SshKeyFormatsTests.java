package org.orchestrator.livesync.inventory.internal.sshkey;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.system.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Fixtures.resource;

class SshKeyFormatsTests {

	private static java.util.List<Problem.FieldError> errorsOf(SshKey key) {
		Violations violations = new Violations();
		key.validate(violations);
		return violations.errors();
	}

	@Test
	void fingerprintsLikeSshKeygen() {
		for (String name : new String[] { "test_ed25519", "other_ed25519", "legacy_rsa" }) {
			SshKey key = new SshKey("k", resource("ssh/" + name + ".pub"), null, null);
			assertThat(errorsOf(key)).isEmpty();
			assertThat(key.fingerprint()).isEqualTo(resource("ssh/" + name + ".fingerprint").strip());
		}
	}

	@Test
	void acceptsAMatchingPair() {
		assertThat(errorsOf(new SshKey("k", resource("ssh/test_ed25519.pub"), resource("ssh/test_ed25519"), null)))
			.isEmpty();
		assertThat(errorsOf(new SshKey("k", resource("ssh/legacy_rsa.pub"), resource("ssh/legacy_rsa"), null)))
			.isEmpty();
	}

	@Test
	void rejectsAPrivateKeyOfAnotherPair() {
		assertThat(errorsOf(new SshKey("k", resource("ssh/test_ed25519.pub"), resource("ssh/other_ed25519"), null)))
			.singleElement()
			.satisfies((error) -> {
				assertThat(error.field()).isEqualTo("private_key");
				assertThat(error.message()).contains("does not belong");
			});
	}

	@Test
	void rejectsMalformedKeys() {
		assertThat(errorsOf(new SshKey("k", "ssh-ed25519 not-base64!", null, null)))
			.extracting(Problem.FieldError::field)
			.containsExactly("public_key");
		String blobOfRsa = resource("ssh/legacy_rsa.pub").split(" ")[1];
		assertThat(errorsOf(new SshKey("k", "ssh-ed25519 " + blobOfRsa, null, null)))
			.extracting(Problem.FieldError::field)
			.containsExactly("public_key");
		assertThat(errorsOf(new SshKey("k", resource("ssh/test_ed25519.pub"), "hunter2", null)))
			.extracting(Problem.FieldError::field)
			.containsExactly("private_key");
	}

	@Test
	void neverPrintsThePrivateKey() {
		SshKey key = new SshKey("k", resource("ssh/test_ed25519.pub"), resource("ssh/test_ed25519"), null);
		assertThat(key.toString()).doesNotContain("PRIVATE").contains("redacted");
	}

}
