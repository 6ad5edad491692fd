package org.orchestrator.livesync.system.internal.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.orchestrator.livesync.support.ServerProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting the server as an operator does, in its own JVM, configured by environment
 * variables.
 */
class StartupTests {

	@TempDir
	Path workingDirectory;

	@Test
	void refusesToStartWithoutAnAdminPassword() throws Exception {
		ServerProcess.Exit exit = ServerProcess.run(this.workingDirectory, Map.of("ADMIN_PASSWORD", ""));
		assertThat(exit.exitCode()).isEqualTo(1);
		assertThat(exit.lines()).singleElement().asString().contains("ADMIN_PASSWORD is not set");
	}

	@Test
	void saysInOneLineThatTheDatabaseIsUnreachable() throws Exception {
		ServerProcess.Exit exit = ServerProcess.run(this.workingDirectory, Map.of("ADMIN_PASSWORD", "x", "DATABASE_URL",
				"postgresql://sync:topsecret@127.0.0.1:" + ServerProcess.freePort() + "/inventory"));
		assertThat(exit.exitCode()).isEqualTo(1);
		assertThat(exit.lines()).singleElement()
			.asString()
			.contains("cannot connect to the database postgresql://sync@127.0.0.1:")
			.doesNotContain("topsecret");
	}

	@Test
	void saysInOneLineThatTheDatabaseUrlIsMalformed() throws Exception {
		ServerProcess.Exit exit = ServerProcess.run(this.workingDirectory,
				Map.of("ADMIN_PASSWORD", "x", "DATABASE_URL", "jdbc:postgresql://localhost/db"));
		assertThat(exit.exitCode()).isEqualTo(1);
		assertThat(exit.lines()).singleElement().asString().contains("DATABASE_URL is not valid");
	}

	@Test
	void startsWithItsOwnEmbeddedDatabaseAndKeepsItsData() throws Exception {
		String first = startAndReadServerId();
		assertThat(this.workingDirectory.resolve("data/embedded-test/postgres/PG_VERSION")).exists();
		Path keyset = this.workingDirectory.resolve("data/master-keyset.json");
		assertThat(keyset).exists();
		if (Files.getFileAttributeView(keyset, PosixFileAttributeView.class) != null) {
			assertThat(Files.getPosixFilePermissions(keyset)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
					PosixFilePermission.OWNER_WRITE);
		}
		assertThat(startAndReadServerId()).isEqualTo(first);
	}

	private String startAndReadServerId() throws Exception {
		try (ServerProcess server = ServerProcess.start(this.workingDirectory,
				Map.of("ADMIN_PASSWORD", "x", "SERVER_NAME", "embedded-test"))) {
			return server.get("/api/v1/sync/test").body().replaceAll(".*\"server_id\":\"([^\"]+)\".*", "$1");
		}
	}

}
