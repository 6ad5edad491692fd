package org.orchestrator.livesync.support;

import tools.jackson.databind.JsonNode;

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
