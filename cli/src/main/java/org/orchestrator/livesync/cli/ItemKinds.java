package org.orchestrator.livesync.cli;

import java.util.Map;

/**
 * Items named on the command line as {@code kind:key} ({@code node:node-01},
 * {@code ssh_key:deploy}), and the API's sections ({@code nodes}, {@code ssh_keys}) said
 * back the same way.
 */
final class ItemKinds {

	private static final Map<String, String> SECTIONS = Map.of("node", "nodes", "nodes", "nodes", "cluster", "clusters",
			"clusters", "clusters", "ssh_key", "ssh_keys", "ssh-key", "ssh_keys", "ssh_keys", "ssh_keys",
			"configuration", "configurations", "configurations", "configurations");

	private ItemKinds() {
	}

	/** An item of a section ({@code nodes}, {@code clusters}, …) by its key. */
	record Named(String section, String key) {

		/** As an option takes it back: {@code node:node-01}. */
		@Override
		public String toString() {
			return option(this.section) + ":" + this.key;
		}

	}

	/** {@code kind:key} read, or null when it is not one. */
	static Named parse(String item) {
		int colon = item.indexOf(':');
		String section = (colon > 0) ? SECTIONS.get(item.substring(0, colon)) : null;
		if (section == null || colon == item.length() - 1) {
			return null;
		}
		return new Named(section, item.substring(colon + 1));
	}

	/** A section as a kind in an option: {@code nodes} → {@code node}. */
	static String option(String section) {
		return switch (section) {
			case "nodes" -> "node";
			case "clusters" -> "cluster";
			case "ssh_keys" -> "ssh_key";
			case "configurations" -> "configuration";
			default -> section;
		};
	}

}
