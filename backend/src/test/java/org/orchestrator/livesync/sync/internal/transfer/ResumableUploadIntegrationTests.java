package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Nodes;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.RawHttp;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.sync.internal.protocol.PeerApi;

import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resumable uploads at the target, sent by hand: a tampered chunk is refused and what
 * came before it is kept; the rest, sent from where the target says, completes the
 * package, which is applied once; a wrong offset or an unknown package is a problem; an
 * upload nobody resumes is cleaned up.
 */
class ResumableUploadIntegrationTests {

	/** About 620 KB of ciphertext: three chunks. */
	private static final int NODES = 10000;

	private static final int CHUNK = 256 * 1024;

	@RegisterExtension
	static TestServer source = Peers.server("source");

	@RegisterExtension
	static TestServer target = Peers.server("target").with("TRANSFER_CHUNK_SIZE", "256KB");

	@BeforeAll
	static void inventory() {
		Nodes.importFixtures(source, IntStream.range(0, NODES).mapToObj((i) -> key(i)));
	}

	@Test
	void aTamperedChunkIsRefusedWhatCameBeforeIsKeptAndTheRestCompletesThePackageOnce() throws IOException {
		Package built = build();
		assertThat(built.ciphertext().length).isGreaterThan(2 * CHUNK + 1);
		byte[] tampered = built.ciphertext().clone();
		tampered[CHUNK + 1000] ^= 0x01;
		RawHttp.Response refused;
		try (RawHttp.Upload upload = open(built, 0)) {
			// The second chunk is handed on once a byte after it arrives.
			upload.send(tampered, 0, 2 * CHUNK + 1);
			refused = upload.response();
		}
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("\"code\":\"package-rejected\"").contains("does not decrypt");
		assertThat(status(built).get("received_bytes").asLong()).as("the first chunk is kept").isEqualTo(CHUNK);
		assertThat(nodes()).as("nothing is applied before the commit").isZero();

		RawHttp.Response wrongOffset = send(built, 0, built.ciphertext());
		assertThat(wrongOffset.status()).as(wrongOffset.body()).isEqualTo(409);
		assertThat(wrongOffset.body()).contains("resume from " + CHUNK);

		RawHttp.Response completed = send(built, CHUNK,
				java.util.Arrays.copyOfRange(built.ciphertext(), CHUNK, built.ciphertext().length));
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		assertThat(completed.body()).contains("\"success\":true").contains("\"replayed\":false");
		assertThat(nodes()).isEqualTo(NODES);
		assertThat(rows("sync_staged_chunks")).as("a committed package leaves no chunks").isZero();
		assertThat(status(built).get("applied").asBoolean()).isTrue();

		RawHttp.Response again = send(built, 0, built.ciphertext());
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.body()).as("applied once: sent again, it answers what it did").contains("\"replayed\":true");
		assertThat(rows("sync_received_packages WHERE package_id = '" + built.header().packageId() + "'")).isEqualTo(1);
		assertThat(rows("sync_staged_uploads")).isZero();
	}

	@Test
	void anUnknownPackageAWrongOffsetAndAResumableDryRunAreProblems() {
		Package built = build();
		Peers.Session session = Peers.connect(target, Peers.serverId(source));
		session.client()
			.get()
			.uri(PeerApi.RECEIVE_STREAM_STATUS, built.header().packageId())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("not-found");
		session.client()
			.get()
			.uri(PeerApi.RECEIVE_STREAM_STATUS, "not-a-uuid")
			.exchange()
			.expectStatus()
			.isBadRequest();

		RawHttp.Response ahead = send(built, CHUNK, new byte[10]);
		assertThat(ahead.status()).as(ahead.body()).isEqualTo(409);
		assertThat(ahead.body()).contains("\"code\":\"conflict\"").contains("resume from 0");

		Map<String, String> headers = headers(built, 0);
		RawHttp.Response dryRun = RawHttp.send(target.port(), "POST", PeerApi.RECEIVE_STREAM + "?dry_run=true", headers,
				"x");
		assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(400);
	}

	@Test
	void anUploadNobodyResumesIsCleanedUp() throws Exception {
		Package built = build();
		try (RawHttp.Upload upload = open(built, 0)) {
			upload.send(built.ciphertext(), 0, CHUNK + 1);
			awaitKept(built, CHUNK);
		}
		Thread.sleep(1500);
		long forgotten = target.bean(StagedUploads.class).forgetAbandoned(Duration.ofSeconds(1)).block();
		assertThat(forgotten).isEqualTo(1);
		assertThat(rows("sync_staged_chunks")).isZero();
		Peers.connect(target, Peers.serverId(source))
			.client()
			.get()
			.uri(PeerApi.RECEIVE_STREAM_STATUS, built.header().packageId())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private static RawHttp.Response send(Package built, long from, byte[] body) {
		try (RawHttp.Upload upload = open(built, from)) {
			return upload.send(body, 0, body.length).finish();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static RawHttp.Upload open(Package built, long from) {
		return RawHttp.upload(target.port(), "POST", PeerApi.RECEIVE_STREAM, headers(built, from));
	}

	private static Map<String, String> headers(Package built, long from) {
		Peers.Session session = Peers.connect(target, Peers.serverId(source));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Authorization", "Bearer " + session.token());
		headers.put(PeerApi.SESSION_HEADER, session.sessionId());
		headers.put(PeerApi.PACKAGE_HEADER, PackageStreamer.encodeHeader(built.header()));
		headers.put(PeerApi.RESUME_FROM_HEADER, String.valueOf(from));
		headers.put("Content-Type", "application/octet-stream");
		return headers;
	}

	private static JsonNode status(Package built) {
		return Peers.connect(target, Peers.serverId(source))
			.client()
			.get()
			.uri(PeerApi.RECEIVE_STREAM_STATUS, built.header().packageId())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static void awaitKept(Package built, long bytes) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (rows("sync_staged_uploads WHERE package_id = '" + built.header().packageId() + "' AND received_bytes >= "
				+ bytes) == 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
	}

	/** The source's nodes as one encrypted streamed package, as a push job sends it. */
	private static Package build() {
		PackageStreamer streamer = source.bean(PackageStreamer.class);
		SyncPackage header = streamer.header(true, Peers.SYNC_PASSWORD);
		List<String> keys = IntStream.range(0, NODES).mapToObj(ResumableUploadIntegrationTests::key).toList();
		Flux<PackageLine> lines = source.bean(InventoryReader.class)
			.packageView(ItemKind.NODE, keys)
			.map((item) -> new PackageLine(item.kind().type(), PackageLine.UPSERT, item.key(), item.contentHash(),
					item.content()));
		ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
		streamer.stream(header, lines, Peers.SYNC_PASSWORD).doOnNext(ciphertext::writeBytes).blockLast();
		return new Package(header, ciphertext.toByteArray());
	}

	private static String key(int i) {
		return String.format("kept-%05d", i);
	}

	private static long nodes() {
		return rows("nodes");
	}

	private static long rows(String from) {
		return target.bean(DatabaseClient.class)
			.sql("SELECT count(*) FROM " + from)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private record Package(SyncPackage header, byte[] ciphertext) {
	}

}
