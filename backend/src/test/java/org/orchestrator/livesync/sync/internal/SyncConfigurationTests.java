package org.orchestrator.livesync.sync.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.orchestrator.livesync.support.ServerProcess;
import org.orchestrator.livesync.support.TestDatabases;
import org.orchestrator.livesync.system.internal.startup.DatabaseUrl;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's {@code config/local.yml} sync block, and environment variables above it. */
class SyncConfigurationTests {

	private static final String CONNECT = "{\"server_id\":\"peer\",\"password\":\"file-secret\"}";

	@TempDir
	Path workingDirectory;

	private final DatabaseUrl database = TestDatabases.create();

	@AfterEach
	void dropDatabase() {
		TestDatabases.drop(this.database);
	}

	@Test
	void readsTheSeedsSyncBlockAndLetsTheEnvironmentWin() throws Exception {
		Files.createDirectories(this.workingDirectory.resolve("config"));
		Files.writeString(this.workingDirectory.resolve("config/local.yml"), """
				sync:
				  enabled: true
				  default_remote_url: "https://remote-server:5000"
				  token_expiry: 120
				  password: "file-secret"
				  encryption:
				    enabled: true
				    algorithm: "AES-256"
				  rate_limiting:
				    enabled: true
				    max_requests_per_hour: 2
				""");
		Map<String, String> environment = new HashMap<>(
				Map.of("ADMIN_PASSWORD", "x", "DATABASE_URL", this.database.toUrlWithPassword()));
		try (ServerProcess server = ServerProcess.start(this.workingDirectory, environment)) {
			assertThat(server.postJson("/api/v1/sync/connect", CONNECT).body()).contains("\"expires_in\":120");
			server.postJson("/api/v1/sync/connect", CONNECT);
			var limited = server.postJson("/api/v1/sync/connect", CONNECT);
			assertThat(limited.statusCode()).isEqualTo(429);
			assertThat(limited.headers().firstValue("Retry-After")).isPresent();
		}
		environment.put("SYNC_TOKEN_EXPIRY", "300");
		environment.put("SYNC_RATE_LIMIT_PER_HOUR", "50");
		try (ServerProcess server = ServerProcess.start(this.workingDirectory, environment)) {
			for (int i = 0; i < 3; i++) {
				assertThat(server.postJson("/api/v1/sync/connect", CONNECT).body()).contains("\"expires_in\":300");
			}
		}
	}

	@Test
	void refusesAnUnknownEncryptionAlgorithmAtStart() throws Exception {
		Files.createDirectories(this.workingDirectory.resolve("config"));
		Files.writeString(this.workingDirectory.resolve("config/local.yml"),
				"sync:\n  encryption:\n    algorithm: \"DES\"\n");
		ServerProcess.Exit exit = ServerProcess.run(this.workingDirectory,
				Map.of("ADMIN_PASSWORD", "x", "DATABASE_URL", this.database.toUrlWithPassword()));
		assertThat(exit.exitCode()).isEqualTo(1);
		assertThat(exit.lines()).anyMatch((line) -> line.contains("sync.encryption.algorithm 'DES' is not supported"));
	}

}
