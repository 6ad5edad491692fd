package org.orchestrator.livesync.sync.internal.peer;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Nodes;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.sync.internal.protocol.PeerApi;
import org.orchestrator.livesync.sync.internal.transfer.PullSpools;

import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resumable pull at the sending end, asked for by hand: the rest of the package from
 * any byte is the same bytes, under the same header, in a new session of the same peer
 * and in none of another's; a wrong offset or an unknown package is a problem; the
 * confirm lets the package go.
 */
class PullStreamIntegrationTests {

	private static final int NODES = 2000;

	@RegisterExtension
	static TestServer remote = Peers.server("remote");

	@BeforeAll
	static void inventory() {
		Nodes.importFixtures(remote, IntStream.range(0, NODES).mapToObj((i) -> key(i)));
	}

	@Test
	void theRestOfAResumablePullIsTheSameBytesUntilItIsConfirmed() {
		Peers.Session first = Peers.connect(remote, "puller-server");
		EntityExchangeResult<byte[]> whole = pull(first, "0");
		String header = whole.getResponseHeaders().getFirst(PeerApi.PACKAGE_HEADER);
		byte[] bytes = whole.getResponseBody();
		assertThat(bytes.length).isGreaterThan(100_000);

		Peers.Session again = Peers.connect(remote, "puller-server");
		String packageId = packageId(header);
		for (long from : new long[] { 0, 1, 65_536, bytes.length - 1, bytes.length }) {
			EntityExchangeResult<byte[]> rest = resume(again, packageId, from).expectStatus()
				.isOk()
				.expectBody(byte[].class)
				.returnResult();
			assertThat(rest.getResponseHeaders().getFirst(PeerApi.PACKAGE_HEADER)).isEqualTo(header);
			// An empty body reads as none.
			assertThat(Objects.requireNonNullElse(rest.getResponseBody(), new byte[0])).as("from %d", from)
				.isEqualTo(Arrays.copyOfRange(bytes, (int) from, bytes.length));
		}

		Peers.Session stranger = Peers.connect(remote, "another-server");
		resume(stranger, packageId, 0).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("not-found");
		resume(again, packageId, bytes.length + 1).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("conflict");
		resume(again, packageId, -1).expectStatus().isBadRequest();
		resume(again, "not-a-uuid", 0).expectStatus().isBadRequest();

		again.client()
			.post()
			.uri(PeerApi.CONFIRM)
			.bodyValue(Map.of("session_id", again.sessionId(), "package_id", packageId))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(remote.bean(PullSpools.class).size()).isZero();
		Peers.Session later = Peers.connect(remote, "puller-server");
		resume(later, packageId, 0).expectStatus().isNotFound();
	}

	@Test
	void aPullIsResumableOnlyFromItsStartAndOnlyWhenAskedFor() {
		Peers.Session session = Peers.connect(remote, "puller-server");
		session.client()
			.post()
			.uri(PeerApi.TRANSFER_STREAM)
			.header(PeerApi.RESUME_FROM_HEADER, "5")
			.bodyValue(request(session))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("validation");
		int before = remote.bean(PullSpools.class).size();
		EntityExchangeResult<byte[]> plain = pull(session, null);
		assertThat(remote.bean(PullSpools.class).size()).as("kept only when asked for").isEqualTo(before);
		resume(Peers.connect(remote, "puller-server"),
				packageId(plain.getResponseHeaders().getFirst(PeerApi.PACKAGE_HEADER)), 0)
			.expectStatus()
			.isNotFound();
	}

	@Test
	void keysNamedAsLinesArePulledAndABadLineIsRefusedKeepingNothing() {
		Peers.Session session = Peers.connect(remote, "puller-server");
		byte[] package_ = lines(session,
				"{\"kind\":\"nodes\",\"key\":\"" + key(1) + "\"}\n{\"kind\":\"nodes\",\"key\":\"" + key(2) + "\"}\n")
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(package_).isNotEmpty();
		for (String bad : List.of(
				"{\"kind\":\"nodes\",\"key\":\"" + key(1) + "\"}\n{\"kind\":\"nodes\",\"key\":\"" + key(1) + "\"}\n",
				"{\"kind\":\"boats\",\"key\":\"x\"}\n", "{\"kind\":\"nodes\",\"key\":5}\n",
				"{\"kind\":\"nodes\",\"key\":\"bad key!\"}\n", "")) {
			lines(session, bad).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("validation");
		}
		assertThat(remote.bean(DatabaseClient.class)
			.sql("SELECT count(*) FROM sync_pull_requests")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).as("nothing of a refused request, nor of a produced one, is kept").isZero();
	}

	private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec lines(Peers.Session session,
			String body) {
		return session.client()
			.post()
			.uri(PeerApi.TRANSFER_STREAM)
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue(body)
			.exchange();
	}

	private static EntityExchangeResult<byte[]> pull(Peers.Session session, String resumeFrom) {
		return session.client().post().uri(PeerApi.TRANSFER_STREAM).headers((headers) -> {
			if (resumeFrom != null) {
				headers.set(PeerApi.RESUME_FROM_HEADER, resumeFrom);
			}
		}).bodyValue(request(session)).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult();
	}

	private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec resume(Peers.Session session,
			String packageId, long from) {
		return session.client()
			.get()
			.uri(PeerApi.TRANSFER_STREAM_RESUME, packageId)
			.header(PeerApi.RESUME_FROM_HEADER, Long.toString(from))
			.exchange();
	}

	private static Map<String, Object> request(Peers.Session session) {
		return Map.of("session_id", session.sessionId(), "items",
				Map.of("nodes", IntStream.range(0, NODES).mapToObj(PullStreamIntegrationTests::key).toList()));
	}

	private static String key(int i) {
		return String.format("spooled-%04d", i);
	}

	private static String packageId(String header) {
		return TestServer.JSON.readTree(java.util.Base64.getUrlDecoder().decode(header)).get("package_id").asString();
	}

}
