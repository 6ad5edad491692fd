package org.orchestrator.livesync.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run: each measurement's median, min and max, memory, and the ratio
 * to pg_dump.
 */
final class Report {

	private final Map<String, Object> json = new LinkedHashMap<>();

	private final List<String[]> rows = new ArrayList<>();

	private final Map<String, Object> memory = new LinkedHashMap<>();

	Report(int nodes, Inventory inventory, int reps, String heap) {
		this.json.put("date", Instant.now().toString());
		this.json.put("nodes", nodes);
		this.json.put("clusters", inventory.clusters());
		this.json.put("ssh_keys", inventory.sshKeys());
		this.json.put("configurations", inventory.configurations());
		this.json.put("repetitions", reps);
		this.json.put("heap_cap", heap);
		this.json.put("cores", Runtime.getRuntime().availableProcessors());
	}

	void single(String name, double seconds) {
		this.rows.add(new String[] { name, format(seconds), "", "" });
		this.json.put(key(name), Map.of("seconds", seconds));
	}

	void series(String name, List<Double> seconds) {
		List<Double> sorted = new ArrayList<>(seconds);
		sorted.sort(null);
		double median = sorted.get(sorted.size() / 2);
		if (sorted.size() % 2 == 0) {
			median = (sorted.get(sorted.size() / 2 - 1) + median) / 2;
		}
		this.rows
			.add(new String[] { name, format(median), format(sorted.get(0)), format(sorted.get(sorted.size() - 1)) });
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("median_seconds", median);
		figures.put("min_seconds", sorted.get(0));
		figures.put("max_seconds", sorted.get(sorted.size() - 1));
		figures.put("runs", seconds);
		this.json.put(key(name), figures);
	}

	void memory(double heapA, double heapB, double rssA, double rssB) {
		this.memory.merge("peak_heap_mib_a", heapA, (x, y) -> Math.max((double) x, (double) y));
		this.memory.merge("peak_heap_mib_b", heapB, (x, y) -> Math.max((double) x, (double) y));
		this.memory.merge("peak_rss_mib_a", rssA, (x, y) -> Math.max((double) x, (double) y));
		this.memory.merge("peak_rss_mib_b", rssB, (x, y) -> Math.max((double) x, (double) y));
	}

	@SuppressWarnings("unchecked")
	void ratio(List<Double> fullSync, List<Double> pgDump) {
		Map<String, Object> full = (Map<String, Object>) this.json
			.get(key("full sync A→B, everything (session + job)"));
		Map<String, Object> raw = (Map<String, Object>) this.json
			.get(key("pg_dump | psql of the same rows (ssh_keys, nodes)"));
		double ratio = (double) full.get("median_seconds") / (double) raw.get("median_seconds");
		Map<String, Object> fullSyncJson = new LinkedHashMap<>(full);
		fullSyncJson.put("ratio_to_pg_dump", ratio);
		fullSyncJson.putAll(this.memory);
		this.json.put("full_sync", fullSyncJson);
		this.json.put("pg_dump", raw);
		this.rows.add(new String[] { "full sync / pg_dump (medians)", String.format("%.2fx", ratio), "", "" });
	}

	void print(PrintStream out) {
		out.println();
		out.printf("%-52s %10s %10s %10s%n", "measurement", "median", "min", "max");
		for (String[] row : this.rows) {
			out.printf("%-52s %10s %10s %10s%n", (Object[]) row);
		}
		out.printf("%-52s %10s%n", "peak heap during full sync, A / B (MiB)",
				String.format("%.0f / %.0f", this.memory.get("peak_heap_mib_a"), this.memory.get("peak_heap_mib_b")));
		out.printf("%-52s %10s%n", "peak RSS during full sync, A / B (MiB)",
				String.format("%.0f / %.0f", this.memory.get("peak_rss_mib_a"), this.memory.get("peak_rss_mib_b")));
		out.println();
	}

	Map<String, Object> json() {
		return this.json;
	}

	private static String key(String name) {
		return name.strip().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "").toLowerCase(java.util.Locale.ROOT);
	}

	private static String format(double seconds) {
		return String.format("%.2f s", seconds);
	}

}
