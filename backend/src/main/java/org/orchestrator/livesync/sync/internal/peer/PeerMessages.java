package org.orchestrator.livesync.sync.internal.peer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.sync.internal.transfer.Selection;
import org.orchestrator.livesync.sync.internal.transfer.SyncPackage;

/** The request and response bodies of the peer API, in the seed's shapes. */
final class PeerMessages {

	private PeerMessages() {
	}

	record ConnectRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "the calling server's server_id") String serverId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "the target's SYNC_PASSWORD") String password) {

		@Override
		public String toString() {
			return "ConnectRequest[serverId=" + this.serverId + ", password=<redacted>]";
		}

	}

	record ConnectResponse(boolean success, String token, String sessionId, long expiresIn, ServerInfo serverInfo) {

		@Override
		public String toString() {
			return "ConnectResponse[sessionId=" + this.sessionId + ", token=<redacted>]";
		}

	}

	record ServerInfo(String name, String version, String serverId) {
	}

	record CompareRequest(@Schema(description = "the other server's inventory, as GET /sync/inventory returns it "
			+ "(the 'inventory' object)") JsonNode remoteInventory) {
	}

	record TransferRequest(String sessionId, @Schema(description = "natural keys per kind") Selection items,
			@Schema(description = "default true") Boolean encrypted) {
	}

	record TransferResponse(boolean success, @JsonProperty("package") SyncPackage syncPackage) {
	}

	record ReceiveRequest(String sessionId, @JsonProperty("package") SyncPackage syncPackage, Boolean encrypted) {
	}

	record ConfirmRequest(String sessionId, String packageId) {
	}

	record ConfirmResponse(boolean success, String packageId, long recorded) {
	}

	record DigestResponse(String serverId,
			java.util.Map<String, org.orchestrator.livesync.inventory.InventoryDigests.Digest> digests) {
	}

	@Schema(description = "The seed's inventory document. Items carry their kind's fields and content_hash; "
			+ "SSH keys carry fingerprint and private_key_fingerprint, never the private key.")
	record InventoryDocument(boolean success, InventoryBody inventory) {
	}

	record InventoryBody(java.util.Map<String, Object> metadata, java.util.List<java.util.Map<String, Object>> nodes,
			java.util.List<java.util.Map<String, Object>> clusters,
			java.util.List<java.util.Map<String, Object>> sshKeys,
			java.util.List<java.util.Map<String, Object>> configurations, java.util.Map<String, Long> stats) {
	}

}
