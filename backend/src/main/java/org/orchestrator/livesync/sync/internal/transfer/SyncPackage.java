package org.orchestrator.livesync.sync.internal.transfer;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import org.orchestrator.livesync.inventory.CanonicalJson;

/**
 * A sync package as it travels: a header in clear and the payload, which is the package's
 * NDJSON lines, gzip-compressed and (when {@code encrypted}) sealed with AES-256-GCM
 * under a key derived from {@code SYNC_PASSWORD} and {@code salt}. The whole header is
 * authenticated with the payload: hand it back exactly as received.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncPackage(@Schema(example = "1") int formatVersion, String packageId, String sourceServerId,
		String sourceServerName, String createdAt, @Schema(description = "number of item lines") long items,
		@Schema(description = "sha256:<hex> of the uncompressed lines") String checksum,
		@Schema(example = "gzip") String compression, boolean encrypted,
		@Schema(example = "AES-256-GCM") String algorithm, @Schema(example = "PBKDF2-HMAC-SHA256") String kdf,
		Integer iterations, @Schema(description = "base64 of the KDF salt") String salt,
		@Schema(description = "base64 of the (encrypted) compressed lines") String payload,
		@Schema(description = "the sender's hybrid logical clock when it made the package: the target's clock "
				+ "moves past it, so its later changes are newer than all this package holds") Long clock) {

	/** A header without a clock (an older sender, or a test). */
	public SyncPackage(int formatVersion, String packageId, String sourceServerId, String sourceServerName,
			String createdAt, long items, String checksum, String compression, boolean encrypted, String algorithm,
			String kdf, Integer iterations, String salt, String payload) {
		this(formatVersion, packageId, sourceServerId, sourceServerName, createdAt, items, checksum, compression,
				encrypted, algorithm, kdf, iterations, salt, payload, null);
	}

	public static final int FORMAT_VERSION = 1;

	/**
	 * The header bytes the encryption authenticates: everything but the payload,
	 * canonically.
	 */
	public byte[] associatedData() {
		SyncPackage header = new SyncPackage(this.formatVersion, this.packageId, this.sourceServerId,
				this.sourceServerName, this.createdAt, this.items, this.checksum, this.compression, this.encrypted,
				this.algorithm, this.kdf, this.iterations, this.salt, null, this.clock);
		return CanonicalJson.write(header).getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "SyncPackage[" + this.packageId + ", " + this.items + " items]";
	}

}
