package org.orchestrator.livesync.sync.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.JobStreams;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.RoundRobinProxy;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;

/**
 * Server A as three replicas on one database behind a balancer that sends every request
 * to the next replica, and server B as two: an operator's session, its job and the job's
 * events each go through another replica of A, while A's peer calls in one peer session
 * go through both replicas of B; a broadcast started on one replica is followed through
 * another; and a schedule due once runs once, with three replicas looking for due
 * schedules four times a second.
 */
class ReplicasBehindProxyIntegrationTests {

	@RegisterExtension
	static TestServer a1 = Peers.server("site-a")
		.with("TRUSTED_PROXIES", "127.0.0.1")
		.with("SCHEDULE_POLL_INTERVAL", "250ms");

	@RegisterExtension
	static TestServer b1 = Peers.server("site-b").with("TRUSTED_PROXIES", "127.0.0.1");

	static final List<TestServer> replicas = new ArrayList<>();

	static RoundRobinProxy proxyA;

	static RoundRobinProxy proxyB;

	/** Server A as its operators reach it: through the balancer. */
	static TestServer a;

	/** Server B as its peers and operators reach it. */
	static TestServer b;

	@BeforeAll
	static void replicasBehindProxies() {
		TestServer a2 = a1.replica().start();
		replicas.add(a2);
		TestServer a3 = a1.replica().start();
		replicas.add(a3);
		TestServer b2 = b1.replica().start();
		replicas.add(b2);
		proxyA = new RoundRobinProxy(List.of(a1.baseUrl(), a2.baseUrl(), a3.baseUrl()));
		proxyB = new RoundRobinProxy(List.of(b1.baseUrl(), b2.baseUrl()));
		a = a1.reachedThrough(proxyA.baseUrl());
		b = b1.reachedThrough(proxyB.baseUrl());
		a.operator()
			.post()
			.uri("/api/v1/sync/peers")
			.bodyValue(Map.of("name", "site-b", "url", proxyB.baseUrl()))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@AfterAll
	static void stop() {
		for (AutoCloseable closeable : List.<AutoCloseable>of(proxyA, proxyB)) {
			try {
				closeable.close();
			}
			catch (Exception ignored) {
				// The servers go anyway.
			}
		}
		replicas.forEach(TestServer::close);
	}

	@Test
	void sessionJobAndEventsEachThroughAnotherReplicaInOnePeerSessionAcrossTheRemotesReplicas() {
		create(a, Fixtures.node("balanced-01"));
		int peerCallsBefore = proxyB.routed().size();

		JsonNode session = SyncJobs.session(a, Map.of("peer", "site-b"));
		int sessionOn = proxyA.lastServerOf("POST", "/api/v1/sync/sessions");
		String job = SyncJobs.start(a, Map.of("session_id", session.get("session_id").asString(), "selection",
				Map.of("nodes", List.of("balanced-01"))));
		int jobOn = proxyA.lastServerOf("POST", "/api/v1/sync/jobs");
		List<ServerSentEvent<JsonNode>> events = JobStreams.events(a, job);
		int eventsOn = proxyA.lastServerOf("GET", "/api/v1/sync/jobs/" + job + "/events");
		assertThat(Set.of(sessionOn, jobOn, eventsOn)).as("three replicas of A").hasSize(3);

		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).as("%s", end.data()).isEqualTo("completed");
		assertThat(end.data().get("verified").asBoolean()).isTrue();
		b.operator().get().uri("/api/v1/nodes/balanced-01").exchange().expectStatus().isOk();

		List<RoundRobinProxy.Routed> peerCalls = proxyB.routed().subList(peerCallsBefore, proxyB.routed().size());
		Map<String, Set<Integer>> serversPerPeerToken = peerCalls.stream()
			.filter((call) -> call.credential() != null)
			.collect(Collectors.groupingBy(RoundRobinProxy.Routed::credential,
					Collectors.mapping(RoundRobinProxy.Routed::server, Collectors.toSet())));
		assertThat(serversPerPeerToken.values())
			.as("a peer session opened on one replica of B, used on the other: %s", peerCalls)
			.anyMatch((servers) -> servers.size() == 2);
	}

	@Test
	void aBroadcastStartedOnOneReplicaIsFollowedLiveThroughAnother() {
		create(a, Fixtures.node("broadcast-01"));
		a.operator()
			.post()
			.uri("/api/v1/sync/peers")
			// Nothing listens there.
			.bodyValue(Map.of("name", "down", "url", "http://127.0.0.1:" + Peers.freePort()))
			.exchange()
			.expectStatus()
			.isCreated();
		JsonNode started = a.operator()
			.post()
			.uri("/api/v1/sync/broadcasts")
			.bodyValue(
					Map.of("peers", List.of("site-b", "down"), "selection", Map.of("nodes", List.of("broadcast-01"))))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		int startedOn = proxyA.lastServerOf("POST", "/api/v1/sync/broadcasts");
		List<ServerSentEvent<JsonNode>> events = JobStreams.stream(a, started.get("events_url").asString(), null);
		assertThat(proxyA.lastServerOf("GET", started.get("events_url").asString())).isNotEqualTo(startedOn);

		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).as("%s", events).isEqualTo("finished");
		assertThat(end.data().get("completed").asLong()).isEqualTo(1);
		assertThat(end.data().get("failed").asLong()).isEqualTo(1);
		assertThat(events).filteredOn((event) -> "peer".equals(event.event()))
			.extracting((event) -> event.data().at("/peer/peer").asString() + ":"
					+ event.data().at("/peer/status").asString())
			.contains("down:failed", "site-b:completed");
		b.operator().get().uri("/api/v1/nodes/broadcast-01").exchange().expectStatus().isOk();
	}

	@Test
	void aScheduleDueOnceRunsOnce() {
		create(a, Fixtures.node("scheduled-once-01"));
		ZonedDateTime due = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
		// Due at one second of the year: once in this test.
		String cron = String.format("%d %d %d %d %d *", due.getSecond(), due.getMinute(), due.getHour(),
				due.getDayOfMonth(), due.getMonthValue());
		a.operator()
			.post()
			.uri("/api/v1/sync/schedules")
			.bodyValue(Map.of("name", "once", "cron", cron, "peers", List.of("site-b"), "selection", "all", "direction",
					"push", "apply", "always"))
			.exchange()
			.expectStatus()
			.isCreated();

		Instant settled = due.toInstant().plusSeconds(4);
		while (Instant.now().isBefore(settled)) {
			sleep(Duration.ofMillis(250));
		}
		List<JsonNode> runs = jobsOf("once");
		assertThat(runs).as("one job for the one due time, by one replica").hasSize(1);
		JobStreams.events(a, runs.get(0).get("job_id").asString());
		b.operator().get().uri("/api/v1/nodes/scheduled-once-01").exchange().expectStatus().isOk();
		JsonNode schedule = a.getJson("/api/v1/sync/schedules/once");
		assertThat(schedule.get("last_job_ids")).hasSize(1);
		assertThat(schedule.get("missed_runs").asInt()).isZero();
	}

	private static List<JsonNode> jobsOf(String schedule) {
		List<JsonNode> found = new ArrayList<>();
		a.getJson("/api/v1/sync/jobs?size=500").forEach((job) -> {
			if (("schedule:" + schedule).equals(job.path("started_by").asString())) {
				found.add(job);
			}
		});
		return found;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
