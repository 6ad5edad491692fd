package org.orchestrator.livesync.security.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.RawHttp;
import org.orchestrator.livesync.support.ServerProcess;
import org.orchestrator.livesync.support.TestDatabases;
import org.orchestrator.livesync.system.internal.startup.DatabaseUrl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies far over every JSON endpoint's limit, to a server in its own JVM with a 256 MB
 * heap: each is refused with 413, one at a time and several at once, and the server's
 * resident memory stays within the heap cap plus {@value #MARGIN_MIB} MiB (metaspace,
 * code, thread stacks and Netty's buffers).
 */
class BodyLimitsIntegrationTests {

	private static final long HUGE = 200L * 1024 * 1024;

	private static final long HEAP_MIB = 256;

	private static final long MARGIN_MIB = 200;

	private static final String ADMIN_PASSWORD = "body-limits-admin";

	/** Every endpoint that takes a JSON body, with who may call it. */
	private static final List<String[]> JSON_ENDPOINTS = List.of(new String[] { "POST", "/api/v1/auth/login", "" },
			new String[] { "POST", "/api/v1/sync/connect", "" }, new String[] { "POST", "/api/v1/nodes", "operator" },
			new String[] { "PUT", "/api/v1/nodes/n1", "operator" },
			new String[] { "POST", "/api/v1/clusters", "operator" },
			new String[] { "PUT", "/api/v1/clusters/c1", "operator" },
			new String[] { "POST", "/api/v1/ssh-keys", "operator" },
			new String[] { "PUT", "/api/v1/ssh-keys/k1", "operator" },
			new String[] { "POST", "/api/v1/configurations", "operator" },
			new String[] { "PUT", "/api/v1/configurations/c1", "operator" },
			new String[] { "POST", "/api/v1/inventory/import", "operator" },
			new String[] { "POST", "/api/v1/sync/sessions", "operator" },
			new String[] { "POST", "/api/v1/sync/jobs", "operator" },
			new String[] { "POST", "/api/v1/sync/compare", "peer" },
			new String[] { "POST", "/api/v1/sync/transfer", "peer" },
			new String[] { "POST", "/api/v1/sync/receive", "peer" },
			new String[] { "POST", "/api/v1/sync/confirm", "peer" },
			new String[] { "POST", "/api/v1/sync/hashes", "peer" },
			new String[] { "POST", "/api/v1/sync/items", "peer" });

	private static DatabaseUrl database;

	private static ServerProcess server;

	private static String operatorToken;

	private static String peerToken;

	@BeforeAll
	static void start() throws Exception {
		database = TestDatabases.create();
		Path directory = Files.createTempDirectory("body-limits");
		server = ServerProcess.start(directory,
				Map.of("DATABASE_URL", database.toUrlWithPassword(), "ADMIN_PASSWORD", ADMIN_PASSWORD, "SYNC_PASSWORD",
						Peers.SYNC_PASSWORD, "SYNC_RATE_LIMIT_PER_HOUR", "100000", "SERVER_NAME", "body-limits",
						"MASTER_KEY_FILE", directory.resolve("keyset.json").toString()),
				List.of("-Xmx" + HEAP_MIB + "m"));
		operatorToken = token(server
			.postJson("/api/v1/auth/login", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
			.body());
		peerToken = token(server
			.postJson("/api/v1/sync/connect",
					"{\"server_id\":\"limits-peer\",\"password\":\"" + Peers.SYNC_PASSWORD + "\"}")
			.body());
	}

	@AfterAll
	static void stop() throws Exception {
		if (server != null) {
			server.close();
		}
		if (database != null) {
			TestDatabases.drop(database);
		}
	}

	@Test
	void refusesAHugeBodyToEveryJsonEndpointWithoutTakingMemory() throws Exception {
		List<String> wrong = new ArrayList<>();
		for (String[] endpoint : JSON_ENDPOINTS) {
			for (boolean chunked : new boolean[] { false, true }) {
				RawHttp.Response response = send(endpoint, chunked);
				if (response.status() != 413 || !response.body().contains("\"code\":\"too-large\"")) {
					wrong.add(endpoint[0] + " " + endpoint[1] + (chunked ? " chunked" : "") + ": " + response.status());
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertWithinHeapAndMargin();
	}

	@Test
	void refusesHugeBodiesSentAtOnce() throws Exception {
		ExecutorService senders = Executors.newFixedThreadPool(8);
		try {
			List<Future<RawHttp.Response>> declared = new ArrayList<>();
			List<Future<RawHttp.Response>> chunked = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String[] endpoint = (i % 2 == 0) ? JSON_ENDPOINTS.get(13) : JSON_ENDPOINTS.get(15);
				boolean streamed = i % 4 < 2;
				(streamed ? chunked : declared).add(senders.submit(() -> send(endpoint, streamed)));
			}
			for (Future<RawHttp.Response> response : declared) {
				assertThat(response.get().status()).isEqualTo(413);
			}
			// A body of unknown length is read up to the limit, by at most two at a time;
			// the others are told to come back later.
			for (Future<RawHttp.Response> response : chunked) {
				RawHttp.Response answer = response.get();
				assertThat(answer.status()).isIn(413, 503);
				if (answer.status() == 503) {
					assertThat(answer.header("Retry-After")).isNotBlank();
				}
			}
		}
		finally {
			senders.shutdownNow();
		}
		assertWithinHeapAndMargin();
		// And the server still serves.
		assertThat(server.get("/api/v1/health").statusCode()).isEqualTo(200);
	}

	private static RawHttp.Response send(String[] endpoint, boolean chunked) {
		Map<String, String> headers = switch (endpoint[2]) {
			case "operator" -> Map.of("Authorization", "Bearer " + operatorToken);
			case "peer" -> Map.of("Authorization", "Bearer " + peerToken);
			default -> Map.of();
		};
		return RawHttp.sendHuge(server.port(), endpoint[0], endpoint[1], headers, HUGE, chunked);
	}

	private static void assertWithinHeapAndMargin() throws Exception {
		ServerProcess.Memory memory = server.memory();
		assertThat(memory.peakMib()).as("peak resident MiB (now %d)", memory.rssMib())
			.isLessThan(HEAP_MIB + MARGIN_MIB);
	}

	private static String token(String json) {
		return json.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

}
