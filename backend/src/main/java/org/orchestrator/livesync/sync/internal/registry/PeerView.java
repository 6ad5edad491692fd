package org.orchestrator.livesync.sync.internal.registry;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A registered remote as the API shows it: never its password, only whether it has one.
 */
record PeerView(String name, String url,
		@Schema(description = "the pinned SHA-256 fingerprint of the peer's certificate, upper-case hex pairs "
				+ "with colons; null: the usual trust (JDK CAs and SYNC_TRUST_CA_FILE)") @Nullable String fingerprint,
		@Schema(description = "whether a sync password of its own is stored for the peer; without one, "
				+ "sessions use this server's SYNC_PASSWORD") boolean hasPassword,
		@Schema(description = "the server id that answered at the last contact") @Nullable String serverId,
		@Nullable String serverName,
		@Schema(description = "the last session opened with the peer") @Nullable Instant lastContactAt,
		Replication replication,
		@Schema(description = "the last job with the peer's URL, whoever started it") PeerStore.@Nullable LastJob lastJob,
		Instant createdAt, Instant updatedAt) {

	/**
	 * The replication checkpoint with the peer: {@code none} before a first sync (the
	 * next compare is full), else the change sequences both sides had reached at the last
	 * sync.
	 */
	record Replication(@Schema(allowableValues = {
			"none", "checkpoint" }) String state, @Nullable String checkpointId, @Nullable Long localSeq,
			@Nullable Long remoteSeq){

		static final Replication NONE = new Replication("none", null, null, null);

	}

}
