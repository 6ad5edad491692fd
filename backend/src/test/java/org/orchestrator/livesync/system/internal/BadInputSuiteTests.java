package org.orchestrator.livesync.system.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Items;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.internal.BadInputs.BadRequest;
import org.orchestrator.livesync.system.internal.ContractOperations.Operation;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input generated from {@code openapi.yaml}: every operation, every parameter and
 * body field spoiled a few ways (see {@link BadInputs}), sent to one real server with the
 * token the operation needs. No answer may be a 5xx, every 4xx must be a problem document
 * with a {@code code}, and a refused request must change nothing (the inventory's content
 * hashes and the sync tables' rows are compared before and after). The draw is seeded:
 * {@code -Dbadinput.seed=...} replays a run, {@code -Dbadinput.ways=...} spoils each part
 * more ways.
 */
class BadInputSuiteTests {

	private static final long SEED = Long.getLong("badinput.seed", 20261208L);

	@RegisterExtension
	static TestServer server = Peers.server("bad-input");

	private static final ObjectMapper JSON = new ObjectMapper();

	/** What a refused request must leave as it was. */
	private static final String STATE = """
			SELECT concat_ws('|',
			  (SELECT count(*) || md5(coalesce(string_agg(content_hash, ',' ORDER BY content_hash), '')) FROM nodes),
			  (SELECT count(*) || md5(coalesce(string_agg(content_hash, ',' ORDER BY content_hash), '')) FROM clusters),
			  (SELECT count(*) || md5(coalesce(string_agg(content_hash, ',' ORDER BY content_hash), '')) FROM ssh_keys),
			  (SELECT count(*) || md5(coalesce(string_agg(content_hash, ',' ORDER BY content_hash), ''))
			     FROM configurations),
			  (SELECT count(*) FROM cluster_nodes), (SELECT count(*) FROM tombstones),
			  (SELECT count(*) FROM sync_peers), (SELECT count(*) FROM sync_schedules),
			  (SELECT count(*) FROM sync_jobs), (SELECT count(*) FROM sync_history),
			  (SELECT count(*) FROM sync_broadcasts), (SELECT count(*) FROM sync_received_packages))
			""";

	@Test
	void noBadInputAnswers5xxOrChangesAnything() throws Exception {
		System.out.println("Bad-input suite: seed " + SEED + " (replay with -Dbadinput.seed=" + SEED + ")");
		Items.create(server, Fixtures.sshKey("suite-key"));
		Items.create(server, Fixtures.node("suite-node-01"));
		Items.create(server, Fixtures.cluster("suite-cluster", "suite-node-01"));
		Items.create(server, Fixtures.configuration("suite-config"));
		String operatorToken = server.operatorToken();
		Peers.Session peer = Peers.connect(server, "bad-input-peer");
		String peerToken = peer.token();

		ContractOperations contract = new ContractOperations(Path.of("..", "openapi.yaml"),
				Map.of("session_id", peer.sessionId()));
		BadInputs inputs = new BadInputs(contract, new Random(SEED));
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		Map<Integer, Integer> byStatus = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		int tried = 0;
		String state = state();
		for (Operation operation : contract.operations()) {
			for (BadRequest request : inputs.of(operation)) {
				String token = operation.peer() ? peerToken : operatorToken;
				Answer answer = send(http, request, token);
				tried++;
				byStatus.merge(answer.status(), 1, Integer::sum);
				String failure = judge(answer);
				String now = state();
				if (failure == null && answer.status() >= 400 && !now.equals(state)) {
					failure = "refused with " + answer.status() + " yet changed the data";
				}
				state = now;
				if (failure != null) {
					failures.add(request + ": " + failure);
				}
			}
		}
		long fivexx = byStatus.entrySet()
			.stream()
			.filter((e) -> e.getKey() >= 500)
			.mapToLong(Map.Entry::getValue)
			.sum();
		System.out.println("Bad-input suite: " + tried + " requests to " + contract.operations().size()
				+ " operations; by status " + byStatus + "; 5xx seen = " + fivexx + "; failures = " + failures.size());
		failures.stream().limit(50).forEach((failure) -> System.out.println("  " + failure));
		assertThat(failures).isEmpty();
		assertThat(fivexx).isZero();
	}

	/** Why the answer is wrong, or null. */
	private static String judge(Answer answer) {
		if (answer.status() < 0) {
			return "no answer: " + answer.body();
		}
		if (answer.status() >= 500) {
			return answer.status() + " " + abbreviated(answer.body());
		}
		if (answer.status() >= 400) {
			if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
				return answer.status() + " is not a problem document (" + answer.contentType() + "): "
						+ abbreviated(answer.body());
			}
			try {
				JsonNode problem = JSON.readTree(answer.body());
				if (!problem.path("code").isTextual() || problem.path("status").asInt() != answer.status()) {
					return answer.status() + " problem without its code or status: " + abbreviated(answer.body());
				}
			}
			catch (IOException ex) {
				return answer.status() + " problem that is not JSON: " + abbreviated(answer.body());
			}
		}
		return null;
	}

	private static Answer send(HttpClient http, BadRequest request, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + request.uri()))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token);
		request.headers().forEach((name, value) -> {
			if (!value.isEmpty()) {
				builder.header(name, value);
			}
		});
		HttpRequest.BodyPublisher body = (request.body() != null)
				? HttpRequest.BodyPublishers.ofByteArray(request.body()) : HttpRequest.BodyPublishers.noBody();
		builder.method(request.method(), body);
		try {
			HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			return new Answer(-1, null, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String state() {
		return server.bean(DatabaseClient.class)
			.sql(STATE)
			.map((row) -> row.get(0, String.class))
			.one()
			.block(Duration.ofSeconds(10));
	}

	private static String abbreviated(String body) {
		return (body == null || body.length() <= 300) ? body : body.substring(0, 300) + "...";
	}

	private record Answer(int status, String contentType, String body) {
	}

}
