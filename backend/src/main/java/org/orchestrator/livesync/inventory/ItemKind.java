package org.orchestrator.livesync.inventory;

import org.orchestrator.livesync.inventory.internal.cluster.Cluster;
import org.orchestrator.livesync.inventory.internal.configuration.Configuration;
import org.orchestrator.livesync.inventory.internal.node.Node;
import org.orchestrator.livesync.inventory.internal.sshkey.SshKey;

/**
 * The kinds of syncable items, by the names the API uses: {@code type} of an imported or
 * streamed item (singular) and the inventory's section (plural). The order is the order
 * of dependence: keys before the nodes that use them, nodes before the clusters that list
 * them.
 */
public enum ItemKind {

	SSH_KEY("ssh_key", "ssh_keys", SshKey.class), NODE("node", "nodes", Node.class),
	CLUSTER("cluster", "clusters", Cluster.class),
	CONFIGURATION("configuration", "configurations", Configuration.class);

	private final String type;

	private final String section;

	private final Class<? extends InventoryItem<?>> itemClass;

	ItemKind(String type, String section, Class<? extends InventoryItem<?>> itemClass) {
		this.type = type;
		this.section = section;
		this.itemClass = itemClass;
	}

	public String type() {
		return this.type;
	}

	public String section() {
		return this.section;
	}

	public Class<? extends InventoryItem<?>> itemClass() {
		return this.itemClass;
	}

	/** The kind with this {@code section} name (such as {@code nodes}), or null. */
	public static ItemKind ofSection(String section) {
		for (ItemKind kind : values()) {
			if (kind.section.equals(section)) {
				return kind;
			}
		}
		return null;
	}

	/** The kind with this {@code type} name, or null. */
	public static ItemKind ofType(String type) {
		for (ItemKind kind : values()) {
			if (kind.type.equals(type)) {
				return kind;
			}
		}
		return null;
	}

}
