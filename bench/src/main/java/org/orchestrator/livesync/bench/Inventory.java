package org.orchestrator.livesync.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A realistic generated inventory: N nodes of about 450 bytes (hardware record,
 * Wake-on-LAN), a cluster per 100 nodes (10 members each), an SSH key and a configuration
 * per 1000 nodes. Lines are produced as they are read, so a million nodes take no memory
 * to send.
 */
final class Inventory {

	private final int nodes;

	private final String publicKey;

	private final String privateKey;

	Inventory(int nodes) {
		this.nodes = nodes;
		this.publicKey = resource("bench/bench_ed25519.pub").strip();
		this.privateKey = resource("bench/bench_ed25519");
	}

	int nodes() {
		return this.nodes;
	}

	int clusters() {
		return Math.max(1, this.nodes / 100);
	}

	int sshKeys() {
		return Math.max(1, this.nodes / 1000);
	}

	int configurations() {
		return Math.max(1, this.nodes / 1000);
	}

	/** Everything, as NDJSON for the import endpoint. */
	InputStream all() {
		List<InputStream> parts = new ArrayList<>();
		parts.add(lines(sshKeys(), this::sshKey));
		parts.add(lines(this.nodes, (i) -> node(i, 0)));
		parts.add(lines(clusters(), this::cluster));
		parts.add(lines(configurations(), this::configuration));
		return new SequenceInputStream(java.util.Collections.enumeration(parts));
	}

	/**
	 * The nodes whose index modulo {@code every} is {@code offset}, changed for the
	 * {@code version}th time.
	 */
	InputStream changed(int every, int offset, int version) {
		int count = (this.nodes - offset + every - 1) / every;
		return lines(count, (i) -> node(offset + i * every, version));
	}

	static String hostname(int index) {
		return String.format("bench-node-%07d", index);
	}

	Map<String, Object> node(int index, int version) {
		Map<String, Object> node = new LinkedHashMap<>();
		node.put("type", "node");
		node.put("hostname", hostname(index));
		node.put("ip", "10." + ((index >> 16) & 255) + "." + ((index >> 8) & 255) + "." + (index & 255));
		node.put("username", "ubuntu");
		node.put("ssh_port", 22);
		node.put("ssh_key", String.format("bench-key-%04d", index % sshKeys()));
		node.put("microk8s_status", (version % 2 == 0) ? "running" : "installed");
		node.put("wol",
				Map.of("mac",
						String.format("52:54:%02x:%02x:%02x:%02x", (index >> 24) & 255, (index >> 16) & 255,
								(index >> 8) & 255, index & 255),
						"enabled", true, "broadcast", "10.255.255.255", "port", 9));
		Map<String, Object> hardware = new LinkedHashMap<>();
		hardware.put("cpu", 16);
		hardware.put("cpu_model", "Intel Xeon Silver 4314 @ 2.40GHz");
		hardware.put("memory_gb", 128);
		hardware.put("disk_gb", 1920);
		hardware.put("arch", "amd64");
		hardware.put("vendor", "Dell Inc.");
		hardware.put("model", "PowerEdge R650");
		hardware.put("serial", String.format("SN%08d", index));
		hardware.put("bios", "1.9." + version);
		hardware.put("nics", List.of("eno1", "eno2"));
		node.put("hardware", hardware);
		return node;
	}

	private Map<String, Object> cluster(int index) {
		List<Map<String, Object>> members = new ArrayList<>();
		for (int n = 0; n < 10 && index * 10 + n < this.nodes; n++) {
			members.add(Map.of("hostname", hostname(index * 10 + n), "role", (n < 3) ? "control-plane" : "worker"));
		}
		return Map.of("type", "cluster", "name", String.format("bench-cluster-%05d", index), "description",
				"benchmark cluster", "ha_enabled", true, "settings", Map.of("channel", "1.29/stable"), "nodes",
				members);
	}

	private Map<String, Object> sshKey(int index) {
		return Map.of("type", "ssh_key", "name", String.format("bench-key-%04d", index), "public_key", this.publicKey,
				"private_key", this.privateKey, "path", "~/.ssh/bench_ed25519");
	}

	private Map<String, Object> configuration(int index) {
		return Map.of("type", "configuration", "name", String.format("bench-config-%04d", index), "kind", "config",
				"content", "replicas: 3\nimage:\n  repository: registry.local/app\n  tag: \"1." + index + "\"\n");
	}

	/** {@code count} NDJSON lines, made a thousand at a time as they are read. */
	private static InputStream lines(int count, IntFunction<Map<String, Object>> item) {
		return new SequenceInputStream(new Enumeration<>() {

			private int next;

			@Override
			public boolean hasMoreElements() {
				return this.next < count;
			}

			@Override
			public InputStream nextElement() {
				StringBuilder chunk = new StringBuilder();
				for (int end = Math.min(count, this.next + 1000); this.next < end; this.next++) {
					chunk.append(Api.JSON.writeValueAsString(item.apply(this.next))).append('\n');
				}
				return new ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
			}

		});
	}

	private static String resource(String path) {
		try (InputStream in = Inventory.class.getClassLoader().getResourceAsStream(path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
