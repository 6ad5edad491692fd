package org.orchestrator.livesync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Loads demo data into two servers so that comparing the first with the second shows
 * every status: identical, different (the seed's node-02 IP and staging's 2 vs 3 nodes),
 * missing on either side, and a real conflict (node-05, synced once, then changed on both
 * sides). Uses only the public API; does nothing when the data is already there.
 */
@Command(name = "demo-data", description = "Load demo data into the server and --remote (for trying Live Sync).")
class DemoDataCommand implements Callable<Integer> {

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Mixin
	RemoteOptions remote;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		ApiClient a = this.cli.operator();
		String remoteUrl = LiveSyncCli.firstOf(this.remote.remote, this.cli.environment.get("SYNC_REMOTE_URL"), null);
		if (remoteUrl == null) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "no second server: give --remote URL");
		}
		ApiClient b = this.cli.operator(remoteUrl);
		if (a.get("/api/v1/nodes?search=node-0&size=1", CliFailure.CANNOT_RUN).path("total").asLong() > 0) {
			out.println("Demo data is already loaded on " + a.server() + "; leaving it as it is.");
			return 0;
		}
		a.post("/api/v1/inventory/import", itemsOfA(), CliFailure.CANNOT_RUN);
		b.post("/api/v1/inventory/import", itemsOfB(), CliFailure.CANNOT_RUN);
		out.println("Loaded demo inventories into " + a.server() + " and " + b.server() + ".");

		// A real conflict needs a common past: sync node-05 once, then change it on both
		// sides.
		JsonNode session = this.remote.openSession(this.cli, a);
		JsonNode job = a.post("/api/v1/sync/jobs", Map.of("session_id", session.get("session_id").asString(),
				"selection", Map.of("nodes", List.of("node-05"))), CliFailure.CANNOT_RUN);
		ApiClient.Event[] end = new ApiClient.Event[1];
		a.events(job.get("events_url").asString(), (event) -> {
			if (event.name().equals("completed") || event.name().equals("failed")) {
				end[0] = event;
			}
		});
		if (end[0] == null || !end[0].name().equals("completed")) {
			throw new CliFailure(CliFailure.SYNC_FAILED, "the first sync of node-05 failed: "
					+ ((end[0] != null) ? end[0].data().at("/problem/detail").asString() : "no result"));
		}
		a.put("/api/v1/nodes/node-05", untyped(node("node-05", "192.168.1.25", "running", "ops-key")),
				CliFailure.CANNOT_RUN);
		b.put("/api/v1/nodes/node-05", untyped(node("node-05", "192.168.1.35", "stopped", "ops-key")),
				CliFailure.CANNOT_RUN);
		out.println("node-05 was synced, then changed on both servers: a conflict.");
		return 0;
	}

	private static List<Map<String, Object>> itemsOfA() {
		List<Map<String, Object>> items = common();
		items.add(node("node-02", "192.168.1.11", "running", "ops-key"));
		items.add(node("node-03", "192.168.1.13", "installed", "ops-key"));
		items.add(cluster("staging", "Staging", List.of("node-06", "node-07")));
		items.add(configuration("ingress-values", "config",
				"controller:\n  replicaCount: 2\n  service:\n    type: LoadBalancer\n"));
		return items;
	}

	private static List<Map<String, Object>> itemsOfB() {
		List<Map<String, Object>> items = common();
		items.add(node("node-02", "192.168.1.12", "running", "ops-key"));
		items.add(node("node-04", "192.168.1.14", "not_installed", null));
		items.add(node("node-08", "192.168.1.18", "running", "ops-key"));
		items.add(cluster("staging", "Staging", List.of("node-06", "node-07", "node-08")));
		items.add(configuration("monitoring-playbook", "playbook",
				"- hosts: all\n  become: true\n  tasks:\n    - name: enable observability\n      command: microk8s enable observability\n"));
		return items;
	}

	/** What both servers start with. */
	private static List<Map<String, Object>> common() {
		List<Map<String, Object>> items = new ArrayList<>();
		Map<String, Object> key = new LinkedHashMap<>();
		key.put("type", "ssh_key");
		key.put("name", "ops-key");
		key.put("public_key", resource("demo/demo_ed25519.pub").strip());
		key.put("private_key", resource("demo/demo_ed25519"));
		key.put("path", "~/.ssh/ops_ed25519");
		items.add(key);
		items.add(node("node-01", "192.168.1.10", "running", "ops-key"));
		items.add(node("node-05", "192.168.1.15", "running", "ops-key"));
		items.add(node("node-06", "192.168.1.16", "running", "ops-key"));
		items.add(node("node-07", "192.168.1.17", "running", "ops-key"));
		items.add(cluster("production", "Production, HA", List.of("node-01", "node-02")));
		items.add(configuration("microk8s-addons", "config", "addons:\n  - dns\n  - ingress\n  - metrics-server\n"));
		return items;
	}

	static Map<String, Object> node(String hostname, String ip, String status, String sshKey) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("type", "node");
		node.put("hostname", hostname);
		node.put("ip", ip);
		node.put("username", "ubuntu");
		node.put("ssh_port", 22);
		if (sshKey != null) {
			node.put("ssh_key", sshKey);
		}
		node.put("microk8s_status", status);
		int number = Integer.parseInt(hostname.substring(hostname.lastIndexOf('-') + 1));
		node.put("wol", Map.of("mac", String.format("52:54:00:12:34:%02x", number), "enabled", true, "broadcast",
				"192.168.1.255", "port", 9));
		node.put("hardware", Map.of("cpu", 8, "memory_gb", 32, "disk_gb", 512, "arch", "amd64"));
		return node;
	}

	/** An item as the item API takes it: without the import's {@code type}. */
	private static Map<String, Object> untyped(Map<String, Object> item) {
		Map<String, Object> copy = new LinkedHashMap<>(item);
		copy.remove("type");
		return copy;
	}

	private static Map<String, Object> cluster(String name, String description, List<String> nodes) {
		List<Map<String, Object>> members = new ArrayList<>();
		for (int i = 0; i < nodes.size(); i++) {
			members.add(Map.of("hostname", nodes.get(i), "role", (i == 0) ? "control-plane" : "worker"));
		}
		Map<String, Object> cluster = new LinkedHashMap<>();
		cluster.put("type", "cluster");
		cluster.put("name", name);
		cluster.put("description", description);
		cluster.put("ha_enabled", name.equals("production"));
		cluster.put("settings", Map.of("channel", "1.29/stable"));
		cluster.put("nodes", members);
		return cluster;
	}

	private static Map<String, Object> configuration(String name, String kind, String content) {
		return Map.of("type", "configuration", "name", name, "kind", kind, "content", content);
	}

	private static String resource(String path) {
		try (InputStream in = DemoDataCommand.class.getClassLoader().getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
