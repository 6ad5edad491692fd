package org.orchestrator.livesync.sync.internal.job;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.JobStreams;
import org.orchestrator.livesync.support.Nodes;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of one server on one database: a job started through one streams its
 * events, live, through the other, which reads them from the database while it runs.
 */
class ReplicaJobEventsIntegrationTests {

	private static final int NODES = 20_000;

	@RegisterExtension
	static TestServer first = Peers.server("replicated");

	@RegisterExtension
	static TestServer remote = Peers.server("remote");

	static TestServer second;

	@BeforeAll
	static void replicas() {
		second = first.replica().start();
		Nodes.importFixtures(first, IntStream.range(0, NODES).mapToObj((i) -> String.format("replica-%05d", i)));
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
	}

	@Test
	void aSessionOpenedOnOneReplicaStartsItsJobOnTheOtherAndEndsOnEither() {
		JsonNode session = SyncJobs.session(first, remote.baseUrl());
		String id = session.get("session_id").asString();
		JsonNode seen = second.getJson("/api/v1/sync/sessions/" + id);
		assertThat(seen.at("/comparison/summary")).isEqualTo(session.at("/comparison/summary"));
		assertThat(seen.at("/remote/server_id")).isEqualTo(session.at("/remote/server_id"));

		String job = SyncJobs.start(second,
				Map.of("session_id", id, "selection", Map.of("nodes", List.of("replica-00001", "replica-00002"))));
		List<ServerSentEvent<JsonNode>> events = JobStreams.events(first, job);
		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).as("%s", end.data()).isEqualTo("completed");
		assertThat(end.data().get("verified").asBoolean()).isTrue();
		remote.operator().get().uri("/api/v1/nodes/replica-00002").exchange().expectStatus().isOk();

		second.operator().delete().uri("/api/v1/sync/sessions/" + id).exchange().expectStatus().isNoContent();
		first.operator().get().uri("/api/v1/sync/sessions/" + id).exchange().expectStatus().isNotFound();
		assertThat(first.bean(org.springframework.r2dbc.core.DatabaseClient.class)
			.sql("SELECT count(*) FROM sync_sessions WHERE password_secret LIKE '%" + Peers.SYNC_PASSWORD + "%'")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block()).isZero();
	}

	@Test
	void aJobRunningOnOneReplicaStreamsLiveThroughTheOther() {
		JsonNode session = SyncJobs.session(first, remote.baseUrl());
		String job = SyncJobs.start(first,
				Map.of("session_id", session.get("session_id").asString(), "selection", "all"));

		List<ServerSentEvent<JsonNode>> events = JobStreams.events(second, job);

		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).isEqualTo("completed");
		assertThat(end.id()).isEqualTo("end");
		assertThat(end.data().at("/applied/nodes").asLong()).isEqualTo(NODES);
		assertThat(events).filteredOn((event) -> "phase".equals(event.event()))
			.extracting((event) -> event.data().get("phase").asString())
			.startsWith("connecting")
			.contains("transferring", "applying", "verifying")
			.doesNotHaveDuplicates();
		// Read while it ran: the progress changed between reads, not one saved snapshot.
		assertThat(events).filteredOn((event) -> "progress".equals(event.event())).hasSizeGreaterThan(1);
		JsonNode view = second.getJson("/api/v1/sync/jobs/" + job);
		assertThat(view.get("status").asString()).isEqualTo("completed");
	}

}
