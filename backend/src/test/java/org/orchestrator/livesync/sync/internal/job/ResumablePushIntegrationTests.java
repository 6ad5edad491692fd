package org.orchestrator.livesync.sync.internal.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.CuttingProxy;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Nodes;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A push job whose connection is cut in the middle of the upload, by a proxy between the
 * two servers: the job reconnects, asks the target how much it kept, sends only the rest,
 * and the target applies the package once, in one transaction, having applied nothing
 * before.
 */
class ResumablePushIntegrationTests {

	/** About 750 KB of ciphertext: three chunks. */
	private static final int NODES = 12000;

	/**
	 * Bytes of the upload request: past its headers and the second chunk, before the end
	 * of the package.
	 */
	private static final long CUT_AFTER_BYTES = 560_000;

	private static final long CHUNK_BYTES = 256 * 1024;

	@RegisterExtension
	static TestServer target = Peers.server("target").with("TRANSFER_CHUNK_SIZE", "256KB");

	@RegisterExtension
	static TestServer source = Peers.server("source").with("TRANSFER_RETRY_BACKOFF", "200ms");

	static CuttingProxy proxy;

	@BeforeAll
	static void inventory() {
		proxy = new CuttingProxy(target.port());
		Nodes.importFixtures(source, IntStream.range(0, NODES).mapToObj((i) -> String.format("resume-%05d", i)));
	}

	@AfterAll
	static void closeProxy() throws Exception {
		proxy.close();
	}

	@Test
	void aPushCutOffMidTransferResumesFromWhatTheTargetKeptAndIsAppliedOnce() {
		AtomicLong nodesAtCut = new AtomicLong(-1);
		JsonNode session = session();
		proxy.cutRequestOnceAfter("POST /api/v1/sync/receive/stream?", CUT_AFTER_BYTES, () -> {
			// The cut waits until the target has kept the two whole chunks it got: then
			// where the job resumes is known, and so is what the target applied by then.
			awaitKeptChunks(2);
			nodesAtCut.set(target.rows("nodes"));
		});

		List<ServerSentEvent<JsonNode>> events = job(session);
		JsonNode completed = events.get(events.size() - 1).data();

		assertThat(proxy.hasCut()).as("the package is larger than the cut").isTrue();
		assertThat(nodesAtCut.get()).as("nothing is applied before the commit").isZero();
		assertThat(proxy.resumeOffsets()).as("sent from the start, then resumed after what the target kept")
			.containsExactly(0L, 2 * CHUNK_BYTES);
		assertThat(events.get(events.size() - 1).event()).as("%s", completed).isEqualTo("completed");
		assertThat(completed.get("verified").asBoolean()).as("%s", completed).isTrue();
		assertThat(completed.get("mismatches")).isEmpty();
		assertThat(completed.get("applied").get("nodes").asLong()).isEqualTo(NODES);
		assertThat(target.rows("nodes")).isEqualTo(NODES);
		assertThat(target.rows("sync_received_packages")).as("applied once").isEqualTo(1);
		assertThat(target.rows("sync_staged_chunks")).as("a committed package leaves no chunks").isZero();
		assertThat(target.rows("sync_staged_uploads")).isZero();
	}

	private static void awaitKeptChunks(long chunks) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (target.rows("sync_staged_chunks") < chunks && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	private static JsonNode session() {
		return SyncJobs.session(source, proxy.baseUrl());
	}

	private static List<ServerSentEvent<JsonNode>> job(JsonNode session) {
		return SyncJobs.run(source, Map.of("session_id", session.get("session_id").asString(), "selection",
				Map.of("nodes", "all"), "direction", "push"));
	}

}
