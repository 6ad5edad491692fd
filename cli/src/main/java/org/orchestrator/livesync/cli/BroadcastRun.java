package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.BroadcastStarted;
import org.orchestrator.livesync.client.model.StartBroadcastRequest;

/**
 * {@code sync --peers a,b,c}: one broadcast, a job per registered peer, followed in its
 * one event stream; a line per peer as it connects, runs and ends, then how many
 * completed. Exit code 0 when every peer completed, 1 when any failed.
 */
final class BroadcastRun {

	private final Server api;

	private final OutputOptions output;

	private final PrintWriter out;

	private final PrintWriter say;

	BroadcastRun(Server api, OutputOptions output, PrintWriter out, PrintWriter err) {
		this.api = api;
		this.output = output;
		this.out = out;
		this.say = output.json() ? err : out;
	}

	int run(StartBroadcastRequest request) {
		BroadcastStarted started = this.api.call(() -> new SyncApi(this.api.client()).startSyncBroadcast(request),
				CliFailure.CANNOT_RUN);
		this.say.printf("%s %s: broadcast %s%n",
				Boolean.TRUE.equals(request.getDryRun()) ? "Dry run with" : "Syncing with",
				String.join(", ", request.getPeers()), started.getBroadcastId());
		this.say.flush();
		if (this.output.json()) {
			this.output.print(this.api.json(),
					this.api.json()
						.createObjectNode()
						.put("type", "started")
						.setAll((com.fasterxml.jackson.databind.node.ObjectNode) this.api.json().valueToTree(started)),
					true);
		}
		JsonNode[] finished = new JsonNode[1];
		JobEvents.readTrees(this.api, started.getEventsUrl(), (event) -> {
			if (!(event.data() instanceof JsonNode data)) {
				return;
			}
			if (this.output.json()) {
				this.output.print(this.api.json(), data, true);
			}
			else if ("peer".equals(event.name())) {
				this.out.println(line(data.get("peer")));
				this.out.flush();
			}
			if ("finished".equals(event.name())) {
				finished[0] = data;
			}
		});
		if (finished[0] == null) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "the broadcast's event stream ended before its end",
					"stream-ended");
		}
		long failed = finished[0].path("failed").asLong();
		long completed = finished[0].path("completed").asLong();
		if (failed > 0) {
			List<String> names = finished[0].path("peers")
				.valueStream()
				.filter((peer) -> "failed".equals(peer.path("status").asText()))
				.map((peer) -> peer.path("peer").asText())
				.toList();
			throw new CliFailure(CliFailure.SYNC_FAILED,
					completed + " of " + (completed + failed) + " peers completed; failed: " + String.join(", ", names),
					"broadcast-failed");
		}
		if (!this.output.json()) {
			this.out.println("All " + completed + " peers completed.");
		}
		return 0;
	}

	/**
	 * One peer's state in words: {@code east: completed, applied 2, deleted 0, verified}.
	 */
	private static String line(JsonNode peer) {
		String name = peer.path("peer").asText();
		String status = peer.path("status").asText();
		return switch (status) {
			case "running" -> name + ": running, job " + peer.path("job_id").asText();
			case "completed" -> {
				JsonNode result = peer.path("result");
				yield name + ": completed, applied " + total(result.path("applied")) + ", deleted "
						+ total(result.path("deleted")) + (result.path("verified").asBoolean(false) ? ", verified"
								: result.path("dry_run").asBoolean(false) ? " (dry run)" : ", not verified");
			}
			case "failed" -> name + ": failed: " + peer.path("problem").path("detail").asText("-");
			default -> name + ": " + status;
		};
	}

	private static long total(JsonNode counts) {
		long total = 0;
		for (JsonNode count : counts) {
			total += count.asLong();
		}
		return total;
	}

}
