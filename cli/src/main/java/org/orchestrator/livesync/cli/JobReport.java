package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.orchestrator.livesync.client.model.Completed;
import org.orchestrator.livesync.client.model.Failed;
import org.orchestrator.livesync.client.model.ItemKey;
import org.orchestrator.livesync.client.model.KindCounts;
import org.orchestrator.livesync.client.model.SideResult;
import org.orchestrator.livesync.client.model.StartJobRequest.DirectionEnum;

/**
 * How a sync job ended, for {@code sync}: in words (totals, and each direction's counts
 * for a both-ways job), or as the end event's JSON; and the exit code either way.
 */
final class JobReport {

	private final PrintWriter out;

	private final String remoteName;

	private final DirectionEnum direction;

	JobReport(PrintWriter out, String remoteName, DirectionEnum direction) {
		this.out = out;
		this.remoteName = remoteName;
		this.direction = direction;
	}

	/**
	 * The exit code of a job whose events went out as JSON: a failure, or a job that did
	 * not verify, still exits as one.
	 */
	int json(JobEvents.Event end) {
		Completed result = completed(end);
		if (!Boolean.TRUE.equals(result.getDryRun()) && !Boolean.TRUE.equals(result.getVerified())) {
			throw notVerified(result);
		}
		return 0;
	}

	int words(JobEvents.Event end) {
		Completed result = completed(end);
		boolean dryRun = Boolean.TRUE.equals(result.getDryRun());
		String what = dryRun ? "Dry run against" : switch (this.direction) {
			case PULL -> "Pulled from";
			case BOTH -> "Synced both ways with";
			default -> "Synced to";
		};
		this.out.printf("%s %s: applied %s; changed %s; deleted %s; skipped %d; %.1f s.%n", what, this.remoteName,
				counts(result.getApplied()), counts(result.getChanged()), counts(result.getDeleted()),
				orZero(result.getSkipped()), orZero(result.getDurationMs()) / 1000.0);
		if (this.direction == DirectionEnum.BOTH) {
			side("→ " + this.remoteName, result.getPushed());
			side("← this server", result.getPulled());
		}
		leftAlone(pullOnly() ? List.of() : changedSinceCompare(result.getPushed()), this.remoteName);
		leftAlone(pushOnly() ? List.of() : changedSinceCompare(result.getPulled()), "this server");
		if (dryRun) {
			this.out.println("Nothing was changed (dry run).");
			return 0;
		}
		if (!Boolean.TRUE.equals(result.getVerified())) {
			throw notVerified(result);
		}
		this.out.println(switch (this.direction) {
			case PULL -> "Verified: this server now has exactly what was pulled.";
			case BOTH -> "Verified: each server now has exactly what the other sent it.";
			default -> "Verified: the remote now has exactly what was sent.";
		});
		return 0;
	}

	private Completed completed(JobEvents.Event end) {
		if (end == null) {
			throw new CliFailure(CliFailure.SYNC_FAILED, "the event stream ended before the job did", "stream-ended");
		}
		if (end.data() instanceof Failed failed) {
			String detail = (failed.getProblem() != null) ? failed.getProblem().getDetail() : null;
			if (failed.getConstraintConflicts() != null && !failed.getConstraintConflicts().isEmpty()) {
				this.out.println("Refused before anything moved: the sync would break these inventory rules.");
				failed.getConstraintConflicts()
					.forEach((conflict) -> this.out.println("  " + ComparisonReport
						.constraintLine(conflict.getMessage(), conflict.getFix(), conflict.getAlsoSelect())));
				this.out.flush();
			}
			String code = (failed.getProblem() != null) ? failed.getProblem().getCode() : null;
			throw new CliFailure(CliFailure.SYNC_FAILED,
					"sync failed: " + ((detail != null) ? detail : "unknown reason"),
					(code != null) ? code : "sync-failed");
		}
		return (Completed) end.data();
	}

	private static CliFailure notVerified(Completed result) {
		return new CliFailure(CliFailure.SYNC_FAILED,
				"applied, but verification found differences: " + String.join("; ", result.getMismatches()),
				"not-verified");
	}

	/** One direction's line of a both-ways job. */
	private void side(String to, SideResult side) {
		if (side == null) {
			return;
		}
		this.out.printf("  %s: applied %s; deleted %s; skipped %d%n", to, counts(side.getApplied()),
				counts(side.getDeleted()), orZero(side.getSkipped()));
	}

	private void leftAlone(List<ItemKey> items, String where) {
		if (!items.isEmpty()) {
			this.out.printf("Left alone on %s, changed there since the comparison (compare again to see): %s%n", where,
					String.join(", ", items.stream().map((item) -> item.getKind() + ":" + item.getKey()).toList()));
		}
	}

	private boolean pushOnly() {
		return this.direction == DirectionEnum.PUSH;
	}

	private boolean pullOnly() {
		return this.direction == DirectionEnum.PULL;
	}

	private static List<ItemKey> changedSinceCompare(SideResult side) {
		return (side != null && side.getChangedSinceCompare() != null) ? side.getChangedSinceCompare() : List.of();
	}

	static String counts(KindCounts counts) {
		List<String> parts = new ArrayList<>();
		if (counts != null) {
			add(parts, counts.getNodes(), "nodes");
			add(parts, counts.getClusters(), "clusters");
			add(parts, counts.getSshKeys(), "ssh keys");
			add(parts, counts.getConfigurations(), "configurations");
		}
		return parts.isEmpty() ? "nothing" : String.join(", ", parts);
	}

	private static void add(List<String> parts, Long count, String kind) {
		if (count != null && count > 0) {
			parts.add(count + " " + kind);
		}
	}

	private static long orZero(Long value) {
		return (value != null) ? value : 0;
	}

}
