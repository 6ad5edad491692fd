package org.orchestrator.livesync.cli;

import java.io.PrintWriter;

import tools.jackson.databind.JsonNode;

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

	private JsonNode progress;

	private ApiClient.Event end;

	ProgressDisplay(PrintWriter out, boolean terminal) {
		this.out = out;
		this.terminal = terminal;
	}

	void show(ApiClient.Event event) {
		switch (event.name()) {
			case "phase" -> {
				this.phase = event.data().path("phase").asString();
				if (!this.terminal) {
					this.out.println("phase: " + this.phase);
				}
			}
			case "progress" -> {
				this.progress = event.data();
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

	ApiClient.Event end() {
		return this.end;
	}

	private String bar() {
		long total = (this.progress != null) ? this.progress.path("total").asLong() : 0;
		long done = (this.progress != null) ? this.progress.path("done").asLong() : 0;
		int filled = (total > 0) ? (int) Math.min(BAR, done * BAR / total) : 0;
		return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
	}

	private String counts() {
		if (this.progress == null) {
			return "0/0 items";
		}
		return this.progress.path("done").asLong() + "/" + this.progress.path("total").asLong() + " items, "
				+ bytes(this.progress.path("bytes").asLong());
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
