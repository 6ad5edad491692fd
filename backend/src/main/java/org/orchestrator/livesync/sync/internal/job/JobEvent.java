package org.orchestrator.livesync.sync.internal.job;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.system.Problem;

/**
 * The one event schema of a job's live stream ({@code text/event-stream}); the SSE event
 * name is the record's {@link #name()}.
 */
public sealed interface JobEvent {

	String name();

	/** A stage began. */
	record Phase(JobPhase phase) implements JobEvent {

		@Override
		public String name() {
			return "phase";
		}

	}

	/** Items sent so far of those to send, and ciphertext bytes sent. */
	record Progress(long done, long total, long bytes) implements JobEvent {

		@Override
		public String name() {
			return "progress";
		}

	}

	/** What happened to one item (large jobs report a sample, not every item). */
	record Item(String kind, String key, @Schema(allowableValues = {
			"sent", "delete_sent", "in_sync", "skipped_conflict", "skipped_remote_only" }) String status)
			implements
				JobEvent{

		@Override
		public String name() {
			return "item";
		}

	}

	/**
	 * The job ended well; {@code verified} is null for a dry run, which verifies nothing.
	 */
	record Completed(KindCounts applied, KindCounts changed, KindCounts deleted, long skipped, List<String> errors,
			long durationMs, @Nullable Boolean verified, List<String> mismatches, boolean dryRun) implements JobEvent {

		@Override
		public String name() {
			return "completed";
		}

	}

	/** The job failed; nothing was applied on the target. */
	record Failed(Problem problem, long durationMs) implements JobEvent {

		@Override
		public String name() {
			return "failed";
		}

	}

}
