package org.orchestrator.livesync.sync.internal.protocol;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.InventoryDigests;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.sync.internal.transfer.Selection;
import org.orchestrator.livesync.sync.internal.transfer.SyncPackage;

/**
 * The request and response bodies of the peer API, in the seed's shapes: what
 * {@code PeerController} serves is what {@code RemoteClient} reads.
 */
public final class PeerMessages {

	// What this server reads from a peer ignores members it does not know: a newer peer
	// may send more.

	private PeerMessages() {
	}

	public record ConnectRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "the calling server's server_id") String serverId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "the target's SYNC_PASSWORD") String password) {

		@Override
		public String toString() {
			return "ConnectRequest[serverId=" + this.serverId + ", password=<redacted>]";
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ConnectResponse(boolean success, String token, String sessionId, long expiresIn,
			ServerInfo serverInfo) {

		@Override
		public String toString() {
			return "ConnectResponse[sessionId=" + this.sessionId + ", token=<redacted>]";
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ServerInfo(String name, String version, String serverId) {
	}

	public record CompareRequest(
			@Schema(description = "the other server's inventory, as GET /sync/inventory returns it "
					+ "(the 'inventory' object)", implementation = InventoryBody.class) JsonNode remoteInventory) {
	}

	public record TransferRequest(String sessionId, @Schema(description = "natural keys per kind") Selection items,
			@Schema(description = "default true") Boolean encrypted) {
	}

	public record TransferResponse(boolean success, @JsonProperty("package") SyncPackage syncPackage) {
	}

	public record ReceiveRequest(String sessionId, @JsonProperty("package") SyncPackage syncPackage,
			Boolean encrypted) {
	}

	public record ConfirmRequest(String sessionId, String packageId, @Schema(
			description = "items the peer left alone (changed there since its compare): they become no bases") List<ItemKey> leftAlone) {
	}

	public record ConfirmResponse(boolean success, String packageId, long recorded) {
	}

	/**
	 * How much of a resumable push the target holds: resume by sending the ciphertext
	 * from {@code received_bytes} on.
	 */
	public record UploadStatus(String packageId, @Schema(
			description = "bytes of the package's ciphertext held, in whole chunks: send the rest from here") long receivedBytes,
			@Schema(description = "all of the stream is held: only the commit is left") boolean complete,
			@Schema(description = "the package was applied already: sending it again answers what it did then") boolean applied) {
	}

	/** The open probe's answer ({@code /sync/test}). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SyncTest(boolean success, String serverId, String serverName, String version) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record DigestResponse(String serverId, java.util.Map<String, InventoryDigests.Digest> digests) {

		/** The digest of one kind's section, or null when the peer did not send it. */
		public InventoryDigests.Digest of(String section) {
			return (this.digests != null) ? this.digests.get(section) : null;
		}

	}

	/**
	 * A line of {@code /sync/hashes}: an item's {@code type}, {@code key} and
	 * {@code content_hash}; or the metadata line (naming the server) or the stats line.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record HashLine(String type, String key, String contentHash, String serverId) {

		public boolean isMetadata() {
			return PeerApi.METADATA_LINE.equals(this.type);
		}

		public boolean isStats() {
			return PeerApi.STATS_LINE.equals(this.type);
		}

	}

	/**
	 * A line of the change feed: first the metadata line (the server, its stable
	 * watermark, whether the caller's checkpoint is current here), then one line per item
	 * changed since the checkpoint or left different at it.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record ChangeLine(
			@Schema(description = "metadata, or the item's type: node, cluster, ssh_key, configuration") String type,
			@Schema(description = "the item's key (item lines)") String key,
			@Schema(description = "the server answering (metadata line)") String serverId,
			@Schema(description = "the change sequence number up to which every change here is visible; "
					+ "absent when older transactions were still open (metadata line)") Long watermark,
			@Schema(description = "current, stale or none: whether the checkpoint asked about is the one this "
					+ "server has with the caller (metadata line)") String checkpoint,
			@Schema(description = "why the checkpoint is not current (metadata line)") String reason) {

		public boolean isMetadata() {
			return PeerApi.METADATA_LINE.equals(this.type);
		}

	}

	/**
	 * A new replication checkpoint between the caller and this server: {@code seq} is
	 * this server's own stable watermark, {@code peerSeq} the caller's.
	 */
	public record CheckpointRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String checkpointId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long seq,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long peerSeq) {
	}

	public record CheckpointResponse(boolean success, String checkpointId) {
	}

	@Schema(description = "The seed's inventory document. Items carry their kind's fields and content_hash; "
			+ "SSH keys carry fingerprint and private_key_fingerprint, never the private key.")
	public record InventoryDocument(boolean success, InventoryBody inventory) {
	}

	public record InventoryBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) InventoryMetadata metadata,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InventoryEntry> nodes,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InventoryEntry> clusters,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InventoryEntry> sshKeys,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<InventoryEntry> configurations,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) InventoryStats stats) {
	}

	/** Who serves the inventory, and when it was read. */
	public record InventoryMetadata(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String serverId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String serverName,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String version,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) int formatVersion,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") String generatedAt) {
	}

	/**
	 * One item: its kind's syncable fields (as in Node, Cluster, SshKey, Configuration)
	 * and its hash over them.
	 */
	@Schema(additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
	public record InventoryEntry(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
			description = "SHA-256 of the item's canonical form") String contentHash) {
	}

	/** Items per kind, and in all. */
	public record InventoryStats(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long nodes,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long clusters,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long sshKeys,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long configurations,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long total) {
	}

}
