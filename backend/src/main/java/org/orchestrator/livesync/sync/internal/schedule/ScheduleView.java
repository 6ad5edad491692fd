package org.orchestrator.livesync.sync.internal.schedule;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A schedule as the API shows it. */
record ScheduleView(String name, @Schema(description = "in UTC", example = "0 */15 * * * *") String cron,
		List<String> peers, @Schema(description = "as for POST /sync/jobs") JsonNode selection, String direction,
		String conflictPolicy, @Schema(allowableValues = {
				"always", "only_if_conflict_free" }) String apply,
		boolean paused, @Schema(description = "the next due times (five; none while paused)") List<Instant> nextRuns,
		@Nullable Instant lastRunAt,
		@Schema(description = "the jobs the last run recorded, one per peer") List<String> lastJobIds,
		@Schema(description = "why the last run could not record a job for some peer") @Nullable String lastError,
		@Schema(description = "due times that passed with no server running: reported, not made up") int missedRuns,
		@Nullable Instant lastMissedAt, Instant createdAt, Instant updatedAt){
}
