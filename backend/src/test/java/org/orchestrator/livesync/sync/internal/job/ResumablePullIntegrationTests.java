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
import org.orchestrator.livesync.sync.internal.transfer.PullSpools;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pull job whose connection is cut in the middle of the download, by a proxy between
 * the two servers: the job reconnects, asks the remote for the rest from the byte it
 * kept, and applies the package once, in one transaction, having applied nothing before;
 * the remote forgets the package once it is confirmed.
 */
class ResumablePullIntegrationTests {

	/** About 750 KB of ciphertext: three chunks. */
	private static final int NODES = 12000;

	/**
	 * Past the second chunk, before the end of the package: the first chunk is kept for
	 * sure, the second most likely.
	 */
	private static final long CUT_AFTER_BYTES = 560_000;

	private static final long CHUNK_BYTES = 256 * 1024;

	@RegisterExtension
	static TestServer puller = Peers.server("puller")
		.with("TRANSFER_CHUNK_SIZE", "256KB")
		.with("TRANSFER_RETRY_BACKOFF", "200ms");

	@RegisterExtension
	static TestServer remote = Peers.server("remote");

	static CuttingProxy proxy;

	@BeforeAll
	static void inventory() {
		proxy = new CuttingProxy(remote.port());
		Nodes.importFixtures(remote, IntStream.range(0, NODES).mapToObj((i) -> String.format("pulled-%05d", i)));
	}

	@AfterAll
	static void closeProxy() throws Exception {
		proxy.close();
	}

	@Test
	void aPullCutOffMidTransferResumesFromWhatThisServerKeptAndIsAppliedOnce() {
		AtomicLong nodesAtCut = new AtomicLong(-1);
		JsonNode session = SyncJobs.session(puller, proxy.baseUrl());
		proxy.cutResponseOnceAfter("POST /api/v1/sync/transfer/stream ", CUT_AFTER_BYTES, () -> {
			// The cut waits until the puller has kept the two whole chunks it got: then
			// where the job resumes is known, and so is what it applied by then.
			awaitKeptChunks(2);
			nodesAtCut.set(puller.rows("nodes"));
		});

		List<ServerSentEvent<JsonNode>> events = SyncJobs.run(puller, Map.of("session_id",
				session.get("session_id").asString(), "selection", Map.of("nodes", "all"), "direction", "pull"));
		JsonNode completed = events.get(events.size() - 1).data();

		assertThat(events.get(events.size() - 1).event()).as("%s", completed).isEqualTo("completed");
		assertThat(proxy.hasCut()).as("the package is larger than the cut").isTrue();
		assertThat(nodesAtCut.get()).as("nothing is applied before the commit").isZero();
		assertThat(proxy.resumeOffsets()).as("asked as resumable, then resumed after what the puller kept")
			.containsExactly(0L, 2 * CHUNK_BYTES);
		assertThat(completed.get("verified").asBoolean()).as("%s", completed).isTrue();
		assertThat(completed.get("mismatches")).isEmpty();
		assertThat(completed.at("/pulled/applied/nodes").asLong()).as("%s", completed).isEqualTo(NODES);
		assertThat(puller.rows("nodes")).isEqualTo(NODES);
		assertThat(puller.rows("sync_received_packages")).as("applied once").isEqualTo(1);
		assertThat(puller.rows("sync_staged_chunks")).as("a committed package leaves no chunks").isZero();
		assertThat(puller.rows("sync_staged_uploads")).isZero();
		assertThat(remote.bean(PullSpools.class).size()).as("the remote forgets a confirmed package").isZero();
	}

	private static void awaitKeptChunks(long chunks) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (puller.rows("sync_staged_chunks") < chunks && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

}
