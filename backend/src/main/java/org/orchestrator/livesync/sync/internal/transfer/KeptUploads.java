package org.orchestrator.livesync.sync.internal.transfer;

import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.system.ProblemException;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The staged uploads of resumable pushes, kept under their package id when a connection
 * drops: how far each got, and its chunks. They share the tables (and the apply, and the
 * cleanup) of {@link StagedUploads}.
 */
@Repository
class KeptUploads {

	private final DatabaseClient database;

	KeptUploads(DatabaseClient database) {
		this.database = database;
	}

	/** The kept upload of {@code packageId} sent by {@code sourceServerId}, if any. */
	Mono<Kept> find(String packageId, String sourceServerId) {
		return this.database.sql("""
				SELECT upload_id, package_id, header, received_bytes, chunks, complete FROM sync_staged_uploads
				WHERE package_id = $1 AND source_server_id = $2 AND resumable""")
			.bind(0, UUID.fromString(packageId))
			.bind(1, sourceServerId)
			.map(KeptUploads::kept)
			.one();
	}

	/**
	 * The kept upload of the package of {@code header}, opened empty if there is none
	 * yet.
	 */
	Mono<Kept> findOrOpen(SyncPackage header, String encodedHeader) {
		return this.database.sql("""
				INSERT INTO sync_staged_uploads (upload_id, package_id, source_server_id, resumable, header)
				VALUES ($1, $2, $3, true, $4) ON CONFLICT (package_id) WHERE resumable DO NOTHING""")
			.bind(0, UUID.randomUUID())
			.bind(1, UUID.fromString(header.packageId()))
			.bind(2, header.sourceServerId())
			.bind(3, encodedHeader)
			.then()
			.then(find(header.packageId(), header.sourceServerId()))
			// Kept under another sender's name: this sender may not touch it.
			.switchIfEmpty(Mono.error(() -> ProblemException.conflict("package " + header.packageId()
					+ " is being uploaded by another server; a package id is never reused")));
	}

	/**
	 * Keeps {@code chunk}, the stream's bytes from {@code from} on, and advances the
	 * upload past it, in one statement: either both happen or neither. Refused when the
	 * upload is no longer at {@code from}: another connection is sending the same
	 * package.
	 */
	Mono<Void> append(Kept upload, long from, byte[] chunk, boolean last) {
		return this.database.sql("""
				WITH advanced AS (
				  UPDATE sync_staged_uploads
				  SET received_bytes = received_bytes + $3, chunks = chunks + 1, complete = $4, touched_at = now()
				  WHERE upload_id = $1 AND received_bytes = $2 AND NOT complete
				  RETURNING upload_id, chunks - 1 AS seq)
				INSERT INTO sync_staged_chunks (upload_id, seq, data) SELECT upload_id, seq, $5 FROM advanced""")
			.bind(0, upload.id())
			.bind(1, from)
			.bind(2, (long) chunk.length)
			.bind(3, last)
			.bind(4, chunk)
			.fetch()
			.rowsUpdated()
			.flatMap((rows) -> (rows == 1) ? Mono.<Void>empty()
					: Mono.error(ProblemException.conflict("the upload of package " + upload.packageId()
							+ " moved on meanwhile: another connection sends it too; ask how far it got")));
	}

	/** The first {@code length} bytes of the upload's stream: the cipher's header. */
	Mono<byte[]> streamHeader(Kept upload, int length) {
		return this.database
			.sql("SELECT substring(data FROM 1 FOR $2) FROM sync_staged_chunks WHERE upload_id = $1 AND seq = 0")
			.bind(0, upload.id())
			.bind(1, length)
			.map((row) -> row.get(0, byte[].class))
			.one();
	}

	private static Kept kept(Readable row) {
		return new Kept(row.get("upload_id", UUID.class), row.get("package_id", UUID.class).toString(),
				row.get("header", String.class), row.get("received_bytes", Long.class),
				row.get("chunks", Integer.class), row.get("complete", Boolean.class));
	}

	/**
	 * A kept upload: the header it was sent with, the bytes and chunks it holds, and
	 * whether it holds the stream's end.
	 */
	record Kept(UUID id, String packageId, String header, long receivedBytes, int chunks, boolean complete) {

		StagedUploads.Upload staged() {
			return new StagedUploads.Upload(this.id, this.chunks);
		}

	}

}
