package org.orchestrator.livesync.sync.internal.broadcast;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.system.Problem;

/** A broadcast as the API shows it: what it asked, and where each peer's job stands. */
public record BroadcastView(String broadcastId, @Schema(allowableValues = {
		"running", "completed", "failed" },
		description = "completed when every peer's job completed, failed when any failed") String status,
		String direction, boolean dryRun, @Nullable String startedBy, Instant startedAt, @Nullable Instant finishedAt,
		List<PeerResult> peers){

	/**
	 * One peer of a broadcast: {@code pending} until its turn (at most
	 * SYNC_BROADCAST_PARALLELISM peers at once), {@code connecting}, {@code running} with
	 * its job, then {@code completed} with the job's result or {@code failed} with why.
	 */
	public record PeerResult(String peer, @Schema(allowableValues = {
			"pending", "connecting", "running", "completed", "failed" }) String status, @Nullable String jobId,
			@Schema(description = "the job's completed event (applied, deleted, verified, ...)") @Nullable JsonNode result,
			@Nullable Problem problem){

		boolean finished() {
			return "completed".equals(this.status) || "failed".equals(this.status);
		}

	}

}
