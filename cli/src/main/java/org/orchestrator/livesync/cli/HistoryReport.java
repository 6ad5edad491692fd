package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.orchestrator.livesync.client.model.HistoryChange;
import org.orchestrator.livesync.client.model.HistoryCounts;
import org.orchestrator.livesync.client.model.HistoryEntry;
import org.orchestrator.livesync.client.model.HistoryItem;

/** History entries and their items for people: who moved what, and field by field. */
final class HistoryReport {

	/** Longer values are cut: a configuration's content does not belong on one line. */
	private static final int WIDEST_VALUE = 80;

	private HistoryReport() {
	}

	/** The peer by name, else by server id. */
	static String peer(HistoryEntry entry) {
		return Table.orDash((entry.getPeerName() != null) ? entry.getPeerName() : entry.getPeerServerId());
	}

	/** The entry's header: what, when, who, and what it counted. */
	static void entry(HistoryEntry entry, PrintWriter out) {
		String what = switch (entry.getOperation()) {
			case PUSH -> "push from " + peer(entry) + " to this server";
			case PULL -> "pull by this server from " + peer(entry);
			case ROLLBACK -> "rollback of " + entry.getRollbackOf();
		};
		out.printf("History entry %s: %s at %s%n", entry.getId(), what, Table.time(entry.getAppliedAt()));
		List<String> by = new ArrayList<>();
		if (entry.getJobId() != null) {
			by.add("job " + entry.getJobId());
		}
		by.add("started by " + Table.orDash(entry.getStartedBy()));
		if (entry.getPeerServerId() != null) {
			by.add("peer server id " + entry.getPeerServerId());
		}
		out.println("  " + String.join(", ", by));
		HistoryCounts counts = entry.getCounts();
		out.printf("  applied %s; changed %s; deleted %s (%d item%s)%n", JobReport.counts(counts.getApplied()),
				JobReport.counts(counts.getChanged()), JobReport.counts(counts.getDeleted()), entry.getItems(),
				(entry.getItems() == 1) ? "" : "s");
		if (entry.getRolledBackBy() != null) {
			out.println("  rolled back by " + entry.getRolledBackBy());
		}
		out.println();
	}

	/** {@code changed node node-01}, then one line per field: {@code ip: a → b}. */
	static void item(HistoryItem item, ObjectMapper json, PrintWriter out) {
		out.printf("%s %s %s%n", item.getAction().getValue(), ItemKinds.option(item.getKind().getValue()),
				item.getKey());
		for (HistoryChange change : item.getChanges()) {
			out.printf("    %s: %s → %s%n", change.getField(), value(change.getField(), change.getBefore(), json),
					value(change.getField(), change.getAfter(), json));
		}
	}

	/**
	 * A value on one line: text as it is (its first line, when it has several), a short
	 * list of plain values in brackets, anything else as compact JSON; cut when long.
	 */
	static String value(String field, Object value, ObjectMapper json) {
		JsonNode node = json.valueToTree(value);
		if (node == null || node.isNull() || node.isMissingNode()) {
			return "(none)";
		}
		if (node.isTextual()) {
			String[] lines = node.asText().split("\r?\n", -1);
			return (lines.length > 1) ? cut(lines[0]) + " … (" + lines.length + " lines)" : cut(lines[0]);
		}
		if (node.isArray()) {
			List<String> values = new ArrayList<>();
			node.forEach((element) -> values.add(element.isValueNode() ? element.asText() : null));
			String listed = "[" + String.join(", ", values) + "]";
			if (!values.contains(null) && listed.length() <= WIDEST_VALUE) {
				return listed;
			}
			return node.size() + " " + field.substring(field.lastIndexOf('.') + 1);
		}
		return cut(node.toString());
	}

	private static String cut(String text) {
		return (text.length() > WIDEST_VALUE) ? text.substring(0, WIDEST_VALUE - 1) + "…" : text;
	}

}
