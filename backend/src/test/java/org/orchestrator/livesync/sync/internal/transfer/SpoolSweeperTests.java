package org.orchestrator.livesync.sync.internal.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class SpoolSweeperTests {

	@Test
	void removesOnlySpoolsUntouchedForTheMaximumAge() throws Exception {
		Path old = Files.createTempFile("live-sync-outgoing-", ".bin");
		Path fresh = Files.createTempFile("live-sync-outgoing-", ".bin");
		Path other = Files.createTempFile("someone-else-", ".bin");
		try {
			FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
			Files.setLastModifiedTime(old, twoDaysAgo);
			Files.setLastModifiedTime(other, twoDaysAgo);

			new SpoolSweeper(
					new TransferProperties(DataSize.ofMegabytes(1), 3, Duration.ofSeconds(1), Duration.ofDays(1)))
				.sweep();

			assertThat(old).doesNotExist();
			assertThat(fresh).exists();
			assertThat(other).as("not ours").exists();
		}
		finally {
			Files.deleteIfExists(old);
			Files.deleteIfExists(fresh);
			Files.deleteIfExists(other);
		}
	}

}
