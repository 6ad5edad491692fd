package org.orchestrator.livesync.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.orchestrator.livesync.inventory.internal.cluster.Cluster;
import org.orchestrator.livesync.inventory.internal.configuration.Configuration;
import org.orchestrator.livesync.inventory.internal.node.Node;
import org.orchestrator.livesync.inventory.internal.sshkey.SshKey;

/** Realistic inventory items for tests. */
public final class Fixtures {

	private Fixtures() {
	}

	public static Node node(String hostname) {
		int last = Math.abs(hostname.hashCode() % 200) + 10;
		return new Node(hostname, "192.168.1." + last, "ubuntu", 22, null, "running",
				new Node.WakeOnLan("aa:bb:cc:dd:ee:" + String.format("%02x", last % 256), true, "192.168.1.255", 9),
				Map.of("cpu", 8, "memory_gb", 32, "disk_gb", 512, "arch", "amd64"));
	}

	public static Node node(String hostname, String ip, String sshKey) {
		Node node = node(hostname);
		return new Node(hostname, ip, node.username(), node.sshPort(), sshKey, node.microk8sStatus(), node.wol(),
				node.hardware());
	}

	public static Cluster cluster(String name, String... hostnames) {
		List<Cluster.Member> members = new java.util.ArrayList<>();
		for (int i = 0; i < hostnames.length; i++) {
			members.add(new Cluster.Member(hostnames[i], (i == 0) ? "control-plane" : "worker"));
		}
		return new Cluster(name, name + " cluster", false, Map.of("addons", List.of("dns", "ingress")), members);
	}

	public static SshKey sshKey(String name) {
		return new SshKey(name, resource("ssh/test_ed25519.pub"), resource("ssh/test_ed25519"), "~/.ssh/id_ed25519");
	}

	public static Configuration configuration(String name) {
		return new Configuration(name, "config", "replicas: 3\nimage:\n  tag: \"1.29\"\n", Map.of("owner", "ops"));
	}

	public static Configuration playbook(String name) {
		return new Configuration(name, "playbook",
				"- hosts: all\n  become: true\n  tasks:\n    - name: install microk8s\n      snap:\n        name: microk8s\n        classic: true\n",
				null);
	}

	/** A built web UI in a fresh directory: an index page and one script. */
	public static java.nio.file.Path webRoot() {
		try {
			java.nio.file.Path root = java.nio.file.Files.createTempDirectory("web-root");
			java.nio.file.Files.createDirectories(root.resolve("assets"));
			java.nio.file.Files.writeString(root.resolve("index.html"), "<!doctype html><title>Live Sync</title>");
			java.nio.file.Files.writeString(root.resolve("assets/app.js"), "console.log('ui')");
			return root;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String resource(String path) {
		try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
