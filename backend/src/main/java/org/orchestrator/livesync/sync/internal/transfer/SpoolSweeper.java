package org.orchestrator.livesync.sync.internal.transfer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the spooled packages of a server that stopped while sending them: a job ends by
 * removing its own, but a crash leaves them in the temporary directory. Only those
 * untouched for {@code STAGED_UPLOAD_MAX_AGE} go, so another server on the machine keeps
 * the ones it still sends.
 */
@Component
class SpoolSweeper {

	private static final Logger log = LoggerFactory.getLogger(SpoolSweeper.class);

	private final TransferProperties properties;

	SpoolSweeper(TransferProperties properties) {
		this.properties = properties;
	}

	// Once soon after start-up (the likeliest time for a crash's leftovers), then hourly;
	// on a scheduler thread, never an event loop: listing a directory blocks.
	@Scheduled(fixedDelay = 3_600_000, initialDelay = 30_000)
	void sweep() {
		Instant before = Instant.now().minus(this.properties.abandonedAfter());
		Path directory = Path.of(System.getProperty("java.io.tmpdir"));
		int removed = 0;
		try (DirectoryStream<Path> spools = Files.newDirectoryStream(directory, "live-sync-outgoing-*.bin")) {
			for (Path spool : spools) {
				if (Files.getLastModifiedTime(spool).toInstant().isBefore(before) && Files.deleteIfExists(spool)) {
					removed++;
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not sweep old spooled packages from {}: {}", directory, ex.getMessage());
		}
		if (removed > 0) {
			log.info("Removed {} spooled packages left by a server that stopped while sending them", removed);
		}
	}

}
