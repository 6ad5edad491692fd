package org.orchestrator.livesync.bench;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server as production runs it: the packaged jar, default JVM flags plus the heap cap,
 * with a GC log from which the heap in use is read, and its resident memory read from
 * /proc.
 */
final class ServerUnderTest implements AutoCloseable {

	static final String ADMIN_PASSWORD = "bench-admin";

	static final String SYNC_PASSWORD = "bench-sync";

	private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

	private final Process process;

	private final int port;

	private final Path gcLog;

	private ServerUnderTest(Process process, int port, Path gcLog) {
		this.process = process;
		this.port = port;
		this.gcLog = gcLog;
	}

	static ServerUnderTest start(Path jar, String name, String databaseUrl, String heap, Path directory,
			boolean profile) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Files.createDirectories(directory);
		Path gcLog = directory.resolve("gc.log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
						"-Xlog:gc:file=" + gcLog));
		if (profile) {
			Path recording = directory.resolve("profile.jfr");
			command.add("-XX:StartFlightRecording=settings=profile,filename=" + recording);
			System.out.println("  " + name + " records a flight recording in " + recording);
		}
		command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("server.log").toFile());
		builder.environment()
			.putAll(Map.of("SERVER_PORT", String.valueOf(port), "SERVER_NAME", name, "DATABASE_URL", databaseUrl,
					"ADMIN_PASSWORD", ADMIN_PASSWORD, "SYNC_PASSWORD", SYNC_PASSWORD, "SYNC_RATE_LIMIT_PER_HOUR",
					"1000000", "MASTER_KEY_FILE", directory.resolve("master-keyset.json").toString()));
		ServerUnderTest server = new ServerUnderTest(builder.start(), port, gcLog);
		server.awaitHealthy(directory);
		return server;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	Api operator() {
		Api api = new Api(url());
		api.login(ADMIN_PASSWORD);
		return api;
	}

	/** A mark in the GC log: heap figures after it belong to what happens next. */
	int gcMark() throws IOException {
		return Files.exists(this.gcLog) ? Files.readAllLines(this.gcLog).size() : 0;
	}

	/**
	 * The most heap in use at any collection since {@code mark}, in MiB (before the
	 * collection freed it).
	 */
	double peakHeapMiBSince(int mark) throws IOException {
		List<String> lines = Files.readAllLines(this.gcLog);
		double peak = 0;
		for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
			Matcher matcher = GC_LINE.matcher(line);
			if (matcher.find()) {
				peak = Math.max(peak, mib(matcher.group(1), matcher.group(2)));
			}
		}
		return peak;
	}

	/** Starts measuring peak resident memory afresh (Linux: writing 5 to clear_refs). */
	void resetPeakRss() {
		try {
			Files.writeString(Path.of("/proc", String.valueOf(this.process.pid()), "clear_refs"), "5");
		}
		catch (IOException ex) {
			// Not Linux, or not allowed: the peak then covers the whole run.
		}
	}

	/** Peak resident memory in MiB (VmHWM), or -1 where /proc does not tell. */
	double peakRssMiB() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(this.process.pid()), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
				}
			}
		}
		catch (IOException ex) {
			// Said by the -1.
		}
		return -1;
	}

	private void awaitHealthy(Path directory) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline) && this.process.isAlive()) {
			try {
				if (http
					.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/health")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				Thread.sleep(250);
			}
		}
		throw new IllegalStateException("the server did not start; see " + directory.resolve("server.log"));
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	private static double mib(String value, String unit) {
		double number = Double.parseDouble(value);
		return switch (unit) {
			case "K" -> number / 1024;
			case "G" -> number * 1024;
			default -> number;
		};
	}

}
