package org.orchestrator.livesync.inventory.internal.sshkey;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Fixtures.resource;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

@ExtendWith(OutputCaptureExtension.class)
class SshKeyApiIntegrationTests {

	/** Debug logging everywhere, so that the log check below means something. */
	@RegisterExtension
	static TestServer server = new TestServer().with("logging.level.org.springframework", "debug")
		.with("logging.level.io.r2dbc", "debug")
		.with("logging.level.org.orchestrator", "debug");

	private static final String PRIVATE_KEY = resource("ssh/test_ed25519");

	/** A line from the middle of the private key: it must appear nowhere. */
	private static final String PRIVATE_MATERIAL = PRIVATE_KEY.lines().skip(2).findFirst().orElseThrow();

	private final WebTestClient api = server.operator();

	@Test
	void storesThePrivateKeyEncryptedAndNeverReturnsOrLogsIt(CapturedOutput output) {
		String created = this.api.post()
			.uri("/api/v1/ssh-keys")
			.bodyValue(Fixtures.sshKey("deploy"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		SshKeyView view = TestServer.JSON.readValue(created, SshKeyView.class);
		assertThat(view.fingerprint()).isEqualTo(resource("ssh/test_ed25519.fingerprint").strip());
		assertThat(view.hasPrivateKey()).isTrue();

		String read = body("/api/v1/ssh-keys/deploy");
		String listed = body("/api/v1/ssh-keys");
		for (String response : new String[] { created, read, listed }) {
			assertThat(response).doesNotContain("\"private_key\"")
				.doesNotContain(PRIVATE_MATERIAL)
				.doesNotContain("PRIVATE KEY");
		}
		String stored = server.bean(DatabaseClient.class)
			.sql("SELECT private_key_ciphertext FROM ssh_keys WHERE name = 'deploy'")
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		assertThat(stored).isNotBlank().doesNotContain(PRIVATE_MATERIAL).doesNotContain("PRIVATE KEY");
		assertThat(server.bean(SshKeyService.class).privateKey("deploy").block()).isEqualTo(PRIVATE_KEY);
		assertThat(output.getAll()).doesNotContain(PRIVATE_MATERIAL);
	}

	@Test
	void keepsTheStoredPrivateKeyWhenAnUpdateLeavesItOut() {
		this.api.post().uri("/api/v1/ssh-keys").bodyValue(Fixtures.sshKey("ops")).exchange().expectStatus().isCreated();
		SshKeyView updated = this.api.put()
			.uri("/api/v1/ssh-keys/ops")
			.bodyValue(Map.of("public_key", resource("ssh/test_ed25519.pub"), "path", "/etc/keys/ops"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(SshKeyView.class)
			.returnResult()
			.getResponseBody();
		assertThat(updated.path()).isEqualTo("/etc/keys/ops");
		assertThat(updated.hasPrivateKey()).isTrue();
		assertThat(server.bean(SshKeyService.class).privateKey("ops").block()).isEqualTo(PRIVATE_KEY);
	}

	@Test
	void refusesBadKeysWithoutEchoingThem(CapturedOutput output) {
		String secret = "-----BEGIN OPENSSH PRIVATE KEY-----\nc2VjcmV0LXNlY3JldC1zZWNyZXQ=\n-----END OPENSSH PRIVATE KEY-----";
		var mismatch = invalidField(this.api.post()
			.uri("/api/v1/ssh-keys")
			.bodyValue(Map.of("name", "bad", "public_key", resource("ssh/test_ed25519.pub"), "private_key",
					resource("ssh/other_ed25519")))
			.exchange(), "private_key");
		assertThat(mismatch.detail()).contains("does not belong");
		invalidField(this.api.post()
			.uri("/api/v1/ssh-keys")
			.bodyValue(Map.of("name", "bad", "public_key", "ssh-rsa AAAA", "private_key", "short"))
			.exchange(), "public_key");
		var problem = problem(this.api.post()
			.uri("/api/v1/ssh-keys")
			.bodyValue(
					Map.of("name", "bad/name", "public_key", resource("ssh/test_ed25519.pub"), "private_key", secret))
			.exchange(), 400, "validation");
		assertThat(problem.toString()).doesNotContain("c2VjcmV0");
		assertThat(output.getAll()).doesNotContain("c2VjcmV0");
		problem(this.api.get().uri("/api/v1/ssh-keys/bad").exchange(), 404, "not-found");
	}

	@Test
	void acceptsEveryKeyFormatAndRefusesKeysThatDoNotParseOrFit(CapturedOutput output) {
		String[][] pairs = { { "rsa_pkcs8", "rsa_pkcs8.pub" }, { "legacy_rsa.encrypted", "legacy_rsa.pub" },
				{ "rsa_pkcs8.encrypted", "rsa_pkcs8.pub" }, { "ecdsa_p256.with-params", "ecdsa_p256.pub" },
				{ "ecdsa_p384_pkcs8", "ecdsa_p384_pkcs8.pub" }, { "ed25519_pkcs8", "ed25519_pkcs8.pub" },
				{ "dsa.openssh", "dsa.pub" } };
		for (int i = 0; i < pairs.length; i++) {
			SshKeyView created = this.api.post()
				.uri("/api/v1/ssh-keys")
				.bodyValue(Map.of("name", "format-" + i, "public_key", resource("ssh/" + pairs[i][1]), "private_key",
						resource("ssh/" + pairs[i][0])))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(SshKeyView.class)
				.returnResult()
				.getResponseBody();
			assertThat(created.hasPrivateKey()).as(pairs[i][0]).isTrue();
		}

		String garbage = "-----BEGIN RSA PRIVATE KEY-----\nZ2FyYmFnZS1ub3QtYS1rZXktYXQtYWxs\n-----END RSA PRIVATE KEY-----";
		var unparsable = invalidField(this.api.post()
			.uri("/api/v1/ssh-keys")
			.bodyValue(
					Map.of("name", "format-bad", "public_key", resource("ssh/legacy_rsa.pub"), "private_key", garbage))
			.exchange(), "private_key");
		assertThat(unparsable.detail())
			.isEqualTo("private_key: is not a PKCS#1 RSA private key, which its armour says it is");
		String rsaMaterial = resource("ssh/rsa_pkcs8").lines().skip(3).findFirst().orElseThrow();
		var otherType = invalidField(this.api.put()
			.uri("/api/v1/ssh-keys/format-0")
			.bodyValue(Map.of("public_key", resource("ssh/test_ed25519.pub"), "private_key", resource("ssh/rsa_pkcs8")))
			.exchange(), "private_key");
		assertThat(otherType.detail()).isEqualTo("private_key: is an RSA key but public_key is an ssh-ed25519 key");
		var otherPair = invalidField(this.api.post()
			.uri("/api/v1/ssh-keys")
			.bodyValue(Map.of("name", "format-bad", "public_key", resource("ssh/legacy_rsa.pub"), "private_key",
					resource("ssh/rsa_pkcs8")))
			.exchange(), "private_key");
		assertThat(otherPair.detail()).contains("does not belong to public_key");
		for (var problem : List.of(unparsable, otherType, otherPair)) {
			assertThat(problem.toString()).doesNotContain("Z2FyYmFnZS").doesNotContain(rsaMaterial);
		}
		assertThat(output.getAll()).doesNotContain("Z2FyYmFnZS").doesNotContain(rsaMaterial);
		problem(this.api.get().uri("/api/v1/ssh-keys/format-bad").exchange(), 404, "not-found");
		assertThat(this.api.get()
			.uri("/api/v1/ssh-keys/format-0")
			.exchange()
			.expectBody(SshKeyView.class)
			.returnResult()
			.getResponseBody()
			.publicKey()).startsWith("ssh-rsa ");
	}

	@Test
	void refusesToDeleteAKeyInUse() {
		this.api.post()
			.uri("/api/v1/ssh-keys")
			.bodyValue(Fixtures.sshKey("in-use"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.api.post()
			.uri("/api/v1/nodes")
			.bodyValue(Fixtures.node("keyed-01", "10.0.0.9", "in-use"))
			.exchange()
			.expectStatus()
			.isCreated();
		var conflict = problem(this.api.delete().uri("/api/v1/ssh-keys/in-use").exchange(), 409, "conflict");
		assertThat(conflict.detail()).contains("keyed-01");
		problem(this.api.post().uri("/api/v1/ssh-keys").bodyValue(Fixtures.sshKey("in-use")).exchange(), 409,
				"conflict");
	}

	private String body(String path) {
		return this.api.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
