package org.orchestrator.livesync.sync.internal.compare;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.sync.internal.constraint.ConstraintConflict;

/**
 * The result of a compare, grouped as in the seed: per kind, per status, plus a summary.
 * The summary counts everything; each list holds at most {@link #MAX_LISTED} entries
 * ({@code truncated} says when one was cut), so a compare of a million items stays small.
 */
public record Comparison(Summary summary,
		@Schema(description = "the summary of each kind: complete counts, where the lists below are cut at "
				+ MAX_LISTED + " entries per status") KindSummaries counts,
		boolean truncated, KindComparison nodes, KindComparison clusters, KindComparison sshKeys,
		KindComparison configurations,
		@Schema(description = "how the compare was done: incremental or full, and why") @Nullable CompareMethod method,
		@Schema(description = "the inventory rules a sync of everything both ways would break on either "
				+ "server (duplicate IP, node in two clusters, a reference to an item that side would not have), "
				+ "each with its fix; absent when there were too many moving items to check ahead (a job checks "
				+ "its own selection before it moves anything)") @Nullable List<ConstraintConflict> constraintConflicts) {

	public Comparison(Summary summary, boolean truncated, KindComparison nodes, KindComparison clusters,
			KindComparison sshKeys, KindComparison configurations, CompareMethod method) {
		this(summary, null, truncated, nodes, clusters, sshKeys, configurations, method, null);
	}

	/** The same comparison with the constraint conflicts found for it. */
	public Comparison withConstraintConflicts(List<ConstraintConflict> conflicts) {
		return new Comparison(this.summary, this.counts, this.truncated, this.nodes, this.clusters, this.sshKeys,
				this.configurations, this.method, conflicts);
	}

	/** The lists of one kind. */
	public KindComparison of(ItemKind kind) {
		return switch (kind) {
			case NODE -> this.nodes;
			case CLUSTER -> this.clusters;
			case SSH_KEY -> this.sshKeys;
			case CONFIGURATION -> this.configurations;
		};
	}

	public static final int MAX_LISTED = 10_000;

	/** How many items have each status, over all kinds. */
	public record Summary(long identical, long different, long missingOnRemote, long missingOnLocal, long conflict,
			long deletedOnRemote, long deletedOnLocal,
			@Schema(description = "changed on both sides in different fields: merged") long merged, long total) {
	}

	/**
	 * The {@link Summary} of each kind. Beside the lists rather than in them: the lists'
	 * keys are the statuses, which clients iterate.
	 */
	public record KindSummaries(Summary nodes, Summary clusters, Summary sshKeys, Summary configurations) {
	}

	/** The items of one kind, by status. */
	public record KindComparison(@Schema(description = "🟢") List<ComparisonEntry> identical,
			@Schema(description = "🟡") List<ComparisonEntry> different,
			@Schema(description = "🔵") List<ComparisonEntry> missingOnRemote,
			@Schema(description = "⚪") List<ComparisonEntry> missingOnLocal,
			@Schema(description = "🔴") List<ComparisonEntry> conflict, List<ComparisonEntry> deletedOnRemote,
			List<ComparisonEntry> deletedOnLocal,
			@Schema(description = "changed on both sides in different fields: merged") List<ComparisonEntry> merged) {

		/** Every list, in the order of {@link ComparisonStatus}. */
		public List<List<ComparisonEntry>> all() {
			return java.util.Arrays.asList(this.identical, this.different, this.missingOnRemote, this.missingOnLocal,
					this.conflict, this.deletedOnRemote, this.deletedOnLocal, this.merged);
		}

	}

	/** Gathers streamed entries into a {@link Comparison}. */
	public static final class Collector {

		private final Map<ItemKind, Map<ComparisonStatus, List<ComparisonEntry>>> entries = new EnumMap<>(
				ItemKind.class);

		private final long[][] counts = new long[ItemKind.values().length][ComparisonStatus.values().length];

		private boolean truncated;

		private CompareMethod method;

		/** How the compare was done. */
		public Collector method(CompareMethod method) {
			this.method = method;
			return this;
		}

		public Collector add(ClassifiedItem item) {
			this.counts[item.kind().ordinal()][item.status().ordinal()]++;
			List<ComparisonEntry> list = this.entries
				.computeIfAbsent(item.kind(), (k) -> new EnumMap<>(ComparisonStatus.class))
				.computeIfAbsent(item.status(), (s) -> new ArrayList<>());
			if (list.size() < MAX_LISTED) {
				list.add(item.entry());
			}
			else {
				this.truncated = true;
			}
			return this;
		}

		/**
		 * Counts {@code count} identical items without listing them: those beyond the
		 * lists' cap of a compare that listed what it did not compare one by one.
		 */
		public Collector identicalUnlisted(ItemKind kind, long count) {
			this.counts[kind.ordinal()][ComparisonStatus.IDENTICAL.ordinal()] += count;
			if (count > 0) {
				this.truncated = true;
			}
			return this;
		}

		public Comparison build() {
			long[] all = new long[ComparisonStatus.values().length];
			for (long[] kind : this.counts) {
				for (int status = 0; status < all.length; status++) {
					all[status] += kind[status];
				}
			}
			KindSummaries counts = new KindSummaries(summary(this.counts[ItemKind.NODE.ordinal()]),
					summary(this.counts[ItemKind.CLUSTER.ordinal()]), summary(this.counts[ItemKind.SSH_KEY.ordinal()]),
					summary(this.counts[ItemKind.CONFIGURATION.ordinal()]));
			return new Comparison(summary(all), counts, this.truncated, kind(ItemKind.NODE), kind(ItemKind.CLUSTER),
					kind(ItemKind.SSH_KEY), kind(ItemKind.CONFIGURATION), this.method, null);
		}

		private static Summary summary(long[] counts) {
			return new Summary(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7],
					java.util.Arrays.stream(counts).sum());
		}

		private KindComparison kind(ItemKind kind) {
			Map<ComparisonStatus, List<ComparisonEntry>> byStatus = this.entries.getOrDefault(kind, Map.of());
			return new KindComparison(list(byStatus, ComparisonStatus.IDENTICAL),
					list(byStatus, ComparisonStatus.DIFFERENT), list(byStatus, ComparisonStatus.MISSING_ON_REMOTE),
					list(byStatus, ComparisonStatus.MISSING_ON_LOCAL), list(byStatus, ComparisonStatus.CONFLICT),
					list(byStatus, ComparisonStatus.DELETED_ON_REMOTE),
					list(byStatus, ComparisonStatus.DELETED_ON_LOCAL), list(byStatus, ComparisonStatus.MERGED));
		}

		private static List<ComparisonEntry> list(Map<ComparisonStatus, List<ComparisonEntry>> byStatus,
				ComparisonStatus status) {
			return List.copyOf(byStatus.getOrDefault(status, List.of()));
		}

	}

}
