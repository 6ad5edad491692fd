package org.orchestrator.livesync.sync.internal.job;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.sync.internal.constraint.ConstraintConflict;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.system.Problem;

/**
 * The one event schema of a job's live stream ({@code text/event-stream}). Each event
 * says its {@link #type()}, which is also its SSE event name, so a client that reads the
 * data alone (or a generated one, through the contract's discriminator) tells them apart.
 */
public sealed interface JobEvent {

	@JsonProperty(value = "type", index = 0)
	@Schema(requiredMode = Schema.RequiredMode.REQUIRED)
	default String type() {
		return typeOf(getClass());
	}

	/** The type of an event class: its simple name in lower case ({@code progress}). */
	static String typeOf(Class<? extends JobEvent> eventClass) {
		return eventClass.getSimpleName().toLowerCase(Locale.ROOT);
	}

	/** A stage began. */
	record Phase(JobPhase phase) implements JobEvent {
	}

	/**
	 * Items moved so far of those to move, and ciphertext bytes moved; {@code pushed} and
	 * {@code pulled} split the items by direction (a both-ways job moves both).
	 */
	record Progress(long done, long total, long bytes, SideProgress pushed, SideProgress pulled) implements JobEvent {
	}

	/** Items moved one way so far, of those to move that way. */
	record SideProgress(long done, long total) {

		static final SideProgress NONE = new SideProgress(0, 0);

	}

	/** What happened to one item (large jobs report a sample, not every item). */
	@Schema(name = "JobItem")
	record Item(@Schema(description = "the kind's name in selections", allowableValues = {
			"nodes", "clusters", "ssh_keys", "configurations" }) String kind, String key,
			@Schema(allowableValues = { "sent", "delete_sent", "in_sync", "skipped_conflict", "skipped_remote_only",
					JobRunner.CHANGED_SINCE_COMPARE, "received", "delete_received", "skipped_local_only",
					"skipped_changed_here", JobSelection.SKIPPED_CHANGED_ON_REMOTE, "merge_sent", "merged" },
					description = "merge_sent: the merge of both sides' changes went to the remote; "
							+ "merged: it came back here, and both sides have it") String status)
			implements
				JobEvent{
	}

	/**
	 * The job ended well; {@code verified} is null for a dry run, which verifies nothing.
	 * {@code changed_since_compare}: what the target left alone because it was changed
	 * there since the compare (also counted in {@code skipped}). The counts are totals of
	 * both directions; {@code pushed} and {@code pulled} say what each direction's target
	 * did (all zero for a direction the job did not take).
	 */
	record Completed(KindCounts applied, KindCounts changed, KindCounts deleted, long skipped,
			List<ItemKey> changedSinceCompare, List<String> errors, long durationMs, @Nullable Boolean verified,
			List<String> mismatches, boolean dryRun, SideResult pushed, SideResult pulled) implements JobEvent {
	}

	/**
	 * What one direction's target did with its package: the remote for {@code pushed},
	 * this server for {@code pulled}. {@code skipped}: items that direction left alone
	 * (both-ways conflicts count in the total only, as they go neither way).
	 */
	record SideResult(KindCounts applied, KindCounts changed, KindCounts deleted, long skipped,
			List<ItemKey> changedSinceCompare) {

		static final SideResult NONE = new SideResult(KindCounts.ZERO, KindCounts.ZERO, KindCounts.ZERO, 0, List.of());

	}

	/**
	 * The job failed; nothing was applied on the target. A job refused for the inventory
	 * rules it would break lists them, each with its fix.
	 */
	record Failed(Problem problem, long durationMs,
			@Nullable List<ConstraintConflict> constraintConflicts) implements JobEvent {

		Failed(Problem problem, long durationMs) {
			this(problem, durationMs, null);
		}

	}

}
