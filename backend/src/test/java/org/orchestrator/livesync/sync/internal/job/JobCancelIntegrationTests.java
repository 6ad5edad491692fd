package org.orchestrator.livesync.sync.internal.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.CuttingProxy;
import org.orchestrator.livesync.support.JobStreams;
import org.orchestrator.livesync.support.Nodes;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * Every job ends: a push whose upload a proxy holds still in the middle is cancelled by
 * the operator (through this server, or through a replica on its database), or stopped by
 * the watchdog once it has made no progress for JOB_STALL_TIMEOUT. Each time the job ends
 * failed with a typed problem, the target holds nothing of it, and the next sync
 * completes.
 */
class JobCancelIntegrationTests {

	private static final int NODES = 12000;

	@RegisterExtension
	static TestServer target = Peers.server("target").with("TRANSFER_CHUNK_SIZE", "256KB");

	@RegisterExtension
	static TestServer source = Peers.server("source").with("JOB_STALL_TIMEOUT", "8s").with("TRANSFER_RETRIES", "0");

	static TestServer replica;

	static CuttingProxy proxy;

	/** Lets a held upload go (then the proxy cuts it). */
	private final CountDownLatch release = new CountDownLatch(1);

	@BeforeAll
	static void inventory() {
		proxy = new CuttingProxy(target.port());
		replica = source.replica().start();
	}

	@AfterEach
	void letGo() {
		this.release.countDown();
	}

	@AfterAll
	static void close() throws Exception {
		proxy.close();
		replica.close();
	}

	@Test
	void anOperatorCancelsAJobInTheMiddleOfItsUpload() {
		String job = startHeld("op-cancel");
		JsonNode cancelled = cancel(source, job, 200);
		assertThat(cancelled.get("status").asString()).isEqualTo("failed");
		assertThat(cancelled.at("/problem/code").asString()).isEqualTo("job-cancelled");
		assertThat(cancelled.at("/problem/detail").asString()).contains("cancelled by admin");
		endsFailedAndTheTargetHoldsNothing(job, "job-cancelled", "op-cancel");
		problem(source.operator().delete().uri("/api/v1/sync/jobs/" + job).exchange(), 409, "conflict");
		problem(source.operator().delete().uri("/api/v1/sync/jobs/7b0c8a52-4c9e-4d55-9a55-8e0f4f4a0c11").exchange(),
				404, "not-found");
		source.anonymous().delete().uri("/api/v1/sync/jobs/" + job).exchange().expectStatus().isUnauthorized();
		theNextSyncCompletes("op-cancel");
	}

	@Test
	void aCancelThroughAnotherReplicaStopsTheJobWhereItRuns() {
		String job = startHeld("replica-cancel");
		JsonNode cancelled = cancel(replica, job, 200);
		assertThat(cancelled.at("/problem/code").asString()).isEqualTo("job-cancelled");
		assertThat(cancelled.at("/problem/detail").asString()).contains("through another replica");
		endsFailedAndTheTargetHoldsNothing(job, "job-cancelled", "replica-cancel");
		theNextSyncCompletes("replica-cancel");
	}

	@Test
	void theWatchdogStopsAJobThatMakesNoProgress() {
		String job = startHeld("stalled");
		List<ServerSentEvent<JsonNode>> events = JobStreams.events(source, job);
		JsonNode end = events.get(events.size() - 1).data();
		assertThat(end.at("/problem/code").asString()).as("%s", end).isEqualTo("job-stalled");
		assertThat(end.at("/problem/detail").asString()).contains("no progress", "JOB_STALL_TIMEOUT");
		endsFailedAndTheTargetHoldsNothing(job, "job-stalled", "stalled");
		theNextSyncCompletes("stalled");
	}

	/**
	 * Adds nodes named {@code prefix-NNNNN} and starts a push of everything (what earlier
	 * tests moved is identical already), whose upload the proxy holds still after 300 KB.
	 */
	private String startHeld(String prefix) {
		Nodes.importFixtures(source, IntStream.range(0, NODES).mapToObj((i) -> String.format(prefix + "-%05d", i)));
		CountDownLatch held = new CountDownLatch(1);
		proxy.cutRequestOnceAfter("POST /api/v1/sync/receive/stream?", 300_000, () -> {
			held.countDown();
			await(this.release, 20);
		});
		String job = SyncJobs.start(source, Map.of("session_id",
				SyncJobs.session(source, proxy.baseUrl()).get("session_id").asString(), "selection", "all"));
		await(held, 30);
		return job;
	}

	private static JsonNode cancel(TestServer server, String job, int status) {
		WebTestClient.ResponseSpec answer = server.operator().delete().uri("/api/v1/sync/jobs/" + job).exchange();
		return answer.expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	private static void endsFailedAndTheTargetHoldsNothing(String job, String code, String prefix) {
		List<ServerSentEvent<JsonNode>> events = JobStreams.events(source, job);
		ServerSentEvent<JsonNode> end = events.get(events.size() - 1);
		assertThat(end.event()).isEqualTo("failed");
		assertThat(end.data().at("/problem/code").asString()).isEqualTo(code);
		assertThat(source.getJson("/api/v1/sync/jobs/" + job).get("status").asString()).isEqualTo("failed");
		assertThat(nodes(prefix)).as("nothing of the stopped job is applied").isZero();
	}

	private void theNextSyncCompletes(String prefix) {
		this.release.countDown();
		List<ServerSentEvent<JsonNode>> events = SyncJobs.complete(source, Map.of("session_id",
				SyncJobs.session(source, target.baseUrl()).get("session_id").asString(), "selection", "all"));
		assertThat(events.get(events.size() - 1).data().get("verified").asBoolean()).isTrue();
		assertThat(nodes(prefix)).isEqualTo(NODES);
	}

	private static long nodes(String prefix) {
		return target.bean(DatabaseClient.class)
			.sql("SELECT count(*) FROM nodes WHERE hostname LIKE $1")
			.bind(0, prefix + "-%")
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private static void await(CountDownLatch latch, int seconds) {
		try {
			latch.await(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
