package org.orchestrator.livesync.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.orchestrator.livesync.client.ApiClient;
import org.orchestrator.livesync.client.ApiException;
import org.orchestrator.livesync.client.api.AuthApi;
import org.orchestrator.livesync.client.model.LoginRequest;
import org.orchestrator.livesync.client.model.Problem;

/**
 * One server reached through the client generated from openapi.yaml: the operator's
 * bearer token on every request, and failures (problems, unreachable servers) turned into
 * one-line {@link CliFailure}s.
 */
final class Server {

	private static final Duration TIMEOUT = Duration.ofSeconds(120);

	private final String url;

	private final ApiClient client = new ApiClient();

	private String token;

	/** Where the URL came from, for the hint when it cannot be reached. */
	private final String setBy;

	/** The server the CLI drives ({@code --server}). */
	Server(String url) {
		this(url, "--server or LIVE_SYNC_SERVER");
	}

	/** A server whose URL comes from {@code setBy}, such as {@code --remote}. */
	Server(String url, String setBy) {
		this.setBy = setBy;
		this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		try {
			this.client.updateBaseUri(this.url);
		}
		catch (IllegalArgumentException ex) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "not a usable server URL: " + this.url, "bad-url");
		}
		this.client.setHttpClientBuilder(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)));
		this.client.setReadTimeout(TIMEOUT);
		this.client.setRequestInterceptor((request) -> {
			if (this.token != null) {
				request.header("Authorization", "Bearer " + this.token);
			}
		});
	}

	String url() {
		return this.url;
	}

	ApiClient client() {
		return this.client;
	}

	/** The generated client's mapper: reads and writes the generated model types. */
	ObjectMapper json() {
		return this.client.getObjectMapper();
	}

	String token() {
		return this.token;
	}

	void login(String username, String password) {
		if (password == null || password.isEmpty()) {
			throw new CliFailure(CliFailure.CANNOT_RUN,
					"no operator password: set ADMIN_PASSWORD (or --admin-password) for " + this.url
							+ ", or run on a terminal to be asked",
					"no-password");
		}
		this.token = call(
				() -> new AuthApi(this.client).login(new LoginRequest().username(username).password(password)),
				CliFailure.CANNOT_RUN)
			.getToken();
	}

	/** Runs one generated-client call; a failure ends the command with exitOnFailure. */
	<T> T call(Call<T> call, int exitOnFailure) {
		try {
			return call.run();
		}
		catch (ApiException ex) {
			throw failure(ex, exitOnFailure);
		}
		catch (IllegalArgumentException ex) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "not a usable server URL: " + this.url, "bad-url");
		}
	}

	private CliFailure failure(ApiException ex, int exitCode) {
		Throwable cause = ex.getCause();
		if (cause instanceof InterruptedException) {
			Thread.currentThread().interrupt();
			return new CliFailure(CliFailure.CANNOT_RUN, "interrupted", "interrupted");
		}
		if (cause instanceof HttpConnectTimeoutException) {
			return new CliFailure(CliFailure.CANNOT_RUN, "cannot reach " + this.url + ": connection timed out",
					"unreachable");
		}
		if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
				|| (cause != null && cause.getCause() instanceof UnresolvedAddressException)) {
			return unreachable();
		}
		if (cause instanceof JsonProcessingException) {
			return new CliFailure(CliFailure.CANNOT_RUN,
					this.url + " did not answer with JSON: is it a Live Sync server?", "not-live-sync");
		}
		if (cause instanceof IOException) {
			return new CliFailure(CliFailure.CANNOT_RUN, "talking to " + this.url + " failed: " + cause.getMessage(),
					"unreachable");
		}
		return problem(ex.getCode(), ex.getResponseBody(), exitCode);
	}

	CliFailure unreachable() {
		return new CliFailure(CliFailure.CANNOT_RUN,
				"cannot reach " + this.url + ": connection refused (is the server running? see " + this.setBy + ")",
				"unreachable");
	}

	/** An error response said in one line: the problem's detail when it is one. */
	CliFailure problem(int status, String body, int exitCode) {
		if (body != null && !body.isEmpty()) {
			try {
				Problem problem = json().readValue(body, Problem.class);
				if (problem.getDetail() != null) {
					return new CliFailure(exitCode, problem.getDetail(), problem.getCode(), status);
				}
			}
			catch (JsonProcessingException notAProblem) {
				// Said below by status only.
			}
		}
		return new CliFailure(exitCode, this.url + " answered HTTP " + status, "http-" + status, status);
	}

	URI uri(String path) {
		return URI.create(this.url + path);
	}

	interface Call<T> {

		T run() throws ApiException;

	}

}
