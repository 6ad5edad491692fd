package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
			{ "deleted_on_local", "✖", "deleted on local" }, { "merged", "🟣", "merged" } };

	/** JSON section, singular words. */
	static final String[][] KINDS = { { "nodes", "node" }, { "clusters", "cluster" }, { "ssh_keys", "ssh key" },
			{ "configurations", "configuration" } };

	/**
	 * Differences listed one per line; beyond that a count (a terminal is no place for a
	 * million lines).
	 */
	static final int MAX_SHOWN = 50;

	/** The most entries the server lists per kind and status. */
	private static final int LISTED = 10_000;

	private ComparisonReport() {
	}

	/**
	 * How many items of a kind have a status: the kind's complete count, or (from a
	 * server that does not send one) the length of its list, which is capped.
	 */
	static long count(JsonNode comparison, String kind, String status) {
		JsonNode counted = comparison.path("counts").path(kind).path(status);
		return counted.isNumber() ? counted.asLong() : comparison.path(kind).path(status).size();
	}

	/**
	 * Whether a list of differences is shorter than its count (identical items of kinds
	 * whose digests agree are not listed, and need not be).
	 */
	private static boolean cut(JsonNode comparison) {
		for (String[] kind : KINDS) {
			for (String[] status : STATUSES) {
				if (!status[0].equals("identical")
						&& count(comparison, kind[0], status[0]) > comparison.path(kind[0]).path(status[0]).size()) {
					return true;
				}
			}
		}
		return false;
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
				out.printf("%18d", count(comparison, kind[0], status[0]));
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
			out.printf("... and %d more (compare --json lists them%s).%n", differences - MAX_SHOWN,
					cut(comparison) ? ", up to " + LISTED + " per kind and status" : "");
		}
		if (cut(comparison)) {
			out.println("(Lists are cut at " + LISTED + " entries per status; the counts above are complete.)");
		}
		long conflicts = comparison.path("summary").path("conflict").asLong();
		if (conflicts > 0) {
			out.printf(
					"%d conflict%s need%s a decision: --prefer local, remote or newest (with --direction both, "
							+ "only the fields changed on both sides), or resolve field by field in the web UI.%n",
					conflicts, (conflicts > 1) ? "s" : "", (conflicts > 1) ? "" : "s");
		}
		JsonNode rules = comparison.path("constraint_conflicts");
		if (rules.isArray() && !rules.isEmpty()) {
			out.println("A sync of everything would break these inventory rules:");
			for (JsonNode rule : rules) {
				Map<String, List<String>> alsoSelect = new LinkedHashMap<>();
				rule.path("also_select").fields().forEachRemaining((entry) -> {
					List<String> keys = new ArrayList<>();
					entry.getValue().forEach((key) -> keys.add(key.asText()));
					alsoSelect.put(entry.getKey(), keys);
				});
				out.println(
						"  " + constraintLine(rule.path("message").asText(), rule.path("fix").asText(), alsoSelect));
			}
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

	/**
	 * One broken rule in words: where, what, and the fix, with the {@code --select}
	 * options that make it when there are some.
	 */
	static String constraintLine(String message, String fix, Map<String, ?> alsoSelect) {
		StringBuilder line = new StringBuilder("⚠ ").append(message).append(": ").append(fix);
		if (alsoSelect != null && !alsoSelect.isEmpty()) {
			List<String> options = new ArrayList<>();
			alsoSelect.forEach((section, keys) -> {
				String kind = section.endsWith("s") ? section.substring(0, section.length() - 1) : section;
				Collection<?> each = (keys instanceof Collection<?> many) ? many : List.of(keys);
				each.forEach((key) -> options.add("--select " + kind + ":" + key));
			});
			line.append(" (").append(String.join(" ", options)).append(")");
		}
		return line.toString();
	}

	private static String details(JsonNode entry) {
		List<String> parts = new ArrayList<>();
		for (JsonNode change : entry.path("changes")) {
			String field = change.path("field").asText();
			String part = field + ": " + value(field, change.get("local")) + " → " + value(field, change.get("remote"));
			if (change.path("conflict").asBoolean(false)) {
				part += " (changed on both sides, was " + value(field, change.get("base")) + ")";
			}
			else if (change.has("changed_on") && change.has("base")) {
				part += " (changed " + ("local".equals(change.path("changed_on").asText()) ? "here" : "there") + ")";
			}
			parts.add(part);
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
