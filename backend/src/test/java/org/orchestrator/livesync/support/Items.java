package org.orchestrator.livesync.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Creating items on a test server and picking them out of JSON answers. */
public final class Items {

	private Items() {
	}

	/** Creates a node, cluster, SSH key or configuration through the API. */
	public static void create(TestServer server, Object item) {
		String path = switch (item.getClass().getSimpleName()) {
			case "Node" -> "/api/v1/nodes";
			case "Cluster" -> "/api/v1/clusters";
			case "SshKey" -> "/api/v1/ssh-keys";
			default -> "/api/v1/configurations";
		};
		server.operator().post().uri(path).bodyValue(item).exchange().expectStatus().isCreated();
	}

	/** The element of {@code list} whose {@code field} is {@code value}. */
	public static JsonNode find(JsonNode list, String field, String value) {
		for (JsonNode item : list) {
			if (value.equals(item.path(field).asString())) {
				return item;
			}
		}
		throw new AssertionError("no " + field + "=" + value + " in " + list);
	}

	/** The {@code key} of every comparison entry. */
	public static List<String> keys(JsonNode entries) {
		List<String> keys = new ArrayList<>();
		entries.forEach((entry) -> keys.add(entry.get("key").asString()));
		return keys;
	}

}
