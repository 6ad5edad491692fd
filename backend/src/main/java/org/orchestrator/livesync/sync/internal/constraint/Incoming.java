package org.orchestrator.livesync.sync.internal.constraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.ItemKind;

/**
 * What a sync brings to one server: the nodes and clusters it writes there (what of them
 * the rules need: a node's IP address and SSH key, a cluster's members), the SSH keys it
 * writes, and what it deletes.
 */
final class Incoming {

	/** A node as it arrives. */
	record Node(String ip, String sshKey) {
	}

	final Map<String, Node> nodes = new TreeMap<>();

	final Map<String, List<String>> clusters = new TreeMap<>();

	final Set<String> sshKeys = new TreeSet<>();

	final Set<String> deletedNodes = new TreeSet<>();

	final Set<String> deletedClusters = new TreeSet<>();

	final Set<String> deletedSshKeys = new TreeSet<>();

	/** An item written there, with its content (peer view or package form). */
	void upsert(ItemKind kind, String key, JsonNode content) {
		switch (kind) {
			case NODE -> this.nodes.put(key, new Node(text(content, "ip"), text(content, "ssh_key")));
			case CLUSTER -> {
				List<String> members = new ArrayList<>();
				JsonNode list = (content != null) ? content.get("nodes") : null;
				if (list != null && list.isArray()) {
					list.forEach((member) -> {
						String host = text(member, "hostname");
						if (host != null) {
							members.add(host);
						}
					});
				}
				this.clusters.put(key, members);
			}
			case SSH_KEY -> this.sshKeys.add(key);
			case CONFIGURATION -> {
			}
		}
	}

	/** An item deleted there. */
	void delete(ItemKind kind, String key) {
		switch (kind) {
			case NODE -> this.deletedNodes.add(key);
			case CLUSTER -> this.deletedClusters.add(key);
			case SSH_KEY -> this.deletedSshKeys.add(key);
			case CONFIGURATION -> {
			}
		}
	}

	/** Whether a cluster is written or deleted there: its old members no longer count. */
	boolean replaces(String cluster) {
		return this.clusters.containsKey(cluster) || this.deletedClusters.contains(cluster);
	}

	/** The host names the rules look up: written, deleted, and listed by clusters. */
	Set<String> hostnames() {
		Set<String> hosts = new TreeSet<>(this.nodes.keySet());
		hosts.addAll(this.deletedNodes);
		this.clusters.values().forEach(hosts::addAll);
		return hosts;
	}

	/** The SSH keys the rules look up: used by written nodes, or deleted. */
	Set<String> keys() {
		Set<String> keys = new TreeSet<>(this.deletedSshKeys);
		this.nodes.values().stream().map(Node::sshKey).filter((key) -> key != null).forEach(keys::add);
		return keys;
	}

	Set<String> ips() {
		Set<String> ips = new TreeSet<>();
		this.nodes.values().stream().map(Node::ip).filter((ip) -> ip != null).forEach(ips::add);
		return ips;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

}
