package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.List;

import org.orchestrator.livesync.client.model.RollbackConflict;
import org.orchestrator.livesync.client.model.RollbackResult;

/**
 * What a rollback did, would do (a dry run), or why it was refused: the items changed
 * again since the entry, what became of each, and the options that go through anyway.
 */
final class RollbackReport {

	private final PrintWriter out;

	private final boolean force;

	private final List<ItemKinds.Named> kept;

	RollbackReport(PrintWriter out, boolean force, List<ItemKinds.Named> kept) {
		this.out = out;
		this.force = force;
		this.kept = kept;
	}

	void words(RollbackResult result) {
		boolean dryRun = Boolean.TRUE.equals(result.getDryRun());
		this.out.printf("%s %s on this server: %s %s; %s %s; kept %s.%n",
				dryRun ? "Dry run: rolling back" : "Rolled back", result.getRollbackOf(),
				dryRun ? "would restore" : "restored", JobReport.counts(result.getRestored()),
				dryRun ? "would delete" : "deleted", JobReport.counts(result.getDeleted()),
				JobReport.counts(result.getKept()));
		if (!result.getConflicts().isEmpty()) {
			this.out.println("Changed again since this entry:");
			conflicts(result, dryRun);
		}
		if (dryRun) {
			List<RollbackConflict> blocking = blocking(result);
			if (!blocking.isEmpty()) {
				this.out.println("A rollback like this would be refused, nothing rolled back.");
				hint(blocking);
			}
			this.out.println("Nothing was changed (dry run).");
		}
		else if (result.getHistoryId() != null) {
			this.out.printf("The rollback is history entry %s (it can be rolled back in turn).%n",
					result.getHistoryId());
		}
		this.out.flush();
	}

	/** A rollback refused for items changed since: each of them, and the way through. */
	void refused(RollbackResult dryRun) {
		this.out.println("Refused, nothing rolled back: items were changed again since this entry.");
		conflicts(dryRun, false);
		if (!blocking(dryRun).isEmpty()) {
			hint(blocking(dryRun));
		}
		this.out.flush();
	}

	private void conflicts(RollbackResult result, boolean dryRun) {
		for (RollbackConflict conflict : result.getConflicts()) {
			String how = (conflict.getCurrentHash() == null) ? "deleted since" : (conflict.getExpectedHash() == null)
					? "created again since (the entry deleted it)" : "changed since";
			String fate = this.kept.contains(named(conflict)) ? ", kept as it is (--keep)"
					: this.force ? (dryRun ? ", would be overwritten (--force)" : ", overwritten (--force)") : "";
			this.out.printf("  ⚠ %s %s: %s%s%n", ItemKinds.option(conflict.getKind()), conflict.getKey(), how, fate);
		}
		long unlisted = result.getConflictCount() - result.getConflicts().size();
		if (unlisted > 0) {
			this.out.printf("  … and %d more.%n", unlisted);
		}
	}

	private void hint(List<RollbackConflict> blocking) {
		List<String> keep = blocking.stream()
			.limit(ComparisonReport.MAX_SHOWN)
			.map((conflict) -> "--keep " + named(conflict))
			.toList();
		boolean one = blocking.size() == 1;
		this.out.printf("To roll back anyway: --force overwrites %s, or %s%s leaves %s as %s now.%n",
				one ? "it" : "them", String.join(" ", keep), (blocking.size() > keep.size()) ? " …" : "",
				one ? "it" : "them", one ? "it is" : "they are");
	}

	/** The conflicts neither kept nor forced: what the server refuses a rollback for. */
	private List<RollbackConflict> blocking(RollbackResult result) {
		if (this.force) {
			return List.of();
		}
		return result.getConflicts().stream().filter((conflict) -> !this.kept.contains(named(conflict))).toList();
	}

	private static ItemKinds.Named named(RollbackConflict conflict) {
		return new ItemKinds.Named(conflict.getKind(), conflict.getKey());
	}

}
