package org.orchestrator.livesync.support;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

/** Nodes on a test server, read and changed through its API. */
public final class Nodes {

	private Nodes() {
	}

	/** The node's IP address. */
	public static String ip(TestServer server, String hostname) {
		return server.operator()
			.get()
			.uri("/api/v1/nodes/" + hostname)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("ip")
			.asString();
	}

	/** Imports the fixture nodes of {@code hostnames} in one NDJSON import. */
	public static void importFixtures(TestServer server, Stream<String> hostnames) {
		String lines = hostnames.map((hostname) -> {
			Map<String, Object> node = TestServer.JSON.convertValue(Fixtures.node(hostname), Map.class);
			node.put("type", "node");
			return TestServer.JSON.writeValueAsString(node);
		}).collect(Collectors.joining("\n"));
		server.operator()
			.post()
			.uri("/api/v1/inventory/import")
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue(lines)
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** Replaces an existing node with the fixture node of that name at {@code ip}. */
	public static void replace(TestServer server, String hostname, String ip) {
		server.operator()
			.put()
			.uri("/api/v1/nodes/" + hostname)
			.bodyValue(Fixtures.node(hostname, ip, null))
			.exchange()
			.expectStatus()
			.isOk();
	}

}
