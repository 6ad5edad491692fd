package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A comparison for people: counts by kind and status, then each difference with its
 * fields.
 */
final class ComparisonReport {

	/** JSON name, seed icon, words. */
	static final String[][] STATUSES = { { "identical", "🟢", "identical" }, { "different", "🟡", "different" },
			{ "missing_on_remote", "🔵", "missing on remote" }, { "missing_on_local", "⚪", "missing on local" },
			{ "conflict", "🔴", "conflict" }, { "deleted_on_remote", "✖", "deleted on remote" },
			{ "deleted_on_local", "✖", "deleted on local" } };

	/** JSON section, singular words. */
	static final String[][] KINDS = { { "nodes", "node" }, { "clusters", "cluster" }, { "ssh_keys", "ssh key" },
			{ "configurations", "configuration" } };

	/**
	 * Differences listed one per line; beyond that a count (a terminal is no place for a
	 * million lines).
	 */
	static final int MAX_SHOWN = 50;

	private ComparisonReport() {
	}

	static String summaryLine(JsonNode comparison) {
		JsonNode summary = comparison.get("summary");
		List<String> parts = new ArrayList<>();
		for (String[] status : STATUSES) {
			long count = summary.path(status[0]).asLong();
			if (count > 0 || !status[0].startsWith("deleted")) {
				parts.add(status[1] + " " + count + " " + status[2]);
			}
		}
		return String.join("  ", parts);
	}

	static void print(JsonNode session, PrintWriter out) {
		JsonNode comparison = session.get("comparison");
		JsonNode remote = session.get("remote");
		out.printf("Compared with %s (%s)%n%n", remote.path("name").asText(), remote.path("url").asText());
		out.printf("%-15s", "");
		for (String[] status : STATUSES) {
			out.printf("%18s", status[2]);
		}
		out.println();
		for (String[] kind : KINDS) {
			out.printf("%-15s", kind[0]);
			for (String[] status : STATUSES) {
				out.printf("%18d", comparison.path(kind[0]).path(status[0]).size());
			}
			out.println();
		}
		out.println();
		int shown = 0;
		long differences = comparison.path("summary").path("total").asLong()
				- comparison.path("summary").path("identical").asLong();
		for (String[] kind : KINDS) {
			for (String[] status : STATUSES) {
				if (status[0].equals("identical")) {
					continue;
				}
				for (JsonNode entry : comparison.path(kind[0]).path(status[0])) {
					if (shown++ < MAX_SHOWN) {
						out.printf("%s %s %s: %s%s%n", status[1], kind[1], entry.path("key").asText(), status[2],
								details(entry));
					}
				}
			}
		}
		if (differences == 0) {
			out.println("No differences.");
		}
		else if (differences > MAX_SHOWN) {
			out.printf("... and %d more (compare --json lists them).%n", differences - MAX_SHOWN);
		}
		if (comparison.path("truncated").asBoolean(false)) {
			out.println("(Lists are cut at 10000 entries per status; the counts above are complete.)");
		}
		out.println();
		out.println(summaryLine(comparison));
		String method = methodLine(comparison);
		if (method != null) {
			out.println(method);
		}
		out.flush();
	}

	/**
	 * How the server compared: incrementally (what changed since the last sync), or in
	 * full and why; null when the server does not say.
	 */
	static String methodLine(JsonNode comparison) {
		JsonNode method = comparison.path("method");
		if ("incremental".equals(method.path("mode").asText())) {
			return "Compared incrementally: " + method.path("candidates").asLong()
					+ " items changed since the last sync or were left different then.";
		}
		if ("full".equals(method.path("mode").asText())) {
			return "Compared in full: " + method.path("reason").asText("") + ".";
		}
		return null;
	}

	private static String details(JsonNode entry) {
		List<String> parts = new ArrayList<>();
		for (JsonNode change : entry.path("changes")) {
			String field = change.path("field").asText();
			parts.add(field + ": " + value(field, change.get("local")) + " → " + value(field, change.get("remote")));
		}
		String changedOn = entry.path("changed_on").asText("");
		if (!changedOn.isEmpty() && !"unknown".equals(changedOn)) {
			parts.add("changed on " + ("both".equals(changedOn) ? "both sides" : changedOn));
		}
		return parts.isEmpty() ? "" : " — " + String.join("; ", parts);
	}

	private static String value(String field, JsonNode value) {
		if (value == null || value.isNull()) {
			return "(none)";
		}
		if (value.isArray()) {
			String noun = field.substring(field.lastIndexOf('.') + 1);
			return value.size() + " " + noun;
		}
		return value.isTextual() ? value.asText() : value.toString();
	}

}
