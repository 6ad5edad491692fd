package org.orchestrator.livesync.sync.internal.compare;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One item of a comparison. {@code base_hash} is what both servers had at their last sync
 * (absent if they never synced it); {@code changed_on} says which side changed a
 * different item (local, remote, both, or unknown without a base); {@code changes} lists
 * the differing fields; {@code merged_hash} is the hash of the merge of a merged item.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComparisonEntry(@Schema(example = "node-02") String key, String localHash, String remoteHash,
		String baseHash, @Schema(allowableValues = {
				"local", "remote", "both", "unknown" }) String changedOn,
		List<FieldChange> changes,
		@Schema(description = "merged items: the content hash of the merge of both sides' changes") String mergedHash){

	public ComparisonEntry(String key, String localHash, String remoteHash, String baseHash, String changedOn,
			List<FieldChange> changes) {
		this(key, localHash, remoteHash, baseHash, changedOn, changes, null);
	}

}
