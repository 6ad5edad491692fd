package org.orchestrator.livesync.inventory.internal.sshkey;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A stored SSH key as the API returns it: never with its private key. */
public record SshKeyView(String name, String publicKey, String fingerprint, @Nullable String path,
		boolean hasPrivateKey, String contentHash, long changeSeq, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
