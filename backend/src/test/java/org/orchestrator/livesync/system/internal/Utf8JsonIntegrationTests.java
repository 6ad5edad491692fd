package org.orchestrator.livesync.system.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.Problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/** JSON request bodies are UTF-8, said so or not said at all, and nothing else. */
class Utf8JsonIntegrationTests {

	@RegisterExtension
	static TestServer server = new TestServer().with("SYNC_PASSWORD", Peers.SYNC_PASSWORD);

	private final WebTestClient api = server.operator();

	@Test
	void refusesJsonDeclaredInAnotherCharset() {
		String node = "{\"hostname\":\"charset-01\",\"ip\":\"10.8.0.1\",\"username\":\"ubuntu\"}";
		for (String charset : new String[] { "ISO-8859-1", "UTF-16", "windows-1252", "US-ASCII" }) {
			var refused = problem(post("/api/v1/nodes", "application/json;charset=" + charset,
					node.getBytes(Charset.forName(charset))), 415, "unsupported-media-type");
			assertThat(refused.detail()).contains("UTF-8");
		}
		problem(post("/api/v1/inventory/import", "application/x-ndjson; charset=ISO-8859-1",
				("{\"type\":\"node\"," + node.substring(1) + "\n").getBytes(StandardCharsets.ISO_8859_1)), 415,
				"unsupported-media-type");
		problem(this.api.get().uri("/api/v1/nodes/charset-01").exchange(), 404, "not-found");

		post("/api/v1/nodes", "application/json;charset=UTF-8", node.getBytes(StandardCharsets.UTF_8)).expectStatus()
			.isCreated();
		post("/api/v1/nodes", "application/json; charset=\"utf-8\"",
				node.replace("charset-01", "charset-02").getBytes(StandardCharsets.UTF_8))
			.expectStatus()
			.isCreated();
	}

	@Test
	void refusesACharsetNoOneKnows() throws Exception {
		// Spring's own clients refuse to send it, so this one goes out raw.
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/nodes"))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + server.operatorToken())
				.header(HttpHeaders.CONTENT_TYPE, "application/json;charset=no-such-charset")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"hostname\":\"charset-03\",\"ip\":\"10.8.0.3\",\"username\":\"ubuntu\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(TestServer.JSON.readValue(response.body(), Problem.class).code())
			.isEqualTo("unsupported-media-type");
		problem(this.api.get().uri("/api/v1/nodes/charset-03").exchange(), 404, "not-found");
	}

	@Test
	void keepsWellFormedUtf8AsSent() {
		String description = "Zürich – 東京 🚀";
		JsonNode created = post("/api/v1/clusters", "application/json",
				("{\"name\":\"utf8-ok\",\"description\":\"" + description + "\"}").getBytes(StandardCharsets.UTF_8))
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(created.get("description").asString()).isEqualTo(description);
	}

	@Test
	void refusesBodiesThatAreNotUtf8() {
		// 0xFF never occurs in UTF-8; C0 AF is an overlong '/', which Jackson reads as
		// '/'.
		for (byte[] bad : new byte[][] { { (byte) 0xFF }, { (byte) 0xC0, (byte) 0xAF },
				{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 } }) {
			byte[] body = bytes("{\"name\":\"utf8-bad\",\"description\":\"a", bad, "b\"}");
			var refused = problem(post("/api/v1/clusters", "application/json", body), 400, "malformed-request");
			assertThat(refused.detail()).isEqualTo("the body is not valid UTF-8");
		}
		problem(this.api.get().uri("/api/v1/clusters/utf8-bad").exchange(), 404, "not-found");

		// Streamed: the bad line is the second; nothing is written.
		byte[] lines = bytes(
				"{\"type\":\"configuration\",\"name\":\"utf8-1\",\"content\":\"a: 1\"}\n"
						+ "{\"type\":\"configuration\",\"name\":\"utf8-2\",\"content\":\"a: ",
				new byte[] { (byte) 0xC0, (byte) 0x80 },
				"\"}\n{\"type\":\"configuration\",\"name\":\"utf8-3\",\"content\":\"a: 3\"}\n");
		problem(post("/api/v1/inventory/import", "application/x-ndjson", lines), 400, "malformed-request");
		problem(this.api.get().uri("/api/v1/configurations/utf8-1").exchange(), 404, "not-found");
	}

	@Test
	void refusesMalformedUtf8InTheLargeBodiesOfThePeerApi() {
		Peers.Session session = Peers.connect(server, "utf8-peer");
		byte[] body = bytes("{\"remote_inventory\":{\"metadata\":{\"server_id\":\"peer-", new byte[] { (byte) 0xFF },
				"\"},\"nodes\":[]}}");
		var refused = problem(session.client()
			.post()
			.uri("/api/v1/sync/compare")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange(), 400, "malformed-request");
		assertThat(refused.detail()).isEqualTo("the body is not valid UTF-8");
		problem(session.client()
			.post()
			.uri("/api/v1/sync/compare")
			.contentType(MediaType.parseMediaType("application/json;charset=ISO-8859-1"))
			.bodyValue("{\"remote_inventory\":{\"metadata\":{\"server_id\":\"peer-ä\"}}}"
				.getBytes(StandardCharsets.ISO_8859_1))
			.exchange(), 415, "unsupported-media-type");
	}

	private WebTestClient.ResponseSpec post(String path, String contentType, byte[] body) {
		return this.api.post().uri(path).header(HttpHeaders.CONTENT_TYPE, contentType).bodyValue(body).exchange();
	}

	private static byte[] bytes(String before, byte[] middle, String after) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(middle);
		out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

}
