package org.orchestrator.livesync.sync.internal.transfer;

import java.time.Duration;

import org.orchestrator.livesync.crypto.StreamingPackageCipher;
import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Resumable pushes ({@code live-sync.transfer}): the size of the chunks a target keeps of
 * an upload ({@code TRANSFER_CHUNK_SIZE}, whole cipher segments, so that each is checked
 * on its own as it arrives), how often a sender reconnects after a dropped connection and
 * how long it waits first ({@code TRANSFER_RETRIES}, {@code TRANSFER_RETRY_BACKOFF}), and
 * how long a target keeps an upload nobody resumes ({@code STAGED_UPLOAD_MAX_AGE}).
 */
@ConfigurationProperties("live-sync.transfer")
public record TransferProperties(@DefaultValue("1MB") DataSize chunkSize, @DefaultValue("3") int retries,
		@DefaultValue("1s") Duration retryBackoff, @DefaultValue("1d") Duration abandonedAfter) {

	public TransferProperties {
		long bytes = chunkSize.toBytes();
		if (bytes <= 0 || bytes % StreamingPackageCipher.SEGMENT_BYTES != 0 || bytes > 64L * 1024 * 1024) {
			throw new StartupProblem("TRANSFER_CHUNK_SIZE must be a multiple of 256KB, at most 64MB");
		}
		if (retries < 0 || retries > 100) {
			throw new StartupProblem("TRANSFER_RETRIES must be between 0 and 100");
		}
		if (retryBackoff.isNegative() || abandonedAfter.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new StartupProblem("TRANSFER_RETRY_BACKOFF must not be negative, STAGED_UPLOAD_MAX_AGE at least 1s");
		}
	}

	/** The chunk size in bytes. */
	public int chunkBytes() {
		return (int) this.chunkSize.toBytes();
	}

}
