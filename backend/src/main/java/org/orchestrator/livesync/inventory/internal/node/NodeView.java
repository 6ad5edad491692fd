package org.orchestrator.livesync.inventory.internal.node;

import java.time.OffsetDateTime;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.orchestrator.livesync.inventory.internal.ItemMeta;

/**
 * A stored node as the API returns it: its content plus what this server keeps about it.
 */
public record NodeView(String hostname, String ip, String username, int sshPort, @Nullable String sshKey,
		@Schema(allowableValues = {
				"unknown", "not_installed", "installing", "installed", "running", "stopped",
				"failed" }) String microk8sStatus,
		Node.@Nullable WakeOnLan wol, @Nullable Map<String, Object> hardware, String contentHash, long changeSeq,
		OffsetDateTime createdAt, OffsetDateTime updatedAt){

	static NodeView of(Node node, ItemMeta meta) {
		return new NodeView(node.hostname(), node.ip(), node.username(), node.sshPort(), node.sshKey(),
				node.microk8sStatus(), node.wol(), node.hardware(), meta.contentHash(), meta.changeSeq(),
				meta.createdAt(), meta.updatedAt());
	}

}
