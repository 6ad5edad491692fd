package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.JobView;
import org.orchestrator.livesync.client.model.ScheduleView;

/**
 * Schedules in words: a table of them all, or one in full with its next five due times.
 * The API gives a schedule's last jobs by id only; their state is looked up here.
 */
final class ScheduleReport {

	private final Server api;

	private final PrintWriter out;

	ScheduleReport(Server api, PrintWriter out) {
		this.api = api;
		this.out = out;
	}

	void table(List<ScheduleView> schedules) {
		Table table = new Table("NAME", "CRON", "PEERS", "DIRECTION", "APPLY", "STATE", "NEXT RUN", "LAST JOB",
				"MISSED");
		for (ScheduleView schedule : schedules) {
			table.row(schedule.getName(), schedule.getCron(), String.join(",", schedule.getPeers()),
					schedule.getDirection(), schedule.getApply().getValue(), state(schedule),
					next(schedule.getNextRuns()), jobs(schedule.getLastJobIds()),
					String.valueOf(schedule.getMissedRuns()));
		}
		table.print(this.out);
	}

	void details(ScheduleView schedule) {
		this.out.println("Schedule " + schedule.getName() + ": " + state(schedule));
		line("cron", schedule.getCron() + " (UTC)");
		line("peers", String.join(", ", schedule.getPeers()));
		line("selection", selection(this.api.json().valueToTree(schedule.getSelection())));
		line("direction", schedule.getDirection());
		line("conflicts", schedule.getConflictPolicy());
		line("apply", schedule.getApply().getValue());
		if (schedule.getNextRuns().isEmpty()) {
			line("next runs", "none while paused");
		}
		for (int i = 0; i < schedule.getNextRuns().size(); i++) {
			line((i == 0) ? "next runs" : "", Table.time(schedule.getNextRuns().get(i)));
		}
		line("last run", Table.time(schedule.getLastRunAt()));
		line("last jobs", jobs(schedule.getLastJobIds()));
		if (schedule.getLastError() != null) {
			line("last error", schedule.getLastError());
		}
		line("missed runs", schedule.getMissedRuns()
				+ ((schedule.getLastMissedAt() != null) ? ", last at " + Table.time(schedule.getLastMissedAt()) : ""));
		line("created", Table.time(schedule.getCreatedAt()));
		line("updated", Table.time(schedule.getUpdatedAt()));
	}

	/**
	 * A saved schedule in one line:
	 * {@code Added schedule nightly: 0 0 2 * * * with east; next 2026-…}.
	 */
	void saved(ScheduleView schedule, String verb) {
		this.out.println(verb + " schedule " + schedule.getName() + ": " + schedule.getCron() + " with "
				+ String.join(", ", schedule.getPeers()) + ", " + schedule.getDirection() + "; "
				+ (Boolean.TRUE.equals(schedule.getPaused()) ? "paused" : "next run " + next(schedule.getNextRuns())));
	}

	static String state(ScheduleView schedule) {
		return Boolean.TRUE.equals(schedule.getPaused()) ? "paused" : "active";
	}

	/**
	 * {@code all}, or each kind with its keys:
	 * {@code nodes: node-01, node-02; clusters: all}.
	 */
	static String selection(JsonNode selection) {
		if (selection == null || selection.isNull()) {
			return "-";
		}
		if (selection.isTextual()) {
			return selection.asText();
		}
		List<String> kinds = new ArrayList<>();
		for (Map.Entry<String, JsonNode> kind : selection.properties()) {
			JsonNode keys = kind.getValue();
			if (keys.isNull()) {
				continue;
			}
			List<String> named = new ArrayList<>();
			keys.forEach((key) -> named.add(key.asText()));
			kinds.add(kind.getKey() + ": " + (keys.isTextual() ? keys.asText() : String.join(", ", named)));
		}
		return kinds.isEmpty() ? "nothing" : String.join("; ", kinds);
	}

	private static String next(List<OffsetDateTime> runs) {
		return runs.isEmpty() ? "-" : Table.time(runs.get(0));
	}

	/**
	 * Each job by its state and id: {@code completed 3f…, failed needs-attention 9a…}.
	 */
	private String jobs(List<String> ids) {
		if (ids.isEmpty()) {
			return "-";
		}
		List<String> jobs = new ArrayList<>();
		for (String id : ids) {
			jobs.add(state(id) + id);
		}
		return String.join(", ", jobs);
	}

	private String state(String id) {
		try {
			JobView job = this.api.call(() -> new SyncApi(this.api.client()).getSyncJob(id), CliFailure.CANNOT_RUN);
			String code = (job.getProblem() != null) ? job.getProblem().getCode() : null;
			return job.getStatus().getValue() + ((code != null) ? " " + code : "") + " ";
		}
		catch (CliFailure gone) {
			// A job the server no longer knows is still named.
			return "";
		}
	}

	private void line(String label, String value) {
		this.out.printf("  %-12s %s%n", label.isEmpty() ? "" : label + ":", value);
	}

}
