package org.orchestrator.livesync.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's HTTP API as this CLI uses it: JSON in and out, the operator's bearer
 * token, and problem responses turned into one-line failures.
 */
final class ApiClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private final String server;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder().build();

	private String token;

	ApiClient(String server) {
		this.server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	String server() {
		return this.server;
	}

	void login(String username, String password) {
		if (password == null || password.isEmpty()) {
			throw new CliFailure(CliFailure.CANNOT_RUN,
					"no operator password: set ADMIN_PASSWORD (or --admin-password) for " + this.server);
		}
		JsonNode answer = send(request("/api/v1/auth/login")
			.POST(HttpRequest.BodyPublishers.ofString(write(Map.of("username", username, "password", password))))
			.build(), CliFailure.CANNOT_RUN);
		this.token = answer.get("token").asString();
	}

	JsonNode get(String path, int exitOnFailure) {
		return send(request(path).GET().build(), exitOnFailure);
	}

	JsonNode post(String path, Object body, int exitOnFailure) {
		return send(request(path).POST(HttpRequest.BodyPublishers.ofString(write(body))).build(), exitOnFailure);
	}

	JsonNode put(String path, Object body, int exitOnFailure) {
		return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(write(body))).build(), exitOnFailure);
	}

	/** Reads a server-sent event stream until the server closes it. */
	void events(String path, Consumer<Event> listener) {
		HttpRequest request = request(path).header("Accept", "text/event-stream")
			.GET()
			.timeout(Duration.ofHours(12))
			.build();
		HttpResponse<Stream<String>> response = call(
				() -> this.http.send(request, HttpResponse.BodyHandlers.ofLines()));
		if (response.statusCode() >= 400) {
			String body = String.join("\n", response.body().toList());
			throw failure(response.statusCode(), body, CliFailure.CANNOT_RUN);
		}
		String event = null;
		StringBuilder data = new StringBuilder();
		Iterator<String> lines = response.body().iterator();
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.isEmpty()) {
				if (event != null) {
					listener.accept(new Event(event, this.json.readTree(data.toString())));
				}
				event = null;
				data.setLength(0);
			}
			else if (line.startsWith("event:")) {
				event = line.substring(6).strip();
			}
			else if (line.startsWith("data:")) {
				data.append(line.substring(5).strip());
			}
		}
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.server + path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	private JsonNode send(HttpRequest request, int exitOnFailure) {
		HttpResponse<String> response = call(() -> this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		if (response.statusCode() >= 400) {
			throw failure(response.statusCode(), response.body(), exitOnFailure);
		}
		try {
			return response.body().isEmpty() ? this.json.createObjectNode() : this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new CliFailure(CliFailure.CANNOT_RUN,
					this.server + " did not answer with JSON: is it a Live Sync server?");
		}
	}

	private CliFailure failure(int status, String body, int exitCode) {
		try {
			JsonNode problem = this.json.readTree(body);
			if (problem.hasNonNull("detail")) {
				return new CliFailure(exitCode, problem.get("detail").asString());
			}
		}
		catch (JacksonException notJson) {
			// Said below by status only.
		}
		return new CliFailure(exitCode, this.server + " answered HTTP " + status);
	}

	private <T> T call(Call<T> call) {
		try {
			return call.run();
		}
		catch (HttpConnectTimeoutException ex) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "cannot reach " + this.server + ": connection timed out");
		}
		catch (ConnectException | UnresolvedAddressException ex) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "cannot reach " + this.server
					+ ": connection refused (is the server running? see --server or LIVE_SYNC_SERVER)");
		}
		catch (IOException ex) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "talking to " + this.server + " failed: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliFailure(CliFailure.CANNOT_RUN, "interrupted");
		}
		catch (IllegalArgumentException ex) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "not a usable server URL: " + this.server);
		}
	}

	private String write(Object body) {
		return this.json.writeValueAsString(body);
	}

	private interface Call<T> {

		T run() throws IOException, InterruptedException;

	}

	/** One server-sent event: its name and JSON data. */
	record Event(String name, JsonNode data) {
	}

}
