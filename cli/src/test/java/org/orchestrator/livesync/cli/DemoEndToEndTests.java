package org.orchestrator.livesync.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orchestrator.livesync.client.api.NodesApi;
import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.CreateSessionRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code make demo} end to end, on other ports: both servers come up with their own
 * embedded PostgreSQL, the comparison of A with B shows all five statuses, the CLI syncs
 * A to B, and stopping the demo stops both servers.
 */
class DemoEndToEndTests {

	@TempDir
	Path data;

	@Test
	void theDemoShowsEveryStatusAndSyncsThroughTheCli() throws Exception {
		int portA = freePort();
		int portB = freePort();
		String cli = Path.of(System.getProperty("java.home"), "bin", "java") + " -cp "
				+ System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")) + " "
				+ LiveSyncCli.class.getName();
		ProcessBuilder builder = new ProcessBuilder("bash", "scripts/demo.sh").directory(Path.of("..").toFile())
			.redirectErrorStream(true);
		builder.environment()
			.keySet()
			.removeIf((key) -> key.startsWith("SYNC_") || key.startsWith("ADMIN_") || key.startsWith("SERVER_")
					|| key.equals("DATABASE_URL"));
		builder.environment()
			.putAll(Map.of("DEMO_PORT_A", String.valueOf(portA), "DEMO_PORT_B", String.valueOf(portB), "DEMO_DATA_DIR",
					this.data.toString(), "DEMO_SKIP_BUILD", "1", "LIVE_SYNC_CLI", cli));
		Process demo = builder.start();
		StringBuilder output = new StringBuilder();
		try {
			awaitLine(demo, output, "Live Sync demo is ready");
			assertThat(output).contains("admin / demo-admin");
			String a = "http://localhost:" + portA;
			String b = "http://localhost:" + portB;

			Server api = new Server(a);
			api.login("admin", "demo-admin");
			JsonNode comparison = api.json()
				.valueToTree(new SyncApi(api.client())
					.createSyncSession(new CreateSessionRequest().remoteUrl(b).password("demo-sync"))
					.getComparison());
			for (String status : List.of("identical", "different", "missing_on_remote", "missing_on_local",
					"conflict")) {
				assertThat(comparison.at("/summary/" + status).asLong()).as(status).isPositive();
			}
			// "Everything, identical too" lists what the summary counts: also the SSH
			// keys,
			// alike on both servers, whose kind is not compared item by item.
			long listedIdentical = 0;
			for (String kind : List.of("nodes", "clusters", "ssh_keys", "configurations")) {
				listedIdentical += comparison.path(kind).path("identical").size();
			}
			assertThat(listedIdentical).isEqualTo(comparison.at("/summary/identical").asLong());
			assertThat(comparison.at("/ssh_keys/identical")).isNotEmpty();
			JsonNode node02 = comparison.at("/nodes/different/0");
			assertThat(node02.get("key").asText()).isEqualTo("node-02");
			assertThat(node02.at("/changes/0/local").asText()).isEqualTo("192.168.1.11");
			assertThat(node02.at("/changes/0/remote").asText()).isEqualTo("192.168.1.12");
			assertThat(comparison.at("/clusters/different/0/key").asText()).isEqualTo("staging");
			assertThat(comparison.at("/nodes/conflict/0/key").asText()).isEqualTo("node-05");

			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			int exitCode = LiveSyncCli.run(
					new String[] { "sync", "--remote", b, "--all", "--yes" }, new HashMap<>(Map.of("LIVE_SYNC_SERVER",
							a, "ADMIN_PASSWORD", "demo-admin", "SYNC_PASSWORD", "demo-sync")),
					null, new PrintWriter(out), new PrintWriter(err));
			assertThat(exitCode).as(err.toString()).isZero();
			assertThat(out.toString()).contains("Verified");
			Server onB = new Server(b);
			onB.login("admin", "demo-admin");
			NodesApi nodesOnB = new NodesApi(onB.client());
			assertThat(nodesOnB.getNode("node-03").getIp()).isEqualTo("192.168.1.13");
			assertThat(nodesOnB.getNode("node-05").getIp()).as("conflicts are skipped").isEqualTo("192.168.1.35");
		}
		finally {
			demo.destroy();
			demo.waitFor(60, TimeUnit.SECONDS);
		}
		assertThat(demo.isAlive()).isFalse();
		for (int i = 0; i < 100 && (listening(portA) || listening(portB)); i++) {
			Thread.sleep(200);
		}
		assertThat(listening(portA)).as("server A stopped").isFalse();
		assertThat(listening(portB)).as("server B stopped").isFalse();
		assertThat(this.data.resolve("a/postgres/PG_VERSION")).exists();
		assertThat(Files.exists(this.data.resolve("b/master-keyset.json"))).isTrue();
	}

	private static void awaitLine(Process process, StringBuilder output, String wanted) throws Exception {
		BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
		Thread pump = new Thread(() -> {
			try {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					synchronized (output) {
						output.append(line).append('\n');
					}
				}
			}
			catch (IOException ended) {
				// The demo stopped.
			}
		});
		pump.setDaemon(true);
		pump.start();
		while (Instant.now().isBefore(deadline)) {
			synchronized (output) {
				if (output.indexOf(wanted) >= 0) {
					return;
				}
			}
			if (!process.isAlive()) {
				break;
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the demo did not get ready:\n" + output);
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("localhost", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
