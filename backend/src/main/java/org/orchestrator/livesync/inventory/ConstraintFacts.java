package org.orchestrator.livesync.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * What a constraint check before a sync needs to know of one server's inventory: of named
 * nodes, whether they exist, with their IP, SSH key and cluster; of named SSH keys,
 * whether they exist and which nodes use them; of IP addresses, which nodes have them.
 */
@Component
public class ConstraintFacts {

	/** Nodes listed per key or address: enough to name the clash. */
	public static final int MAX_LISTED = 5;

	/** Names asked at once, per kind. */
	public static final int MAX_ASKED = 10_000;

	private final DatabaseClient database;

	ConstraintFacts(DatabaseClient database) {
		this.database = database;
	}

	/** What to look up. */
	public record Probe(List<String> nodes, List<String> sshKeys, List<String> ips) {

		public boolean fits() {
			return size(this.nodes) <= MAX_ASKED && size(this.sshKeys) <= MAX_ASKED && size(this.ips) <= MAX_ASKED;
		}

		private static int size(Collection<?> list) {
			return (list != null) ? list.size() : 0;
		}

	}

	/** A node as the check sees it. */
	public record NodeFacts(String ip, @Nullable String sshKey, @Nullable String cluster) {
	}

	/**
	 * The answers: nodes and keys that exist (a name left out does not), the nodes using
	 * each key and having each address (at most {@value #MAX_LISTED} each).
	 */
	public record Facts(Map<String, NodeFacts> nodes,
			@Schema(description = "per SSH key that exists, the nodes using it") Map<String, List<String>> sshKeys,
			@Schema(description = "per IP address, the nodes that have it") Map<String, List<String>> ips) {

		/** These facts and more about other nodes. */
		public Facts withNodes(Map<String, NodeFacts> more) {
			Map<String, NodeFacts> all = new LinkedHashMap<>(this.nodes);
			all.putAll(more);
			return new Facts(all, this.sshKeys, this.ips);
		}

		/** The nodes named as holders of an address or users of a key. */
		public java.util.Set<String> namedNodes() {
			java.util.Set<String> named = new java.util.TreeSet<>();
			this.ips.values().forEach(named::addAll);
			this.sshKeys.values().forEach(named::addAll);
			return named;
		}

	}

	public Mono<Facts> of(Probe probe) {
		Mono<Map<String, NodeFacts>> nodes = list(probe.nodes()).isEmpty() ? Mono.just(Map.of())
				: this.database
					.sql("SELECT n.hostname, n.ip, n.ssh_key, c.cluster FROM nodes n LEFT JOIN cluster_nodes c "
							+ "ON c.hostname = n.hostname WHERE n.hostname = ANY($1)")
					.bind(0, list(probe.nodes()).toArray(String[]::new))
					.map((row) -> Map.entry(row.get("hostname", String.class),
							new NodeFacts(row.get("ip", String.class), row.get("ssh_key", String.class),
									row.get("cluster", String.class))))
					.all()
					.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
		Mono<Map<String, List<String>>> keys = list(probe.sshKeys()).isEmpty() ? Mono.just(Map.of()) : this.database
			.sql("SELECT k.name, ARRAY(SELECT n.hostname FROM nodes n WHERE n.ssh_key = k.name ORDER BY n.hostname "
					+ "LIMIT " + MAX_LISTED + ") AS users FROM ssh_keys k WHERE k.name = ANY($1)")
			.bind(0, list(probe.sshKeys()).toArray(String[]::new))
			.map((row) -> Map.entry(row.get("name", String.class), List.of(row.get("users", String[].class))))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
		Mono<Map<String, List<String>>> ips = list(probe.ips()).isEmpty() ? Mono.just(Map.of()) : this.database
			.sql("SELECT w.ip, ARRAY(SELECT n.hostname FROM nodes n WHERE n.ip = w.ip ORDER BY n.hostname LIMIT "
					+ MAX_LISTED + ") AS holders FROM unnest(CAST($1 AS text[])) AS w(ip)")
			.bind(0, list(probe.ips()).toArray(String[]::new))
			.map((row) -> Map.entry(row.get("ip", String.class), List.of(row.get("holders", String[].class))))
			.all()
			.filter((entry) -> !entry.getValue().isEmpty())
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
		return Mono.zip(nodes, keys, ips).map((all) -> new Facts(all.getT1(), all.getT2(), all.getT3()));
	}

	private static List<String> list(List<String> names) {
		return (names != null) ? new ArrayList<>(names.stream().distinct().toList()) : List.of();
	}

}
