package org.orchestrator.livesync.system.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.RawHttp;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.Problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * The hostile inputs that once answered 500, each by name: a NUL where PostgreSQL stores
 * text, a malformed {@code Accept}, malformed bodies to the peer API, all-numeric host
 * names. Each is refused with a 4xx problem and nothing is written.
 */
class HostileInputIntegrationTests {

	@RegisterExtension
	static TestServer server = Peers.server("hostile");

	private final WebTestClient api = server.operator();

	@Test
	void refusesNulInASearch() {
		for (String list : new String[] { "nodes", "clusters", "ssh-keys", "configurations" }) {
			RawHttp.Response refused = raw("GET", "/api/v1/" + list + "?search=a%00b", null, null);
			assertProblem(refused, 400, "validation");
			assertThat(refused.body()).contains("\"field\":\"search\"");
		}
	}

	@Test
	void refusesNulInAKey() {
		invalidField(post("/api/v1/nodes", "{\"hostname\":\"n\\u0000\",\"ip\":\"10.0.0.1\",\"username\":\"u\"}"),
				"hostname");
		invalidField(post("/api/v1/clusters", "{\"name\":\"c\\u0000\"}"), "name");
		RawHttp.Response byKey = raw("GET", "/api/v1/clusters/c%00", null, null);
		assertThat(byKey.status()).isBetween(400, 499);
		assertThat(byKey.header("content-type")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(server.rows("nodes") + server.rows("clusters")).isZero();
	}

	@Test
	void refusesNulInADescription() {
		invalidField(post("/api/v1/clusters", "{\"name\":\"c1\",\"description\":\"a\\u0000b\"}"), "description");
		assertThat(server.rows("clusters")).isZero();
	}

	@Test
	void refusesNulInSettings() {
		invalidField(post("/api/v1/clusters", "{\"name\":\"c2\",\"settings\":{\"a\":[\"\\u0000\"]}}"), "settings.a");
		invalidField(post("/api/v1/clusters", "{\"name\":\"c2\",\"settings\":{\"a\\u0000\":1}}"), "settings");
		invalidField(post("/api/v1/configurations",
				"{\"name\":\"cf\",\"kind\":\"config\",\"content\":\"a: 1\",\"settings\":{\"o\":{\"p\":\"\\u0000\"}}}"),
				"settings.o.p");
		assertThat(server.rows("clusters") + server.rows("configurations")).isZero();
	}

	@Test
	void refusesNulInAJsonArrayImportLine() {
		String items = "[{\"type\":\"cluster\",\"name\":\"i1\"},{\"type\":\"cluster\",\"name\":\"i2\",\"description\":\"\\u0000\"}]";
		invalidField(this.api.post()
			.uri("/api/v1/inventory/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(items)
			.exchange(), "[1].description");
		assertThat(server.rows("clusters")).isZero();
	}

	@Test
	void refusesNulInAnNdjsonImportLine() {
		String lines = "{\"type\":\"cluster\",\"name\":\"i3\"}\n{\"type\":\"cluster\",\"name\":\"i4\",\"settings\":{\"k\":\"\\u0000\"}}\n";
		invalidField(this.api.post()
			.uri("/api/v1/inventory/import")
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue(lines)
			.exchange(), "[1].settings.k");
		assertThat(server.rows("clusters")).isZero();
	}

	@Test
	void answersAMalformedAcceptWithAProblem() {
		for (String accept : new String[] { "garbage", "application/", "*/json;q=x", "text/html;;", "/" }) {
			RawHttp.Response answer = raw("GET", "/api/v1/nodes", accept, null);
			assertThat(answer.status()).as(accept).isIn(400, 406);
			assertThat(answer.header("content-type")).as(accept).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(answer.body()).contains("\"code\"");
		}
	}

	@Test
	void refusesAnAcceptTheApiCannotAnswerBeforeWriting() {
		problem(this.api.post()
			.uri("/api/v1/clusters")
			.accept(MediaType.TEXT_HTML)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"html-only\"}")
			.exchange(), 406, "not-acceptable");
		assertThat(server.rows("clusters")).isZero();
	}

	@Test
	void keepsWorkingAfterStreamedJsonThatBreaksMidBuffer() {
		// The streaming tokenizer fails inside a buffer here; the buffer was once
		// released twice, which broke a database connection of another request.
		for (String body : new String[] { "[".repeat(10_000) + "]".repeat(10_000), "[{\"type\":\"cluster\"}}]" }) {
			for (MediaType type : new MediaType[] { MediaType.APPLICATION_JSON, MediaType.APPLICATION_NDJSON }) {
				problem(this.api.post().uri("/api/v1/inventory/import").contentType(type).bodyValue(body).exchange(),
						400, "malformed-request");
			}
		}
		for (int i = 0; i < 5; i++) {
			this.api.get().uri("/api/v1/clusters").exchange().expectStatus().isOk();
		}
	}

	@Test
	void refusesMalformedBodiesToCompare() {
		Peers.Session peer = Peers.connect(server, "hostile-peer");
		for (String body : new String[] { "{", "[]", "\"x\"", "{\"remote_inventory\":1}",
				"{\"remote_inventory\":{\"nodes\":{}}}", "{\"remote_inventory\":{\"nodes\":[1,\"x\",null]}}",
				"{\"remote_inventory\":{\"nodes\":[{\"hostname\":{}}]}}",
				"{\"remote_inventory\":{\"metadata\":[],\"clusters\":[{\"name\":\"a\\u0000\"}]}}" }) {
			assertPeerRefuses(peer, "/api/v1/sync/compare", body);
		}
	}

	@Test
	void refusesMalformedBodiesToReceive() {
		Peers.Session peer = Peers.connect(server, "hostile-peer-2");
		for (String body : new String[] { "{", "[]", "{\"session_id\":1}",
				"{\"session_id\":\"" + peer.sessionId() + "\",\"package\":\"x\"}",
				"{\"session_id\":\"" + peer.sessionId() + "\",\"package\":{\"data\":5},\"encrypted\":true}",
				"{\"session_id\":\"" + peer.sessionId()
						+ "\",\"package\":{\"package_id\":\"\\u0000\",\"data\":\"AAAA\",\"checksum\":\"x\"},\"encrypted\":false}" }) {
			assertPeerRefuses(peer, "/api/v1/sync/receive", body);
		}
		assertThat(server.rows("nodes") + server.rows("clusters")).isZero();
	}

	@Test
	void refusesABlankIdInThePath() {
		// " " converts to no UUID at all, which Spring took for a route without its id.
		for (String path : new String[] { "/api/v1/sync/history/%20", "/api/v1/sync/jobs/%20",
				"/api/v1/sync/sessions/%20", "/api/v1/sync/broadcasts/%20" }) {
			RawHttp.Response refused = raw("GET", path, null, null);
			assertThat(refused.status()).as(path).isBetween(400, 499);
			assertThat(refused.header("content-type")).as(path).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		}
		assertProblem(raw("POST", "/api/v1/sync/history/%20/rollback", null, null), 400, "validation");
		assertThat(raw("GET", "/api/v1/sync/history/%20", null, null).body()).contains("\"field\":\"id\"");
	}

	@Test
	void refusesAllNumericHostNames() {
		for (String hostname : new String[] { "123", "1.5" }) {
			Problem refused = invalidField(
					post("/api/v1/nodes", "{\"hostname\":\"" + hostname + "\",\"ip\":\"10.0.0.1\",\"username\":\"u\"}"),
					"hostname");
			assertThat(refused.errors().get(0).message()).contains("not all digits");
		}
		assertThat(server.rows("nodes")).isZero();
	}

	private void assertPeerRefuses(Peers.Session peer, String path, String body) {
		RawHttp.Response answer = RawHttp.send(server.port(), "POST", path, Map.of(HttpHeaders.AUTHORIZATION,
				"Bearer " + peer.token(), HttpHeaders.CONTENT_TYPE, "application/json"), body);
		assertThat(answer.status()).as(body).isBetween(400, 499);
		assertThat(answer.header("content-type")).as(body).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
	}

	private WebTestClient.ResponseSpec post(String path, String json) {
		return this.api.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(json.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private static RawHttp.Response raw(String method, String path, String accept, String body) {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		headers.put(HttpHeaders.AUTHORIZATION, "Bearer " + server.operatorToken());
		if (accept != null) {
			headers.put(HttpHeaders.ACCEPT, accept);
		}
		return RawHttp.send(server.port(), method, path, headers, body);
	}

	private static void assertProblem(RawHttp.Response answer, int status, String code) {
		assertThat(answer.status()).isEqualTo(status);
		assertThat(answer.header("content-type")).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
	}

}
