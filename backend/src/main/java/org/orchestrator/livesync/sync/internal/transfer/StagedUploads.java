package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Streamed packages stored as they arrive, chunk by chunk, each insert a transaction of
 * its own: however slowly a sender sends, it holds no lock and no open transaction. Once
 * the upload is complete it is read back for the apply, and removed afterwards.
 */
@Component
class StagedUploads {

	/** Chunks are coalesced to about this size: few rows, small enough to hold a few. */
	static final int CHUNK_BYTES = 1024 * 1024;

	/** Chunks read back per query while applying. */
	private static final int CHUNKS_PER_READ = 4;

	private final DatabaseClient database;

	private final TransferProperties properties;

	StagedUploads(DatabaseClient database, TransferProperties properties) {
		this.database = database;
		this.properties = properties;
	}

	/** Stores {@code ciphertext} as it arrives; a failed upload leaves nothing behind. */
	Mono<Upload> stage(SyncPackage header, Flux<byte[]> ciphertext) {
		UUID id = UUID.randomUUID();
		Mono<Void> open = this.database
			.sql("INSERT INTO sync_staged_uploads (upload_id, package_id, source_server_id) VALUES ($1, $2, $3)")
			.bind(0, id)
			.bind(1, UUID.fromString(header.packageId()))
			.bind(2, header.sourceServerId())
			.then();
		return open.thenMany(coalesced(ciphertext))
			.index()
			.concatMap((chunk) -> this.database
				.sql("INSERT INTO sync_staged_chunks (upload_id, seq, data) VALUES ($1, $2, $3)")
				.bind(0, id)
				.bind(1, chunk.getT1().intValue())
				.bind(2, chunk.getT2())
				.then()
				.thenReturn(1))
			.count()
			.map((chunks) -> new Upload(id, chunks.intValue()))
			.onErrorResume((failure) -> discard(id).then(Mono.error(failure)));
	}

	/** The staged bytes, in order, a few chunks at a time. */
	Flux<byte[]> read(Upload upload) {
		return Flux.range(0, (upload.chunks() + CHUNKS_PER_READ - 1) / CHUNKS_PER_READ)
			.concatMap((page) -> this.database
				.sql("SELECT data FROM sync_staged_chunks WHERE upload_id = $1 AND seq >= $2 AND seq < $3 ORDER BY seq")
				.bind(0, upload.id())
				.bind(1, page * CHUNKS_PER_READ)
				.bind(2, (page + 1) * CHUNKS_PER_READ)
				.map((row) -> row.get(0, byte[].class))
				.all()
				// A page is read whole before the next query: nothing waits on a
				// half-read
				// result.
				.collectList())
			.concatMapIterable((chunks) -> chunks);
	}

	Mono<Void> discard(Upload upload) {
		return discard(upload.id());
	}

	private Mono<Void> discard(UUID id) {
		return this.database.sql("DELETE FROM sync_staged_uploads WHERE upload_id = $1").bind(0, id).then();
	}

	/**
	 * Uploads nobody will apply any more: of a server that stopped while receiving or
	 * applying them, and kept uploads of resumable pushes that were never resumed. An
	 * upload that is still arriving is touched with every chunk, so only those idle for
	 * {@code STAGED_UPLOAD_MAX_AGE} go.
	 */
	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	void forgetAbandoned() {
		forgetAbandoned(this.properties.abandonedAfter()).onErrorComplete().subscribe();
	}

	/** Forgets the uploads idle for longer than {@code age}; how many there were. */
	Mono<Long> forgetAbandoned(Duration age) {
		return this.database.sql("DELETE FROM sync_staged_uploads WHERE touched_at < now() - make_interval(secs => $1)")
			.bind(0, age.toMillis() / 1000.0)
			.fetch()
			.rowsUpdated();
	}

	/** Coalesces the arriving pieces into chunks of about {@link #CHUNK_BYTES}. */
	private static Flux<byte[]> coalesced(Flux<byte[]> pieces) {
		return Flux.defer(() -> {
			ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK_BYTES);
			return pieces.concatMap((piece) -> {
				pending.write(piece, 0, piece.length);
				if (pending.size() < CHUNK_BYTES) {
					return Mono.empty();
				}
				byte[] chunk = pending.toByteArray();
				pending.reset();
				return Mono.just(chunk);
			}).concatWith(Mono.fromCallable(() -> (pending.size() > 0) ? pending.toByteArray() : null));
		});
	}

	/** A complete upload: its id and how many chunks it has. */
	record Upload(UUID id, int chunks) {
	}

}
