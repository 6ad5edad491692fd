package org.orchestrator.livesync.inventory.internal.sshkey;

import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.internal.BatchSql;
import org.orchestrator.livesync.inventory.internal.BatchSql.Column;
import org.orchestrator.livesync.inventory.internal.BatchSql.Type;
import org.orchestrator.livesync.inventory.internal.ItemMeta;
import org.orchestrator.livesync.inventory.internal.KeyedSelect;
import org.orchestrator.livesync.inventory.internal.PageQuery;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
public class SshKeyRepository {

	private static final BatchSql<Row> BATCH = new BatchSql<>("ssh_keys",
			List.of(new Column<>("name", Type.TEXT, Row::name), new Column<>("public_key", Type.TEXT, Row::publicKey),
					new Column<>("fingerprint", Type.TEXT, Row::fingerprint),
					new Column<>("private_key_ciphertext", Type.TEXT, Row::privateKeyCiphertext),
					new Column<>("private_key_fingerprint", Type.TEXT, Row::privateKeyFingerprint),
					new Column<>("path", Type.TEXT, Row::path),
					new Column<>("content_hash", Type.TEXT, Row::contentHash)));

	private static final String COLUMNS = "name, public_key, fingerprint, path, private_key_ciphertext IS NOT NULL AS has_private_key, "
			+ "content_hash, change_seq, created_at, updated_at";

	private static final String SEARCH = "($1 = '' OR name ILIKE $1 OR fingerprint ILIKE $1 OR public_key ILIKE $1)";

	private final DatabaseClient database;

	SshKeyRepository(DatabaseClient database) {
		this.database = database;
	}

	public Mono<Long> insert(List<Row> keys) {
		return BATCH.insert(this.database, keys);
	}

	public Mono<Long> update(List<Row> keys) {
		return BATCH.update(this.database, keys);
	}

	public Mono<Long> upsert(List<Row> keys) {
		return BATCH.upsert(this.database, keys);
	}

	public Mono<SshKeyView> find(String name) {
		return this.database.sql("SELECT " + COLUMNS + " FROM ssh_keys WHERE name = $1")
			.bind(0, name)
			.map(SshKeyRepository::view)
			.one();
	}

	/**
	 * The encrypted private key of a key; empty when the key has none or does not exist.
	 */
	public Mono<String> privateKeyCiphertext(String name) {
		return this.database.sql("SELECT private_key_ciphertext FROM ssh_keys WHERE name = $1")
			.bind(0, name)
			.map((row) -> java.util.Optional.ofNullable(row.get(0, String.class)))
			.one()
			.flatMap(Mono::justOrEmpty);
	}

	public Flux<SshKeyView> page(PageQuery query) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM ssh_keys WHERE " + SEARCH + " ORDER BY name LIMIT $2 OFFSET $3")
			.bind(0, query.likePattern())
			.bind(1, query.size())
			.bind(2, query.offset())
			.map(SshKeyRepository::view)
			.all();
	}

	public Mono<Long> count(PageQuery query) {
		return this.database.sql("SELECT count(*) FROM ssh_keys WHERE " + SEARCH)
			.bind(0, query.likePattern())
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	public Mono<Long> delete(String name) {
		return this.database.sql("DELETE FROM ssh_keys WHERE name = $1").bind(0, name).fetch().rowsUpdated();
	}

	/**
	 * Stored keys in key order (byte order, as every server sorts), all or those named.
	 */
	public Flux<Row> rows(List<String> names) {
		return KeyedSelect.ordered(this.database,
				"name, public_key, fingerprint, private_key_ciphertext, private_key_fingerprint, path, content_hash",
				"ssh_keys", "name", names)
			.map((row) -> new Row(row.get("name", String.class), row.get("public_key", String.class),
					row.get("fingerprint", String.class), row.get("private_key_ciphertext", String.class),
					row.get("private_key_fingerprint", String.class), row.get("path", String.class),
					row.get("content_hash", String.class)))
			.all();
	}

	/** Up to {@code limit} nodes that use the key. */
	public Flux<String> nodesUsing(String name, int limit) {
		return this.database.sql("SELECT hostname FROM nodes WHERE ssh_key = $1 ORDER BY hostname LIMIT $2")
			.bind(0, name)
			.bind(1, limit)
			.map((row) -> row.get(0, String.class))
			.all();
	}

	private static SshKeyView view(Readable row) {
		ItemMeta meta = ItemMeta.from(row);
		return new SshKeyView(row.get("name", String.class), row.get("public_key", String.class),
				row.get("fingerprint", String.class), row.get("path", String.class),
				Boolean.TRUE.equals(row.get("has_private_key", Boolean.class)), meta.contentHash(), meta.changeSeq(),
				meta.createdAt(), meta.updatedAt());
	}

	/** A key as stored: the private key only as ciphertext. */
	public record Row(String name, String publicKey, String fingerprint, String privateKeyCiphertext,
			String privateKeyFingerprint, String path, String contentHash) {

		@Override
		public String toString() {
			return "SshKeyRepository.Row[name=" + this.name + "]";
		}

	}

}
