package org.orchestrator.livesync.support;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The peer API seen from a test acting as the other server. */
public final class Peers {

	public static final String SYNC_PASSWORD = "shared-sync-secret";

	private Peers() {
	}

	/** A session on {@code server}, opened in the name of {@code callerServerId}. */
	/**
	 * A server that peers join with {@link #SYNC_PASSWORD}, named so its answers tell it
	 * apart.
	 */
	public static TestServer server(String name) {
		return new TestServer().with("SYNC_PASSWORD", SYNC_PASSWORD).with("SERVER_NAME", name);
	}

	/**
	 * The same on a fixed port, for a server that others reach by a URL known in advance.
	 */
	public static TestServer server(String name, int port) {
		return server(name).with("server.port", String.valueOf(port));
	}

	/** A free port, for a server whose URL others must know before it starts. */
	public static int freePort() {
		try {
			return ServerProcess.freePort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Session connect(TestServer server, String callerServerId) {
		return connect(server, callerServerId, SYNC_PASSWORD);
	}

	public static Session connect(TestServer server, String callerServerId, String password) {
		JsonNode body = server.anonymous()
			.post()
			.uri("/api/v1/sync/connect")
			.bodyValue(Map.of("server_id", callerServerId, "password", password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return new Session(server, body.get("session_id").asString(), body.get("token").asString());
	}

	public static String serverId(TestServer server) {
		return server.anonymous()
			.get()
			.uri("/api/v1/sync/test")
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("server_id")
			.asString();
	}

	/** An open session: its id and token on one server. */
	public record Session(TestServer server, String sessionId, String token) {

		public WebTestClient client() {
			return this.server.anonymous()
				.mutate()
				.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + this.token)
				.build();
		}

		public JsonNode inventory() {
			return client().get()
				.uri("/api/v1/sync/inventory")
				.accept(MediaType.APPLICATION_JSON)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody()
				.get("inventory");
		}

		public JsonNode compare(JsonNode remoteInventory) {
			return client().post()
				.uri("/api/v1/sync/compare")
				.bodyValue(Map.of("remote_inventory", remoteInventory))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody()
				.get("comparison");
		}

		public WebTestClient.ResponseSpec transfer(Map<String, List<String>> items) {
			return client().post()
				.uri("/api/v1/sync/transfer")
				.bodyValue(Map.of("session_id", this.sessionId, "items", items, "encrypted", true))
				.exchange();
		}

		public JsonNode pack(Map<String, List<String>> items) {
			return transfer(items).expectStatus()
				.isOk()
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody()
				.get("package");
		}

		public WebTestClient.ResponseSpec receive(JsonNode syncPackage) {
			return client().post()
				.uri("/api/v1/sync/receive")
				.bodyValue(Map.of("session_id", this.sessionId, "package", syncPackage, "encrypted", true))
				.exchange();
		}

		public WebTestClient.ResponseSpec confirm(String packageId) {
			return client().post()
				.uri("/api/v1/sync/confirm")
				.bodyValue(Map.of("session_id", this.sessionId, "package_id", packageId))
				.exchange();
		}

	}

}
