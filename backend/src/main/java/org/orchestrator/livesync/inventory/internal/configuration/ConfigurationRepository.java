package org.orchestrator.livesync.inventory.internal.configuration;

import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.CanonicalJson;
import org.orchestrator.livesync.inventory.Hashed;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.inventory.internal.BatchSql;
import org.orchestrator.livesync.inventory.internal.BatchSql.Column;
import org.orchestrator.livesync.inventory.internal.BatchSql.Type;
import org.orchestrator.livesync.inventory.internal.ItemMeta;
import org.orchestrator.livesync.inventory.internal.JsonObjects;
import org.orchestrator.livesync.inventory.internal.KeyedSelect;
import org.orchestrator.livesync.inventory.internal.PageQuery;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
public class ConfigurationRepository {

	private static final BatchSql<Hashed<Configuration>> BATCH = new BatchSql<>("configurations",
			List.of(new Column<>("name", Type.TEXT, (c) -> c.item().name()),
					new Column<>("kind", Type.TEXT, (c) -> c.item().kind()),
					new Column<>("content", Type.TEXT, (c) -> c.item().content()),
					new Column<>("settings", Type.JSONB, (c) -> JsonObjects.toColumn(c.item().settings())),
					new Column<>("content_hash", Type.TEXT, Hashed::contentHash)));

	private static final String COLUMNS = "name, kind, content, settings, content_hash, change_seq, created_at, updated_at";

	private static final String SEARCH = "($1 = '' OR name ILIKE $1 OR kind ILIKE $1 OR content ILIKE $1)";

	private final DatabaseClient database;

	ConfigurationRepository(DatabaseClient database) {
		this.database = database;
	}

	public Mono<Long> insert(List<Hashed<Configuration>> configurations) {
		return BATCH.insert(this.database, configurations);
	}

	public Mono<Long> update(List<Hashed<Configuration>> configurations) {
		return BATCH.update(this.database, configurations);
	}

	public Mono<Long> upsert(List<Hashed<Configuration>> configurations) {
		return BATCH.upsert(this.database, configurations);
	}

	public Mono<ConfigurationView> find(String name) {
		return this.database.sql("SELECT " + COLUMNS + " FROM configurations WHERE name = $1")
			.bind(0, name)
			.map(ConfigurationRepository::view)
			.one();
	}

	public Flux<ConfigurationView> page(PageQuery query) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM configurations WHERE " + SEARCH + " ORDER BY name LIMIT $2 OFFSET $3")
			.bind(0, query.likePattern())
			.bind(1, query.size())
			.bind(2, query.offset())
			.map(ConfigurationRepository::view)
			.all();
	}

	public Mono<Long> count(PageQuery query) {
		return this.database.sql("SELECT count(*) FROM configurations WHERE " + SEARCH)
			.bind(0, query.likePattern())
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	public Mono<Long> delete(String name) {
		return this.database.sql("DELETE FROM configurations WHERE name = $1").bind(0, name).fetch().rowsUpdated();
	}

	/**
	 * Configurations in key order (byte order, as every server sorts), all or those
	 * named.
	 */
	public Flux<ItemSnapshot> snapshots(List<String> names) {
		return KeyedSelect.ordered(this.database, COLUMNS, "configurations", "name", names).map((row) -> {
			Configuration configuration = configuration(row);
			return new ItemSnapshot(ItemKind.CONFIGURATION, configuration.name(), row.get("content_hash", String.class),
					CanonicalJson.tree(configuration));
		}).all();
	}

	private static ConfigurationView view(Readable row) {
		return ConfigurationView.of(configuration(row), ItemMeta.from(row));
	}

	private static Configuration configuration(Readable row) {
		return new Configuration(row.get("name", String.class), row.get("kind", String.class),
				row.get("content", String.class), CanonicalJson.readObject(row.get("settings", String.class)));
	}

}
