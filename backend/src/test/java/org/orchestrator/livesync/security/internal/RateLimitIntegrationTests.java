package org.orchestrator.livesync.security.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.PrometheusScrape;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

class RateLimitIntegrationTests {

	@RegisterExtension
	static TestServer server = new TestServer().with("SYNC_PASSWORD", Peers.SYNC_PASSWORD)
		.with("SYNC_RATE_LIMIT_PER_HOUR", "3");

	@Test
	void answers429WithRetryAfterOnceAClientUsedItsRequests() {
		Peers.Session session = Peers.connect(server, "peer-1");
		session.inventory();
		// Failed guesses count too.
		problem(server.anonymous()
			.post()
			.uri("/api/v1/sync/connect")
			.bodyValue(Map.of("server_id", "peer-1", "password", "guess"))
			.exchange(), 401, "bad-sync-password");
		var limited = server.anonymous()
			.get()
			.uri("/api/v1/sync/inventory")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + session.token())
			.exchange();
		var problem = problem(limited, 429, "rate-limited");
		assertThat(problem.detail()).contains("3 sync requests");
		server.anonymous()
			.get()
			.uri("/api/v1/sync/inventory")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + session.token())
			.exchange()
			.expectHeader()
			.exists(HttpHeaders.RETRY_AFTER);
		// The operator API and the open probe are not limited.
		server.anonymous().get().uri("/api/v1/sync/test").exchange().expectStatus().isOk();
		server.operator().get().uri("/api/v1/nodes").exchange().expectStatus().isOk();
		// Connect, inventory, the guess and two refused: five peer requests, two 429s.
		PrometheusScrape metrics = PrometheusScrape.of(server);
		assertThat(metrics.value("live_sync_peer_requests_total")).isEqualTo(5);
		assertThat(metrics.value("live_sync_peer_rate_limited_total")).isEqualTo(2);
	}

}
