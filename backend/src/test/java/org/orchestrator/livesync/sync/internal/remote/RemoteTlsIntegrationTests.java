package org.orchestrator.livesync.sync.internal.remote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SelfSignedKeys;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.Problem;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.Items.find;
import static org.orchestrator.livesync.support.Items.keys;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * A remote that serves HTTPS with a self-signed certificate, called by a server that does
 * not trust it, by one that trusts it through {@code SYNC_TRUST_CA_FILE}, and by sessions
 * that pin its fingerprint.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemoteTlsIntegrationTests {

	static final SelfSignedKeys KEYS = SelfSignedKeys.create("remote");

	@RegisterExtension
	static TestServer remote = KEYS.serving(Peers.server("remote"));

	/** Trusts the JDK's certificate authorities only. */
	@RegisterExtension
	static TestServer plain = Peers.server("plain");

	@RegisterExtension
	static TestServer trusting = Peers.server("trusting").with("SYNC_TRUST_CA_FILE", KEYS.certificatePem().toString());

	@Test
	void anUntrustedCertificateIsARemoteTlsProblemWithItsFingerprintAndNoStackTrace(CapturedOutput output)
			throws InterruptedException {
		Problem refused = problem(session(plain, httpsUrl("localhost"), null), 502, "remote-tls");
		assertThat(refused.detail()).contains(httpsUrl("localhost"), "is not trusted", "SYNC_TRUST_CA_FILE",
				"remote_fingerprint", KEYS.fingerprint());
		// The transport's own report of a failure may come a few milliseconds after the
		// answer.
		Thread.sleep(500);
		assertThat(output.getAll()).contains("TLS with a remote failed: " + refused.detail())
			.doesNotContain("SSLHandshakeException")
			.doesNotContain("\tat ");
	}

	@Test
	void aCertificateInTheCaFileIsTrusted() {
		create(trusting, Fixtures.node("tls-ca-01"));
		JsonNode session = created(session(trusting, httpsUrl("localhost"), null));
		assertThat(session.at("/remote/name").asString()).isEqualTo("remote");
		assertThat(find(session.at("/comparison/nodes/missing_on_remote"), "key", "tls-ca-01")).isNotNull();
		assertThat(session.has("remote_fingerprint") && !session.get("remote_fingerprint").isNull()).isFalse();
		created(session(trusting, httpsUrl("127.0.0.1"), null));
	}

	@Test
	void aTrustedCertificateForAnotherHostIsRefused() {
		// 127.0.0.2 reaches the same server (loopback), but the certificate does not name
		// it.
		Problem refused = problem(session(trusting, httpsUrl("127.0.0.2"), null), 502, "remote-tls");
		assertThat(refused.detail()).contains("not for this connection", KEYS.fingerprint());
	}

	@Test
	void aPinnedFingerprintIsTrustedWithoutTheCaFileForCompareAndJobs() {
		create(plain, Fixtures.node("tls-pin-01"));
		create(plain, Fixtures.node("tls-pin-02"));
		String pin = KEYS.fingerprint().replace(":", "").toLowerCase();
		JsonNode session = created(session(plain, httpsUrl("localhost"), pin));
		assertThat(session.get("remote_fingerprint").asString()).isEqualTo(KEYS.fingerprint());
		assertThat(find(session.at("/comparison/nodes/missing_on_remote"), "key", "tls-pin-01")).isNotNull();
		String id = session.get("session_id").asString();
		assertThat(plain.operator()
			.get()
			.uri("/api/v1/sync/sessions/" + id)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("remote_fingerprint")
			.asString()).isEqualTo(KEYS.fingerprint());
		// The first job goes on in the compare's peer session, the second connects anew:
		// both with the pin.
		SyncJobs.complete(plain, Map.of("session_id", id, "selection", Map.of("nodes", List.of("tls-pin-01"))));
		SyncJobs.complete(plain, Map.of("session_id", id, "selection", Map.of("nodes", List.of("tls-pin-02"))));
		JsonNode again = created(session(plain, httpsUrl("127.0.0.2"), KEYS.fingerprint()));
		assertThat(keys(again.at("/comparison/nodes/missing_on_remote"))).doesNotContain("tls-pin-01", "tls-pin-02");
	}

	@Test
	void aWrongPinIsRefusedEvenWhenTheCaFileTrustsTheCertificate() {
		String wrong = "00".repeat(32);
		Problem refused = problem(session(trusting, httpsUrl("localhost"), wrong), 502, "remote-tls");
		assertThat(refused.detail()).contains("not the pinned one", KEYS.fingerprint(),
				"00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00");
		problem(session(plain, httpsUrl("localhost"), wrong), 502, "remote-tls");
	}

	@Test
	void aFingerprintThatIsNotOneIsAValidationProblem() {
		for (String bad : List.of("AB:CD", "zz".repeat(32), KEYS.fingerprint() + ":00", "sha256:" + "ab".repeat(32))) {
			invalidField(session(plain, httpsUrl("localhost"), bad), "remote_fingerprint");
		}
		invalidField(session(plain, "http://localhost:" + remote.port(), KEYS.fingerprint()), "remote_fingerprint");
	}

	@Test
	void aPlainHttpRemoteCalledOverHttpsIsARemoteTlsProblem() {
		Problem refused = problem(session(plain, "https://localhost:" + plain.port(), null), 502, "remote-tls");
		assertThat(refused.detail()).contains("http://");
	}

	private static String httpsUrl(String host) {
		return "https://" + host + ":" + remote.port();
	}

	private static WebTestClient.ResponseSpec session(TestServer server, String url, String fingerprint) {
		Map<String, Object> body = new HashMap<>(Map.of("remote_url", url, "password", Peers.SYNC_PASSWORD));
		if (fingerprint != null) {
			body.put("remote_fingerprint", fingerprint);
		}
		return server.operator().post().uri("/api/v1/sync/sessions").bodyValue(body).exchange();
	}

	private static JsonNode created(WebTestClient.ResponseSpec response) {
		return response.expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

}
