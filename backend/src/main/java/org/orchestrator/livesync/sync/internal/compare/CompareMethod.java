package org.orchestrator.livesync.sync.internal.compare;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * How a compare found what differs: {@code incremental}, from what changed on either side
 * since the last checkpoint with the remote (plus what was left different then), or
 * {@code full}, over every item, and why.
 */
public record CompareMethod(@Schema(allowableValues = {
		"incremental", "full" }) String mode,
		@Schema(description = "why the compare was a full one") @Nullable String reason,
		@Schema(description = "items compared one by one (incremental): changed since the checkpoint, or left "
				+ "different at it") @Nullable Long candidates){

	static CompareMethod incremental(long candidates) {
		return new CompareMethod("incremental", null, candidates);
	}

	static CompareMethod full(String reason) {
		return new CompareMethod("full", reason, null);
	}

}
