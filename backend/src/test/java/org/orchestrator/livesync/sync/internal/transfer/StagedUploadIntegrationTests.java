package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Nodes;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.RawHttp;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.sync.internal.protocol.PeerApi;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed package whose sender pauses: the target stages what arrives and takes no
 * lock until the whole package is there, so an operator's edit to an item in the package
 * goes through during the pause; a sender that stays silent past the idle timeout is cut
 * off, and nothing of its package stays behind.
 */
class StagedUploadIntegrationTests {

	private static final int NODES = 5000;

	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(4);

	@RegisterExtension
	static TestServer source = new TestServer().with("SYNC_PASSWORD", Peers.SYNC_PASSWORD)
		.with("SERVER_NAME", "source");

	@RegisterExtension
	static TestServer target = new TestServer().with("SYNC_PASSWORD", Peers.SYNC_PASSWORD)
		.with("SERVER_NAME", "target")
		.with("REQUEST_BODY_IDLE_TIMEOUT", IDLE_TIMEOUT.toSeconds() + "s");

	@BeforeAll
	static void inventories() {
		Nodes.importFixtures(source, IntStream.range(0, NODES).mapToObj((i) -> String.format("node-%05d", i)));
		target.operator()
			.post()
			.uri("/api/v1/nodes")
			.bodyValue(Fixtures.node("node-00000", "10.9.9.9", null))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void aPausedUploadHoldsNoLock() {
		Package built = build();
		try (RawHttp.Upload upload = open(built)) {
			int cut = built.ciphertext().length * 3 / 4;
			upload.send(built.ciphertext(), 0, cut);
			awaitStaged(cut);
			// The first item of the package, edited while its upload is paused.
			long started = System.nanoTime();
			target.operator()
				.mutate()
				.responseTimeout(Duration.ofSeconds(3))
				.build()
				.put()
				.uri("/api/v1/nodes/node-00000")
				.bodyValue(Fixtures.node("node-00000", "10.8.8.8", null))
				.exchange()
				.expectStatus()
				.isOk();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(IDLE_TIMEOUT);
			assertThat(nodeCount()).as("nothing of the package is visible before it is complete").isEqualTo(1);

			RawHttp.Response response = upload.send(built.ciphertext(), cut, built.ciphertext().length).finish();
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(response.body()).contains("\"success\":true");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		assertThat(nodeCount()).isEqualTo(NODES);
		assertThat(stagedChunks()).as("the staged upload is gone once applied").isZero();
	}

	@Test
	void aSenderSilentPastTheIdleTimeoutIsCutOffAndLeavesNothing() throws Exception {
		Package built = build();
		long before = nodeCount();
		try (RawHttp.Upload upload = open(built)) {
			upload.send(built.ciphertext(), 0, built.ciphertext().length / 2);
			RawHttp.Response response = upload.response();
			assertThat(response.status()).isEqualTo(408);
			assertThat(response.body()).contains("\"code\":\"body-stalled\"");
		}
		assertThat(stagedChunks()).isZero();
		assertThat(nodeCount()).isEqualTo(before);
	}

	private static RawHttp.Upload open(Package built) {
		Peers.Session session = Peers.connect(target, Peers.serverId(source));
		return RawHttp.upload(target.port(), "POST", "/api/v1/sync/receive/stream",
				Map.of("Authorization", "Bearer " + session.token(), PeerApi.SESSION_HEADER, session.sessionId(),
						PeerApi.PACKAGE_HEADER, PackageStreamer.encodeHeader(built.header()), "Content-Type",
						"application/octet-stream"));
	}

	/** The source's nodes as one encrypted streamed package, as a push job sends it. */
	private static Package build() {
		PackageStreamer streamer = source.bean(PackageStreamer.class);
		SyncPackage header = streamer.header(true, Peers.SYNC_PASSWORD);
		List<String> keys = IntStream.range(0, NODES).mapToObj((i) -> String.format("node-%05d", i)).toList();
		Flux<PackageLine> lines = source.bean(InventoryReader.class)
			.packageView(ItemKind.NODE, keys)
			.map((item) -> new PackageLine(item.kind().type(), PackageLine.UPSERT, item.key(), item.contentHash(),
					item.content()));
		ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
		streamer.stream(header, lines, Peers.SYNC_PASSWORD).doOnNext(ciphertext::writeBytes).blockLast();
		return new Package(header, ciphertext.toByteArray());
	}

	private static void awaitStaged(int bytes) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		// Chunks are stored whole: all but the last partial one arrive while paused.
		long expected = bytes / (1024 * 1024);
		while (stagedChunks() < expected && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	private static long stagedChunks() {
		return target.rows("sync_staged_chunks");
	}

	private static long nodeCount() {
		return target.rows("nodes");
	}

	private record Package(SyncPackage header, byte[] ciphertext) {
	}

}
