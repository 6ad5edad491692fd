package org.orchestrator.livesync.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.PrometheusScrape;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;

/**
 * The metrics of real syncs, as Prometheus scrapes them: A pushes to B. A serves its
 * actuator on a port of its own, B on its server port (the default).
 */
class SyncMetricsIntegrationTests {

	private static final Map<String, String> PUSH = Map.of("direction", "push", "dry_run", "false");

	@RegisterExtension
	static TestServer a = Peers.server("a").with("MANAGEMENT_PORT", "0");

	@RegisterExtension
	static TestServer b = Peers.server("b");

	@Test
	void aPushIsCountedWithWhatItMovedOnBothSides() {
		create(a, Fixtures.node("metrics-01", "10.71.0.1", null));
		create(a, Fixtures.node("metrics-02", "10.71.0.2", null));
		PrometheusScrape beforeA = PrometheusScrape.of(a);
		PrometheusScrape beforeB = PrometheusScrape.of(b);

		JsonNode session = SyncJobs.session(a, b.baseUrl());
		String job = SyncJobs.completeJob(a, Map.of("session_id", session.get("session_id").asString(), "selection",
				Map.of("nodes", List.of("metrics-01", "metrics-02")), "direction", "push"));
		JsonNode view = job(job);
		long moved = view.at("/result/applied")
			.properties()
			.stream()
			.mapToLong((kind) -> kind.getValue().asLong())
			.sum()
				+ view.at("/result/deleted").properties().stream().mapToLong((kind) -> kind.getValue().asLong()).sum();
		assertThat(moved).isEqualTo(2);

		PrometheusScrape afterA = scrapeOnceCounted(a, "live_sync_jobs_completed_total", PUSH,
				beforeA.value("live_sync_jobs_completed_total", PUSH) + 1);
		assertThat(delta(beforeA, afterA, "live_sync_jobs_started_total", PUSH)).isEqualTo(1);
		assertThat(delta(beforeA, afterA, "live_sync_jobs_failed_total", Map.of())).isZero();
		assertThat(delta(beforeA, afterA, "live_sync_items_moved_total", Map.of("direction", "push"))).isEqualTo(moved);
		long bytes = view.at("/progress/bytes").asLong();
		assertThat(bytes).isPositive();
		assertThat(delta(beforeA, afterA, "live_sync_moved_bytes_total", Map.of("direction", "push"))).isEqualTo(bytes);
		assertThat(delta(beforeA, afterA, "live_sync_job_duration_seconds_count",
				Map.of("direction", "push", "outcome", "completed")))
			.isEqualTo(1);
		// A histogram, so that quantiles can be computed across servers.
		assertThat(afterA.has("live_sync_job_duration_seconds_bucket")).isTrue();
		// The session's compare, on A.
		assertThat(delta(beforeA, afterA, "live_sync_compare_duration_seconds_count", Map.of())).isPositive();

		// B applied the package, and answered A's peer requests.
		PrometheusScrape afterB = PrometheusScrape.of(b);
		assertThat(delta(beforeB, afterB, "live_sync_apply_duration_seconds_count",
				Map.of("dry_run", "false", "outcome", "applied")))
			.isEqualTo(1);
		assertThat(delta(beforeB, afterB, "live_sync_peer_requests_total", Map.of())).isPositive();
		assertThat(delta(beforeB, afterB, "live_sync_peer_rate_limited_total", Map.of())).isZero();
		assertThat(delta(beforeB, afterB, "live_sync_jobs_started_total", Map.of())).isZero();
	}

	@Test
	void aDryRunIsCountedButMovesNothing() {
		create(a, Fixtures.node("metrics-dry-01", "10.71.1.1", null));
		Map<String, String> dryPush = Map.of("direction", "push", "dry_run", "true");
		PrometheusScrape before = PrometheusScrape.of(a);
		JsonNode session = SyncJobs.session(a, b.baseUrl());
		SyncJobs.completeJob(a, Map.of("session_id", session.get("session_id").asString(), "selection",
				Map.of("nodes", List.of("metrics-dry-01")), "direction", "push", "dry_run", true));
		PrometheusScrape after = scrapeOnceCounted(a, "live_sync_jobs_completed_total", dryPush,
				before.value("live_sync_jobs_completed_total", dryPush) + 1);
		assertThat(delta(before, after, "live_sync_jobs_started_total", dryPush)).isEqualTo(1);
		assertThat(delta(before, after, "live_sync_items_moved_total", Map.of())).isZero();
		assertThat(delta(before, after, "live_sync_moved_bytes_total", Map.of())).isZero();
	}

	@Test
	void aFailedJobIsCountedWithItsProblemCode() {
		PrometheusScrape before = PrometheusScrape.of(a);
		JsonNode session = SyncJobs.session(a, b.baseUrl());
		List<ServerSentEvent<JsonNode>> events = SyncJobs.run(a,
				Map.of("session_id", session.get("session_id").asString(), "selection",
						Map.of("nodes", List.of("on-neither-server")), "direction", "push"));
		assertThat(events.get(events.size() - 1).event()).isEqualTo("failed");
		Map<String, String> notFound = Map.of("direction", "push", "dry_run", "false", "code", "not-found");
		PrometheusScrape after = scrapeOnceCounted(a, "live_sync_jobs_failed_total", notFound,
				before.value("live_sync_jobs_failed_total", notFound) + 1);
		assertThat(delta(before, after, "live_sync_job_duration_seconds_count",
				Map.of("direction", "push", "outcome", "failed")))
			.isEqualTo(1);
		assertThat(delta(before, after, "live_sync_jobs_completed_total", Map.of())).isZero();
	}

	@Test
	void aRefusedLoginIsCounted() {
		PrometheusScrape before = PrometheusScrape.of(a);
		a.anonymous()
			.post()
			.uri("/api/v1/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "admin", "password", "not-the-password"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		PrometheusScrape after = PrometheusScrape.of(a);
		assertThat(delta(before, after, "live_sync_login_failures_total", Map.of("reason", "bad_credentials")))
			.isEqualTo(1);
		// Whatever was tried, the scrape never shows it.
		assertThat(after.text()).doesNotContain("not-the-password", TestServer.ADMIN_PASSWORD, Peers.SYNC_PASSWORD);
	}

	/**
	 * A scrape once {@code name} reached {@code expected}: a job's metrics are recorded
	 * just after its end event went out.
	 */
	private static PrometheusScrape scrapeOnceCounted(TestServer server, String name, Map<String, String> labels,
			double expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		PrometheusScrape scrape = PrometheusScrape.of(server);
		while (scrape.value(name, labels) < expected && System.nanoTime() < deadline) {
			sleep();
			scrape = PrometheusScrape.of(server);
		}
		assertThat(scrape.value(name, labels)).as(name + " " + labels).isEqualTo(expected);
		return scrape;
	}

	private static double delta(PrometheusScrape before, PrometheusScrape after, String name,
			Map<String, String> labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

	private static JsonNode job(String id) {
		return a.operator()
			.get()
			.uri("/api/v1/sync/jobs/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
