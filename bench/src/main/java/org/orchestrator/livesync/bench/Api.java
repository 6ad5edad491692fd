package org.orchestrator.livesync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's HTTP API as the benchmark drives it, as the operator. */
final class Api {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String url;

	private final HttpClient http = HttpClient.newHttpClient();

	private String token;

	Api(String url) {
		this.url = url;
	}

	String url() {
		return this.url;
	}

	void login(String password) {
		this.token = post("/api/v1/auth/login", Map.of("username", "admin", "password", password)).get("token")
			.asString();
	}

	JsonNode get(String path) {
		return send(builder(path).GET().build());
	}

	JsonNode post(String path, Object body) {
		return send(builder(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
	}

	/** Streams NDJSON from {@code lines} into the import endpoint. */
	JsonNode importLines(Supplier<InputStream> lines) {
		return send(builder("/api/v1/inventory/import").header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofInputStream(lines))
			.build());
	}

	/**
	 * Starts a job and waits for its end; fails unless it completed (and verified, when
	 * it should).
	 */
	JsonNode syncAndWait(String sessionId, Object selection) throws InterruptedException {
		return syncAndWait(sessionId, selection, "push");
	}

	/** Runs a job in {@code direction} (push, pull or both) to its verified end. */
	JsonNode syncAndWait(String sessionId, Object selection, String direction) throws InterruptedException {
		String job = post("/api/v1/sync/jobs",
				Map.of("session_id", sessionId, "selection", selection, "direction", direction))
			.get("job_id")
			.asString();
		while (true) {
			JsonNode status = get("/api/v1/sync/jobs/" + job);
			switch (status.get("status").asString()) {
				case "completed" -> {
					if (!status.at("/result/verified").asBoolean(false)) {
						throw new IllegalStateException("the sync did not verify: " + status);
					}
					return status;
				}
				case "failed" -> throw new IllegalStateException("the sync failed: " + status.get("problem"));
				default -> Thread.sleep(10);
			}
		}
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.url + path))
			.timeout(Duration.ofHours(2))
			.header("Content-Type", "application/json");
		return (this.token != null) ? builder.header("Authorization", "Bearer " + this.token) : builder;
	}

	private JsonNode send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 400) {
				throw new IllegalStateException(
						request.uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.uri() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
