package org.orchestrator.livesync.sync.internal.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.KindCounts;

/** What the history API answers. */
final class HistoryViews {

	private HistoryViews() {
	}

	/** One applied package or rollback. */
	record HistoryEntry(UUID id, Instant appliedAt,
			@Schema(description = "push: a peer pushed it here; pull: this server pulled it; rollback: the undo of "
					+ "rollback_of",
					allowableValues = {
							"push", "pull", "rollback" }) String operation,
			@Nullable UUID packageId,
			@Schema(description = "the job that moved it, on whichever server ran it") @Nullable UUID jobId,
			@Nullable String peerServerId, @Nullable String peerName,
			@Schema(description = "the operator who started the job or rollback") @Nullable String startedBy,
			@Nullable UUID rollbackOf,
			@Schema(description = "the rollback that undid this entry, if one did") @Nullable UUID rolledBackBy,
			HistoryCounts counts, @Schema(description = "items whose content it changed") long items){
	}

	/** What an apply counted, per kind. */
	record HistoryCounts(KindCounts applied, KindCounts changed, KindCounts deleted) {
	}

	record HistoryPage(List<HistoryEntry> items, int page, int size, long total) {
	}

	/** An entry with one page of its items. */
	record HistoryDetail(HistoryEntry entry, List<HistoryItem> items, int page, int size, long total) {
	}

	/** One item an entry changed: before and after, and the fields that differ. */
	record HistoryItem(@Schema(allowableValues = {
			"nodes", "clusters", "ssh_keys", "configurations" }) String kind, String key,
			@Schema(allowableValues = { "created", "changed", "deleted" }) String action,
			@Schema(description = "the item before; null when it did not exist") @Nullable JsonNode before,
			@Schema(description = "the item after; null when deleted") @Nullable JsonNode after,
			@Nullable String beforeHash, @Nullable String afterHash, List<HistoryChange> changes){
	}

	record HistoryChange(@Schema(example = "ip") String field, @Nullable JsonNode before, @Nullable JsonNode after) {
	}

	/** What a rollback did, or would do. */
	record RollbackResult(
			@Schema(description = "the rollback's own history entry; null for a dry run") @Nullable UUID historyId,
			UUID rollbackOf, boolean dryRun, KindCounts restored, KindCounts deleted, KindCounts kept,
			@Schema(description = "items changed again since the entry (at most 1000 listed)") List<RollbackConflict> conflicts,
			long conflictCount) {
	}

	/**
	 * An item changed since the entry: rolling back would overwrite that change.
	 */
	record RollbackConflict(String kind, String key,
			@Schema(description = "what the entry left; null: it deleted the item") @Nullable String expectedHash,
			@Schema(description = "what the item is now; null: it is gone") @Nullable String currentHash) {
	}

}
