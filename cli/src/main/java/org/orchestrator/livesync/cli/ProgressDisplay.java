package org.orchestrator.livesync.cli;

import java.io.PrintWriter;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.orchestrator.livesync.client.model.JobItem;
import org.orchestrator.livesync.client.model.Phase;
import org.orchestrator.livesync.client.model.Progress;

/**
 * Shows a job's events: on a terminal one line redrawn in place, a progress bar with rate
 * and ETA (me.tongfei:progressbar) of the items that move; otherwise plain lines a log
 * can keep (phases, and progress at most once per second). Items the job left alone get a
 * line each, in words, up to {@link ComparisonReport#MAX_SHOWN}.
 */
final class ProgressDisplay {

	/** The bar's line, at most; terminals are at least this wide. */
	private static final int WIDTH = 100;

	private final PrintWriter out;

	private final boolean terminal;

	private String phase = "";

	private long lastPlainLine;

	private Progress progress;

	private JobEvents.Event end;

	private int skippedShown;

	/** A both-ways job: the counts show each direction too. */
	private final boolean bothWays;

	/** On a terminal, from the first event to the end. */
	private ProgressBar bar;

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
			draw();
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
		this.out.println(this.terminal ? "\r" + line + " ".repeat(Math.max(0, WIDTH - line.length())) : line);
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

	/** The job's last event, or null when the stream ended without one. */
	JobEvents.Event end() {
		if (this.bar != null && this.end == null) {
			this.bar.close();
			this.out.println();
			this.out.flush();
		}
		return this.end;
	}

	/**
	 * The bar follows the items that move (the total is known once the job has counted
	 * them); the phase, the bytes and each direction's counts are its message. The
	 * library redraws it on its own thread, with the rate and the time left.
	 */
	private void draw() {
		if (this.bar == null) {
			this.bar = new ProgressBarBuilder().setTaskName("sync")
				.setInitialMax(-1)
				.setUnit(" items", 1)
				.showSpeed()
				.setStyle(ProgressBarStyle.ASCII)
				.setUpdateIntervalMillis(200)
				.setConsumer(new DelegatingProgressBarConsumer((line) -> this.out.print("\r" + line), WIDTH))
				.build();
		}
		if (this.progress != null && this.progress.getTotal() != null && this.progress.getTotal() > 0) {
			this.bar.maxHint(this.progress.getTotal());
			this.bar.stepTo((this.progress.getDone() != null) ? this.progress.getDone() : 0);
		}
		this.bar.setExtraMessage(
				this.phase + ((this.progress != null) ? ", " + bytes(this.progress.getBytes()) + directions() : ""));
		if (this.end != null) {
			this.bar.close();
			this.out.println();
		}
	}

	private String counts() {
		if (this.progress == null) {
			return "0/0 items";
		}
		return this.progress.getDone() + "/" + this.progress.getTotal() + " items" + directions() + ", "
				+ bytes(this.progress.getBytes());
	}

	/** Each direction's items of a both-ways job: {@code (→ 1/2, ← 0/1)}. */
	private String directions() {
		if (!this.bothWays || this.progress.getPushed() == null || this.progress.getPulled() == null) {
			return "";
		}
		return " (→ " + this.progress.getPushed().getDone() + "/" + this.progress.getPushed().getTotal() + ", ← "
				+ this.progress.getPulled().getDone() + "/" + this.progress.getPulled().getTotal() + ")";
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
