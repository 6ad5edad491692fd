package org.orchestrator.livesync.cli;

import java.io.PrintWriter;

import org.orchestrator.livesync.client.model.Phase;
import org.orchestrator.livesync.client.model.Progress;

/**
 * Shows a job's events: on a terminal one line redrawn in place with a progress bar;
 * otherwise plain lines a log can keep (phases, and progress at most once per second).
 */
final class ProgressDisplay {

	private static final int BAR = 30;

	private final PrintWriter out;

	private final boolean terminal;

	private String phase = "";

	private long lastPlainLine;

	private Progress progress;

	private JobEvents.Event end;

	ProgressDisplay(PrintWriter out, boolean terminal) {
		this.out = out;
		this.terminal = terminal;
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
		return this.progress.getDone() + "/" + this.progress.getTotal() + " items, " + bytes(this.progress.getBytes());
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
