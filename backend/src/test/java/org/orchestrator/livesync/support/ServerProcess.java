package org.orchestrator.livesync.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.orchestrator.livesync.LiveSyncApplication;

/**
 * The server as an operator runs it: its own JVM, configured by environment variables
 * only, in a working directory of the test's choosing.
 */
public final class ServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private ServerProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** What the server printed so far. */
	public String output() throws IOException {
		return Files.readString(this.log);
	}

	/** Starts a server and waits until it answers; {@code SERVER_PORT} is chosen here. */
	public static ServerProcess start(Path workingDirectory, Map<String, String> environment) throws Exception {
		return start(workingDirectory, environment, List.of());
	}

	/** Starts a server with these JVM options (such as {@code -Xmx256m}). */
	public static ServerProcess start(Path workingDirectory, Map<String, String> environment, List<String> jvmOptions)
			throws Exception {
		int port = freePort();
		Map<String, String> withPort = new java.util.HashMap<>(environment);
		withPort.put("SERVER_PORT", String.valueOf(port));
		// A file, not a pipe: a long-running server must never block on a full pipe.
		Path log = Files.createTempFile(workingDirectory, "server", ".log");
		Process process = builder(workingDirectory, withPort, jvmOptions).redirectOutput(log.toFile()).start();
		ServerProcess server = new ServerProcess(process, port, log);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (Instant.now().isBefore(deadline) && process.isAlive()) {
			try {
				if (server.get("/api/v1/health").statusCode() == 200) {
					return server;
				}
			}
			catch (IOException notYet) {
				Thread.sleep(250);
			}
		}
		server.close();
		throw new AssertionError("the server did not come up:\n" + server.output());
	}

	/**
	 * Runs a server expected to stop by itself; returns its exit code and non-blank
	 * output lines.
	 */
	public static Exit run(Path workingDirectory, Map<String, String> environment) throws Exception {
		Process process = builder(workingDirectory, environment, List.of()).start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("the server did not stop");
		}
		String output = new String(process.getInputStream().readAllBytes());
		return new Exit(process.exitValue(), output.lines().filter((line) -> !line.isBlank()).toList());
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	public String baseUrl() {
		return "http://localhost:" + this.port;
	}

	public int port() {
		return this.port;
	}

	/**
	 * The process's resident memory now and at its peak, in MiB, as Linux reports it
	 * ({@code VmRSS}, {@code VmHWM}).
	 */
	public Memory memory() throws IOException {
		long rss = 0;
		long peak = 0;
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(this.process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				rss = kibibytes(line) / 1024;
			}
			else if (line.startsWith("VmHWM:")) {
				peak = kibibytes(line) / 1024;
			}
		}
		return new Memory(rss, peak);
	}

	private static long kibibytes(String statusLine) {
		return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
	}

	/** Resident memory in MiB. */
	public record Memory(long rssMib, long peakMib) {
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	private static ProcessBuilder builder(Path workingDirectory, Map<String, String> environment,
			List<String> jvmOptions) {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classpath, LiveSyncApplication.class.getName()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true);
		builder.environment()
			.keySet()
			.removeIf((name) -> name.startsWith("DATABASE_URL") || name.startsWith("ADMIN_") || name.startsWith("SYNC_")
					|| name.startsWith("SERVER_") || name.equals("MASTER_KEY_FILE"));
		builder.environment().putAll(environment);
		return builder;
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** How a server that stopped by itself ended. */
	public record Exit(int exitCode, List<String> lines) {
	}

}
