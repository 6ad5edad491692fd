package org.orchestrator.livesync.inventory.internal.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Fixtures.resource;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

class ImportIntegrationTests {

	@RegisterExtension
	static TestServer server = new TestServer();

	private final WebTestClient api = server.operator();

	@Test
	void importsAJsonArrayInAnyOrderOfReferences() {
		List<Object> items = List.of(typed("cluster", Fixtures.cluster("imported", "imp-01", "imp-02")),
				typed("node", Fixtures.node("imp-01", "10.1.0.1", "imp-key")), typed("node", Fixtures.node("imp-02")),
				typed("ssh_key", Fixtures.sshKey("imp-key")),
				typed("configuration", Fixtures.configuration("imp-cfg")));
		JsonNode result = this.api.post()
			.uri("/api/v1/inventory/import")
			.bodyValue(items)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(result.at("/received/nodes").asLong()).isEqualTo(2);
		assertThat(result.at("/written/clusters").asLong()).isEqualTo(1);
		assertThat(result.at("/written/ssh_keys").asLong()).isEqualTo(1);
		this.api.get()
			.uri("/api/v1/clusters/imported")
			.exchange()
			.expectBody()
			.jsonPath("$.nodes.length()")
			.isEqualTo(2);

		// The same import again changes nothing.
		this.api.post()
			.uri("/api/v1/inventory/import")
			.bodyValue(items)
			.exchange()
			.expectBody()
			.jsonPath("$.written.nodes")
			.isEqualTo(0);
	}

	@Test
	void streamsTenThousandNodesAsNdjson() {
		int count = 10_000;
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> lines = Flux.range(0, count).map((i) -> {
			String json = TestServer.JSON.writeValueAsString(typed("node", Fixtures.node("bulk-" + i)));
			return buffers.wrap((json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		});
		this.api.post()
			.uri("/api/v1/inventory/import")
			.contentType(MediaType.APPLICATION_NDJSON)
			.body(lines, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.written.nodes")
			.isEqualTo(count);
		this.api.get().uri("/api/v1/nodes?search=bulk-").exchange().expectBody().jsonPath("$.total").isEqualTo(count);
	}

	@Test
	void writesNothingWhenOneItemIsInvalid() {
		List<Object> items = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			items.add(typed("node", Fixtures.node("half-" + i)));
		}
		items.add(typed("node", Map.of("hostname", "half-bad", "ip", "999.0.0.1", "username", "ubuntu")));
		var problem = problem(this.api.post().uri("/api/v1/inventory/import").bodyValue(items).exchange(), 400,
				"validation");
		assertThat(problem.errors()).extracting("field").containsExactly("[1200].ip");
		assertNoNodes("half-");

		var unknownType = problem(this.api.post()
			.uri("/api/v1/inventory/import")
			.bodyValue(List.of(Map.of("type", "robot", "name", "r2")))
			.exchange(), 400, "validation");
		assertThat(unknownType.errors()).extracting("field").containsExactly("[0].type");
		var unknownField = problem(this.api.post()
			.uri("/api/v1/inventory/import")
			.bodyValue(List.of(typed("node", Fixtures.node("half-x")), Map.of("type", "node", "hostnme", "x")))
			.exchange(), 400, "validation");
		assertThat(unknownField.errors()).extracting("field").containsExactly("[1].hostnme");
		List<Object> notText = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			notText.add(typed("node", Fixtures.node("half-" + i)));
		}
		notText.add(typed("node", Map.of("hostname", 123, "ip", "10.0.0.1", "username", "ubuntu")));
		var number = problem(this.api.post().uri("/api/v1/inventory/import").bodyValue(notText).exchange(), 400,
				"validation");
		assertThat(number.errors()).extracting("field", "message")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("[3].hostname", "expected a string"));
		var nested = problem(this.api.post()
			.uri("/api/v1/inventory/import")
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"type\":\"cluster\",\"name\":\"half-c\",\"nodes\":[{\"hostname\":true}]}\n")
			.exchange(), 400, "validation");
		assertThat(nested.errors()).extracting("field").containsExactly("[0].nodes[0].hostname");
		var key = problem(this.api.post()
			.uri("/api/v1/inventory/import")
			.bodyValue(List.of(Map.of("type", "ssh_key", "name", 7, "public_key", resource("ssh/test_ed25519.pub"))))
			.exchange(), 400, "validation");
		assertThat(key.errors()).extracting("field").containsExactly("[0].name");

		assertNoNodes("half-");
	}

	@Test
	void writesNothingWhenAReferenceIsMissing() {
		var problem = problem(this.api.post()
			.uri("/api/v1/inventory/import")
			.bodyValue(List.of(typed("node", Fixtures.node("ref-01")),
					typed("node", Fixtures.node("ref-02", "10.0.0.2", "no-such-key")),
					typed("cluster", Fixtures.cluster("ref-cluster", "ref-01", "ref-ghost"))))
			.exchange(), 422, "missing-reference");
		assertThat(problem.detail()).contains("node 'ref-02' uses SSH key 'no-such-key'")
			.contains("cluster 'ref-cluster' lists node 'ref-ghost'");
		assertNoNodes("ref-");
		problem(this.api.post()
			.uri("/api/v1/inventory/import")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[{\"type\":\"node\",")
			.exchange(), 400, "malformed-request");
	}

	private void assertNoNodes(String prefix) {
		this.api.get().uri("/api/v1/nodes?search=" + prefix).exchange().expectBody().jsonPath("$.total").isEqualTo(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> typed(String type, Object item) {
		Map<String, Object> json = new java.util.LinkedHashMap<>(TestServer.JSON.convertValue(item, Map.class));
		json.put("type", type);
		return json;
	}

}
