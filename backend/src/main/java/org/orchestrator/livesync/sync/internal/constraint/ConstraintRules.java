package org.orchestrator.livesync.sync.internal.constraint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.orchestrator.livesync.inventory.ConstraintFacts;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;

/**
 * The rules a sync must not break on the server it writes to ({@code on}), checked on
 * what arrives there against what that server has ({@code here}); what the other server
 * has ({@code there}) says whether selecting more items fixes it.
 */
final class ConstraintRules {

	private final String on;

	private final String where;

	private final Incoming in;

	private final ConstraintFacts.Facts here;

	private final ConstraintFacts.Facts there;

	private final List<ConstraintConflict> found = new ArrayList<>();

	private ConstraintRules(String on, Incoming in, ConstraintFacts.Facts here, ConstraintFacts.Facts there) {
		this.on = on;
		this.where = "local".equals(on) ? "this server" : "the remote";
		this.in = in;
		this.here = here;
		this.there = there;
	}

	static List<ConstraintConflict> check(String on, Incoming in, ConstraintFacts.Facts here,
			ConstraintFacts.Facts there) {
		ConstraintRules rules = new ConstraintRules(on, in, here, there);
		rules.keyReferences();
		rules.members();
		rules.oneClusterPerNode();
		rules.deletions();
		rules.addresses();
		return List.copyOf(rules.found);
	}

	/** A node written there must use an SSH key that server will have. */
	private void keyReferences() {
		this.in.nodes.forEach((host, node) -> {
			String key = node.sshKey();
			if (key == null || hasKey(key)) {
				return;
			}
			boolean fixable = this.there.sshKeys().containsKey(key);
			add("missing_reference",
					"node '" + host + "' would use SSH key '" + key + "', which " + this.where + " would not have",
					List.of(node(host), ItemKey.of(ItemKind.SSH_KEY, key)),
					fixable ? "also select SSH key '" + key + "'"
							: "SSH key '" + key + "' is on neither server: give node '" + host + "' another key",
					fixable ? Map.of(ItemKind.SSH_KEY.section(), List.of(key)) : null);
		});
	}

	/** A cluster written there may list only nodes that server will have. */
	private void members() {
		this.in.clusters.forEach((cluster, members) -> {
			for (String host : members) {
				if (hasNode(host)) {
					continue;
				}
				boolean fixable = this.there.nodes().containsKey(host);
				add("missing_reference",
						"cluster '"
								+ cluster + "' would list node '" + host + "', which " + this.where + " would not have",
						List.of(cluster(cluster), node(host)),
						fixable ? "also select node '" + host + "'"
								: "node '" + host + "' is on neither server: remove it from cluster '" + cluster + "'",
						fixable ? Map.of(ItemKind.NODE.section(), List.of(host)) : null);
			}
		});
	}

	/** A node belongs to one cluster at most. */
	private void oneClusterPerNode() {
		Map<String, List<String>> arriving = new TreeMap<>();
		this.in.clusters.forEach((cluster, members) -> members
			.forEach((host) -> arriving.computeIfAbsent(host, (h) -> new ArrayList<>()).add(cluster)));
		arriving.forEach((host, clusters) -> {
			if (clusters.size() > 1) {
				List<ItemKey> items = new ArrayList<>(List.of(node(host)));
				clusters.forEach((cluster) -> items.add(cluster(cluster)));
				add("node_in_two_clusters", "node '" + host + "' would be in clusters '"
						+ String.join("' and '", clusters) + "' on " + this.where, items,
						"remove node '" + host + "' from all but one of them", null);
				return;
			}
			String cluster = clusters.get(0);
			ConstraintFacts.NodeFacts now = this.here.nodes().get(host);
			String other = (now != null) ? now.cluster() : null;
			if (other == null || other.equals(cluster) || this.in.replaces(other)) {
				return;
			}
			ConstraintFacts.NodeFacts source = this.there.nodes().get(host);
			boolean fixable = source == null || !other.equals(source.cluster());
			add("node_in_two_clusters",
					"node '" + host + "' would be in clusters '" + cluster + "' and '" + other + "' on " + this.where,
					List.of(node(host), cluster(cluster), cluster(other)),
					fixable ? "also select cluster '" + other + "', which does not list it on the other server"
							: "remove node '" + host + "' from cluster '" + cluster + "' or '" + other + "'",
					fixable ? Map.of(ItemKind.CLUSTER.section(), List.of(other)) : null);
		});
	}

