package org.orchestrator.livesync.cli;

import java.io.PrintWriter;

import org.orchestrator.livesync.client.model.JobItem;
import org.orchestrator.livesync.client.model.Phase;
import org.orchestrator.livesync.client.model.Progress;

/**
 * Shows a job's events: on a terminal one line redrawn in place with a progress bar;
 * otherwise plain lines a log can keep (phases, and progress at most once per second).
 * Items the job left alone get a line each, in words, up to
 * {@link ComparisonReport#MAX_SHOWN}.
 */
final class ProgressDisplay {

	private static final int BAR = 30;

	private final PrintWriter out;

	private final boolean terminal;

	private String phase = "";

	private long lastPlainLine;

	private Progress progress;

	private JobEvents.Event end;

	private int skippedShown;

	/** A both-ways job: the counts show each direction too. */
	private final boolean bothWays;

	ProgressDisplay(PrintWriter out, boolean terminal) {
		this(out, terminal, false);
	}

	ProgressDisplay(PrintWriter out, boolean terminal, boolean bothWays) {
		this.out = out;
		this.terminal = terminal;
		this.bothWays = bothWays;
	}

	void show(JobEvents.Event event) {
		switch (event.name()) {
			case "phase" -> {
				this.phase = ((Phase) event.data()).getPhase().getValue();
				if (!this.terminal) {
					this.out.println("phase: " + this.phase);
				}
			}
			case "progress" -> {
				this.progress = (Progress) event.data();
				long now = System.currentTimeMillis();
				if (!this.terminal && now - this.lastPlainLine >= 1000) {
					this.out.println("progress: " + counts());
					this.lastPlainLine = now;
				}
			}
			case "item" -> {
				if (event.data() instanceof JobItem item && item.getStatus() != null && leftAlone(item.getStatus())) {
					showLeftAlone(item);
				}
			}
			case "completed", "failed" -> this.end = event;
			default -> {
			}
		}
		if (this.terminal) {
			this.out.print("\r" + bar() + " " + counts() + "  " + this.phase + "    ");
			if (this.end != null) {
				this.out.println();
			}
		}
		else if (this.end != null && this.progress != null) {
			this.out.println("progress: " + counts());
		}
		this.out.flush();
	}

	/** What happened to an item, in words. */
	static String words(JobItem.StatusEnum status) {
		return switch (status) {
			case SENT -> "sent";
			case DELETE_SENT -> "deletion sent";
			case IN_SYNC -> "already alike, recorded as synced";
			case SKIPPED_CONFLICT ->
				"conflict, left alone: --prefer local, remote or newest decides it (or resolve it field by field in the web UI)";
			case SKIPPED_REMOTE_ONLY -> "skipped: only on the remote";
			case SKIPPED_CHANGED_ON_REMOTE -> "changed on the remote: pull or sync both ways to take it";
			case CHANGED_SINCE_COMPARE -> "left alone: changed since the comparison (compare again to see it)";
			case RECEIVED -> "received";
			case DELETE_RECEIVED -> "deletion received";
			case SKIPPED_LOCAL_ONLY -> "skipped: only on this server";
			case SKIPPED_CHANGED_HERE -> "changed on this server: push or sync both ways to send it";
			case MERGE_SENT -> "merge of both sides' changes sent";
			case MERGED -> "merged: both sides have both changes";
		};
	}

	private static boolean leftAlone(JobItem.StatusEnum status) {
		return status.getValue().startsWith("skipped") || status == JobItem.StatusEnum.CHANGED_SINCE_COMPARE;
	}

	private void showLeftAlone(JobItem item) {
		if (this.skippedShown > ComparisonReport.MAX_SHOWN) {
			return;
		}
		String line = (++this.skippedShown > ComparisonReport.MAX_SHOWN)
				? "more items were left alone: the summary counts them"
				: kind(item) + " " + item.getKey() + ": " + words(item.getStatus());
		// On a terminal, over the progress line, which is drawn again below it.
		this.out.println(this.terminal ? "\r" + line + " ".repeat(20) : line);
	}

	private static String kind(JobItem item) {
		String section = (item.getKind() != null) ? item.getKind().getValue() : "";
		for (String[] kind : ComparisonReport.KINDS) {
			if (kind[0].equals(section)) {
				return kind[1];
			}
		}
		return section;
	}

	JobEvents.Event end() {
		return this.end;
	}

	private String bar() {
		long total = (this.progress != null) ? this.progress.getTotal() : 0;
		long done = (this.progress != null) ? this.progress.getDone() : 0;
		int filled = (total > 0) ? (int) Math.min(BAR, done * BAR / total) : 0;
		return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
	}

	private String counts() {
		if (this.progress == null) {
			return "0/0 items";
		}
		String directions = "";
		if (this.bothWays && this.progress.getPushed() != null && this.progress.getPulled() != null) {
			directions = " (→ " + this.progress.getPushed().getDone() + "/" + this.progress.getPushed().getTotal()
					+ ", ← " + this.progress.getPulled().getDone() + "/" + this.progress.getPulled().getTotal() + ")";
		}
		return this.progress.getDone() + "/" + this.progress.getTotal() + " items" + directions + ", "
				+ bytes(this.progress.getBytes());
	}

	private static String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format("%.1f KB", bytes / 1024.0);
		}
		return String.format("%.1f MB", bytes / (1024.0 * 1024));
	}

}
