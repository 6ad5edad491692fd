package org.orchestrator.livesync.sync.internal.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.JobStreams;
import org.orchestrator.livesync.support.Nodes;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;

/**
 * Jobs outlive their server's process: a finished job is listed and replayed after a
 * restart, and a job whose server stopped while it ran is shown as failed, interrupted.
 */
class DurableJobIntegrationTests {

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b");

	@Test
	void aFinishedJobIsListedAndReplayedAfterARestart() {
		create(a, Fixtures.node("durable-01", "10.64.0.1", null));
		String job = SyncJobs.completeJob(a, Map.of("session_id", session(), "selection",
				Map.of("nodes", List.of("durable-01")), "direction", "push"));

		assertResumesAfterItsLastEvent(job);
		a.stop();
		a.start();
		assertResumesAfterItsLastEvent(job);

		JsonNode view = get("/api/v1/sync/jobs/" + job);
		assertThat(view.get("status").asString()).isEqualTo("completed");
		assertThat(view.at("/result/applied/nodes").asLong()).isEqualTo(1);
		assertThat(view.get("started_by").asString()).isEqualTo("admin");
		assertThat(view.at("/remote/url").asString()).isEqualTo(b.baseUrl());
		List<ServerSentEvent<JsonNode>> replay = JobStreams.events(a, job);
		assertThat(replay).extracting(ServerSentEvent::event).contains("phase", "progress").endsWith("completed");

		a.operator()
			.get()
			.uri("/api/v1/sync/jobs?status=completed&direction=push&size=5")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("X-Total-Count", (total) -> assertThat(Long.parseLong(total)).isPositive())
			.expectBody()
			.jsonPath("$[?(@.job_id == '" + job + "')].status")
			.isEqualTo("completed");
		a.operator().get().uri("/api/v1/sync/jobs?status=lost").exchange().expectStatus().isBadRequest();
		a.operator().get().uri("/api/v1/sync/jobs?direction=sideways").exchange().expectStatus().isBadRequest();
		a.operator().get().uri("/api/v1/sync/jobs?size=0").exchange().expectStatus().isBadRequest();
	}

	@Test
	void aJobWhoseServerStoppedWhileItRanIsFailedInterruptedAfterTheRestart() throws InterruptedException {
		Nodes.importFixtures(a, IntStream.range(0, 30_000).mapToObj((i) -> String.format("stopped-%05d", i)));
		String job = SyncJobs.start(a,
				Map.of("session_id", session(), "selection", Map.of("nodes", "all"), "direction", "push"));
		awaitPhaseBeyondComparing(job);
		a.stop();
		a.start();

		JsonNode view = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			view = get("/api/v1/sync/jobs/" + job);
			if (!"running".equals(view.get("status").asString())) {
				break;
			}
			Thread.sleep(500);
		}
		assertThat(view.get("status").asString()).as("%s", view).isEqualTo("failed");
		assertThat(view.at("/problem/code").asString()).isEqualTo("job-interrupted");
		assertThat(view.get("finished_at").isNull()).isFalse();
		assertThat(JobStreams.events(a, job)).extracting(ServerSentEvent::event).endsWith("failed");
	}

	/**
	 * Every event has an id; a client reconnecting after one gets what came after it (and
	 * the progress again), and after the end it is told to stop (204).
	 */
	private static void assertResumesAfterItsLastEvent(String job) {
		List<ServerSentEvent<JsonNode>> all = JobStreams.events(a, job);
		assertThat(all).allSatisfy((event) -> assertThat(event.id()).isNotBlank());
		assertThat(all.get(all.size() - 1).id()).isEqualTo("end");
		List<ServerSentEvent<JsonNode>> phases = all.stream().filter((event) -> "phase".equals(event.event())).toList();
		assertThat(phases).hasSizeGreaterThan(2);
		List<ServerSentEvent<JsonNode>> resumed = JobStreams.events(a, job, phases.get(1).id());
		assertThat(resumed).extracting((event) -> event.data().get("phase"))
			.filteredOn((phase) -> phase != null)
			.extracting(JsonNode::asString)
			.containsExactlyElementsOf(
					phases.stream().skip(2).map((event) -> event.data().get("phase").asString()).toList());
		assertThat(resumed).extracting(ServerSentEvent::event).contains("progress").endsWith("completed");
		a.operator()
			.get()
			.uri("/api/v1/sync/jobs/" + job + "/events")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.header("Last-Event-ID", "end")
			.exchange()
			.expectStatus()
			.isNoContent();
	}

	private static void awaitPhaseBeyondComparing(String job) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode phase = get("/api/v1/sync/jobs/" + job).get("phase");
			if (phase != null && List.of("packaging", "transferring", "applying").contains(phase.asString())) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("job " + job + " did not get to packaging");
	}

	private static JsonNode get(String path) {
		return a.operator().get().uri(path).exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	private static String session() {
		return SyncJobs.session(a, b.baseUrl()).get("session_id").asString();
	}

}
