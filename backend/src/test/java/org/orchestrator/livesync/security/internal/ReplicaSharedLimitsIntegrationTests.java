package org.orchestrator.livesync.security.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.PrometheusScrape;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * Two replicas of one server on one database share what a peer or a guesser would
 * otherwise play them against each other with: peer sessions (opened on one, used and
 * ended on the other), the peer API's rate limit and the login throttle. The tests come
 * from the loopback address, a trusted proxy here, each test as a client of its own (in
 * {@code X-Forwarded-For}): the limits count per real client.
 */
class ReplicaSharedLimitsIntegrationTests {

	@RegisterExtension
	static TestServer first = new TestServer().with("SYNC_PASSWORD", Peers.SYNC_PASSWORD)
		.with("SYNC_RATE_LIMIT_PER_HOUR", "40")
		.with("TRUSTED_PROXIES", "127.0.0.1");

	static TestServer replica;

	@BeforeAll
	static void replica() {
		replica = first.replica().start();
	}

	@AfterAll
	static void stop() {
		if (replica != null) {
			replica.close();
		}
	}

	@Test
	void aPeerSessionOpenedOnOneReplicaIsUsedAndEndedOnTheOther() {
		create(first, Fixtures.node("shared-session-01"));
		Peers.Session onFirst = Peers.connect(first, "peer-x");
		Peers.Session onReplica = new Peers.Session(replica, onFirst.sessionId(), onFirst.token());
		assertThat(onReplica.inventory().toString()).contains("nodes");
		JsonNode pack = onReplica.pack(Map.of("nodes", List.of("shared-session-01")));
		onFirst.confirm(pack.get("package_id").asString()).expectStatus().isOk();
		// Ended by the confirm on the first replica: the token opens nothing on either.
		for (Peers.Session ended : List.of(onFirst, onReplica)) {
			var refused = problem(ended.client().get().uri("/api/v1/sync/inventory").exchange(), 401, "unauthorized");
			assertThat(refused.detail()).contains("session has ended");
		}
	}

	@Test
	void bothReplicasCountAClientsPeerRequestsTogether() {
		long before = remaining(wrongPassword(first));
		assertThat(remaining(wrongPassword(replica))).isEqualTo(before - 1);
		assertThat(remaining(wrongPassword(first))).isEqualTo(before - 2);
		for (long left = before - 2; left > 0; left--) {
			wrongPassword((left % 2 == 0) ? first : replica).expectStatus().isUnauthorized();
		}
		for (TestServer server : List.of(first, replica)) {
			problem(wrongPassword(server), 429, "rate-limited");
			wrongPassword(server).expectHeader().exists(HttpHeaders.RETRY_AFTER);
		}
	}

	@Test
	void bothReplicasCountFailedLoginsTogether() {
		for (int i = 0; i < LoginThrottle.FAILURES; i++) {
			problem(login((i % 2 == 0) ? first : replica, "guess-" + i), 401, "bad-credentials");
		}
		for (TestServer server : List.of(first, replica)) {
			String retryAfter = login(server, TestServer.ADMIN_PASSWORD).expectStatus()
				.isEqualTo(429)
				.returnResult(String.class)
				.getResponseHeaders()
				.getFirst(HttpHeaders.RETRY_AFTER);
			assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
		}
		assertThat(PrometheusScrape.of(replica).value("live_sync_login_failures_total", Map.of("reason", "throttled")))
			.isEqualTo(1);
	}

	private static WebTestClient.ResponseSpec wrongPassword(TestServer server) {
		return server.anonymous()
			.post()
			.uri("/api/v1/sync/connect")
			.header("X-Forwarded-For", "203.0.113.7")
			.bodyValue(Map.of("server_id", "guesser", "password", "guess"))
			.exchange();
	}

	private static long remaining(WebTestClient.ResponseSpec response) {
		return Long.parseLong(response.expectStatus()
			.isUnauthorized()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-RateLimit-Remaining"));
	}

	private static WebTestClient.ResponseSpec login(TestServer server, String password) {
		return server.anonymous()
			.post()
			.uri("/api/v1/auth/login")
			.header("X-Forwarded-For", "203.0.113.8")
			.bodyValue(Map.of("username", "admin", "password", password))
			.exchange();
	}

}
