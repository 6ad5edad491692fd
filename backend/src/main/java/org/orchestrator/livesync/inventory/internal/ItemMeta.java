package org.orchestrator.livesync.inventory.internal;

import java.time.OffsetDateTime;

import io.r2dbc.spi.Readable;

/** What a server keeps about a stored item besides its content. */
public record ItemMeta(String contentHash, long changeSeq, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	public static ItemMeta from(Readable row) {
		return new ItemMeta(row.get("content_hash", String.class), row.get("change_seq", Long.class),
				row.get("created_at", OffsetDateTime.class), row.get("updated_at", OffsetDateTime.class));
	}

}