	/** A deletion there must not leave a cluster or a node pointing at what is gone. */
	private void deletions() {
		for (String host : this.in.deletedNodes) {
			ConstraintFacts.NodeFacts now = this.here.nodes().get(host);
			String cluster = (now != null) ? now.cluster() : null;
			if (cluster != null && !this.in.replaces(cluster)) {
				add("broken_reference",
						"deleting node '" + host + "' would leave cluster '" + cluster + "' on " + this.where
								+ " listing a node that is gone",
						List.of(node(host), cluster(cluster)), "also select cluster '" + cluster + "'",
						Map.of(ItemKind.CLUSTER.section(), List.of(cluster)));
			}
		}
		for (String key : this.in.deletedSshKeys) {
			List<String> users = new ArrayList<>();
			for (String host : this.here.sshKeys().getOrDefault(key, List.of())) {
				Incoming.Node arriving = this.in.nodes.get(host);
				boolean stillUses = (arriving != null) ? key.equals(arriving.sshKey())
						: !this.in.deletedNodes.contains(host);
				if (stillUses) {
					users.add(host);
				}
			}
			if (users.isEmpty()) {
				continue;
			}
			List<ItemKey> items = new ArrayList<>(List.of(ItemKey.of(ItemKind.SSH_KEY, key)));
			users.forEach((host) -> items.add(node(host)));
			add("broken_reference",
					"deleting SSH key '" + key + "' would leave node" + plural(users) + " '"
							+ String.join("', '", users) + "' on " + this.where + " using a key that is gone",
					items, "also select node" + plural(users) + " '" + String.join("', '", users) + "'",
					Map.of(ItemKind.NODE.section(), users));
		}
	}

	/** Two nodes never share an IP address. */
	private void addresses() {
		Map<String, List<String>> arriving = new TreeMap<>();
		this.in.nodes.forEach((host, node) -> {
			if (node.ip() != null) {
				arriving.computeIfAbsent(node.ip(), (ip) -> new ArrayList<>()).add(host);
			}
		});
		Set<String> reported = new LinkedHashSet<>();
		arriving.forEach((ip, hosts) -> {
			if (hosts.size() > 1) {
				add("duplicate_ip",
						"nodes '" + String.join("' and '", hosts) + "' would all have IP " + ip + " on " + this.where,
						hosts.stream().map(ConstraintRules::node).toList(), "change the IP of all but one of them",
						null);
			}
			for (String host : hosts) {
				for (String holder : this.here.ips().getOrDefault(ip, List.of())) {
					boolean staying = !holder.equals(host) && !this.in.nodes.containsKey(holder)
							&& !this.in.deletedNodes.contains(holder);
					if (!staying || !reported.add(host + "|" + holder)) {
						continue;
					}
					// The other side's version of the holder has another address: taking
					// it too fixes it.
					boolean fixable = this.there.nodes().containsKey(holder)
							&& !this.there.ips().getOrDefault(ip, List.of()).contains(holder);
					add("duplicate_ip",
							"nodes '" + host + "' and '" + holder + "' would both have IP " + ip + " on " + this.where,
							List.of(node(host), node(holder)),
							fixable ? "also select node '" + holder + "', which has another IP on the other server"
									: "change the IP of node '" + host + "' or '" + holder + "'",
							fixable ? Map.of(ItemKind.NODE.section(), List.of(holder)) : null);
				}
			}
		});
	}

	private boolean hasKey(String key) {
		return this.in.sshKeys.contains(key)
				|| (this.here.sshKeys().containsKey(key) && !this.in.deletedSshKeys.contains(key));
	}

	private boolean hasNode(String host) {
		return this.in.nodes.containsKey(host)
				|| (this.here.nodes().containsKey(host) && !this.in.deletedNodes.contains(host));
	}

	private void add(String type, String message, List<ItemKey> items, String fix,
			Map<String, List<String>> alsoSelect) {
		this.found.add(new ConstraintConflict(type, this.on, message, items, fix, alsoSelect));
	}

	private static ItemKey node(String host) {
		return ItemKey.of(ItemKind.NODE, host);
	}

	private static ItemKey cluster(String name) {
		return ItemKey.of(ItemKind.CLUSTER, name);
	}

	private static String plural(List<?> items) {
		return (items.size() > 1) ? "s" : "";
	}

}
