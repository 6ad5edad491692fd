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

import org.orchestrator.livesync.client.api.InventoryApi;
import org.orchestrator.livesync.client.api.NodesApi;
import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.Completed;
import org.orchestrator.livesync.client.model.Failed;
import org.orchestrator.livesync.client.model.ImportItem;
import org.orchestrator.livesync.client.model.JobStarted;
import org.orchestrator.livesync.client.model.KindSelection;
import org.orchestrator.livesync.client.model.Node;
import org.orchestrator.livesync.client.model.SessionResponse;
import org.orchestrator.livesync.client.model.StartJobRequest;
import org.orchestrator.livesync.client.model.SyncSelection;
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
@Command(name = "demo-data", hidden = true,
		description = "Load demo data into the server and --remote (for trying Live Sync).")
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
		Server a = this.cli.operator();
		String remoteUrl = LiveSyncCli.firstOf(this.remote.remote, this.cli.environment.get("SYNC_REMOTE_URL"), null);
		if (remoteUrl == null) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "no second server: give --remote URL", "no-remote");
		}
		Server b = this.cli.operator(remoteUrl);
		Long loaded = a.call(() -> new NodesApi(a.client()).listNodes(null, 1, "node-0"), CliFailure.CANNOT_RUN)
			.getTotal();
		if (loaded != null && loaded > 0) {
			out.println("Demo data is already loaded on " + a.url() + "; leaving it as it is.");
			return 0;
		}
		load(a, itemsOfA());
		load(b, itemsOfB());
		out.println("Loaded demo inventories into " + a.url() + " and " + b.url() + ".");

		// A real conflict needs a common past: sync node-05 once, then change it on both
		// sides.
		SessionResponse session = this.remote.openSession(this.cli, a);
		StartJobRequest request = new StartJobRequest().sessionId(session.getSessionId())
			.selection(new SyncSelection(new KindSelection().nodes(List.of("node-05"))));
		JobStarted job = a.call(() -> new SyncApi(a.client()).startSyncJob(request), CliFailure.CANNOT_RUN);
		JobEvents.Event[] end = new JobEvents.Event[1];
		JobEvents.read(a, job.getEventsUrl(), (event) -> {
			if (event.isEnd()) {
				end[0] = event;
			}
		});
		if (end[0] == null || !(end[0].data() instanceof Completed)) {
			String reason = (end[0] != null && end[0].data() instanceof Failed failed && failed.getProblem() != null)
					? failed.getProblem().getDetail() : "no result";
			throw new CliFailure(CliFailure.SYNC_FAILED, "the first sync of node-05 failed: " + reason, "sync-failed");
		}
		replaceNode(a, node("node-05", "192.168.1.25", "running", "ops-key"));
		replaceNode(b, node("node-05", "192.168.1.35", "stopped", "ops-key"));
		out.println("node-05 was synced, then changed on both servers: a conflict.");
		return 0;
	}

	/** Imports the items in one transaction: all of them are there, or none. */
	private static void load(Server server, List<Map<String, Object>> items) {
		List<ImportItem> typed = items.stream()
			.map((item) -> server.json().convertValue(item, ImportItem.class))
			.toList();
		server.call(() -> new InventoryApi(server.client()).importInventory(typed), CliFailure.CANNOT_RUN);
	}

	private static void replaceNode(Server server, Map<String, Object> item) {
		Node node = server.json().convertValue(untyped(item), Node.class);
		server.call(() -> new NodesApi(server.client()).replaceNode(node.getHostname(), node), CliFailure.CANNOT_RUN);
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
