package org.orchestrator.livesync.inventory.internal.cluster;

import java.util.ArrayList;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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
public class ClusterRepository {

	private static final BatchSql<Hashed<Cluster>> BATCH = new BatchSql<>("clusters",
			List.of(new Column<>("name", Type.TEXT, (c) -> c.item().name()),
					new Column<>("description", Type.TEXT, (c) -> c.item().description()),
					new Column<>("ha_enabled", Type.BOOLEAN, (c) -> c.item().haEnabled()),
					new Column<>("settings", Type.JSONB, (c) -> JsonObjects.toColumn(c.item().settings())),
					new Column<>("content_hash", Type.TEXT, Hashed::contentHash)));

	private static final String COLUMNS = "name, description, ha_enabled, settings, content_hash, change_seq, created_at, updated_at, "
			+ "(SELECT coalesce(jsonb_agg(jsonb_build_object('hostname', m.hostname, 'role', m.role) ORDER BY m.hostname), '[]') "
			+ "FROM cluster_nodes m WHERE m.cluster = clusters.name) AS members";

	private static final String SEARCH = "($1 = '' OR name ILIKE $1 OR description ILIKE $1)";

	private static final TypeReference<List<Cluster.Member>> MEMBERS = new TypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DatabaseClient database;

	ClusterRepository(DatabaseClient database) {
		this.database = database;
	}

	public Mono<Long> insert(List<Hashed<Cluster>> clusters) {
		return BATCH.insert(this.database, clusters);
	}

	public Mono<Long> update(List<Hashed<Cluster>> clusters) {
		return BATCH.update(this.database, clusters);
	}

	public Mono<Long> upsert(List<Hashed<Cluster>> clusters) {
		return BATCH.upsert(this.database, clusters);
	}

	/** Makes the stored node assignments of these clusters exactly the ones they list. */
	public Mono<Void> replaceMembers(List<Hashed<Cluster>> clusters) {
		if (clusters.isEmpty()) {
			return Mono.empty();
		}
		String[] names = clusters.stream().map((c) -> c.item().name()).toArray(String[]::new);
		List<String> cluster = new ArrayList<>();
		List<String> hostname = new ArrayList<>();
		List<String> role = new ArrayList<>();
		for (Hashed<Cluster> c : clusters) {
			for (Cluster.Member member : c.item().nodes()) {
				cluster.add(c.item().name());
				hostname.add(member.hostname());
				role.add(member.role());
			}
		}
		Mono<Long> delete = this.database.sql("DELETE FROM cluster_nodes WHERE cluster = ANY($1)")
			.bind(0, names)
			.fetch()
			.rowsUpdated();
		Mono<Long> insert = cluster.isEmpty() ? Mono.just(0L)
				: this.database
					.sql("INSERT INTO cluster_nodes (cluster, hostname, role) "
							+ "SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]), CAST($3 AS text[]))")
					.bind(0, cluster.toArray(String[]::new))
					.bind(1, hostname.toArray(String[]::new))
					.bind(2, role.toArray(String[]::new))
					.fetch()
					.rowsUpdated();
		return delete.then(insert).then();
	}

	/**
	 * For each of {@code hostnames}: whether the node exists, and the cluster other than
	 * {@code cluster} it already belongs to (null if none).
	 */
	public Flux<MemberCheck> checkMembers(String cluster, List<String> hostnames) {
		return this.database
			.sql("SELECT h.hostname, n.hostname IS NOT NULL AS node_exists, m.cluster AS other_cluster "
					+ "FROM unnest(CAST($1 AS text[])) AS h(hostname) LEFT JOIN nodes n ON n.hostname = h.hostname "
					+ "LEFT JOIN cluster_nodes m ON m.hostname = h.hostname AND m.cluster <> $2")
			.bind(0, hostnames.toArray(String[]::new))
			.bind(1, cluster)
			.map((row) -> new MemberCheck(row.get("hostname", String.class),
					Boolean.TRUE.equals(row.get("node_exists", Boolean.class)), row.get("other_cluster", String.class)))
			.all();
	}

	public Mono<ClusterView> find(String name) {
		return this.database.sql("SELECT " + COLUMNS + " FROM clusters WHERE name = $1")
			.bind(0, name)
			.map(ClusterRepository::view)
			.one();
	}

	public Flux<ClusterView> page(PageQuery query) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM clusters WHERE " + SEARCH + " ORDER BY name LIMIT $2 OFFSET $3")
			.bind(0, query.likePattern())
			.bind(1, query.size())
			.bind(2, query.offset())
			.map(ClusterRepository::view)
			.all();
	}

	public Mono<Long> count(PageQuery query) {
		return this.database.sql("SELECT count(*) FROM clusters WHERE " + SEARCH)
			.bind(0, query.likePattern())
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	public Mono<Long> delete(String name) {
		return this.database.sql("DELETE FROM clusters WHERE name = $1").bind(0, name).fetch().rowsUpdated();
	}

	/** Clusters in key order (byte order, as every server sorts), all or those named. */
	public Flux<ItemSnapshot> snapshots(List<String> names) {
		return KeyedSelect.ordered(this.database, COLUMNS, "clusters", "name", names).map((row) -> {
			Cluster cluster = cluster(row);
			return new ItemSnapshot(ItemKind.CLUSTER, cluster.name(), row.get("content_hash", String.class),
					CanonicalJson.tree(cluster));
		}).all();
	}

	private static ClusterView view(Readable row) {
		return ClusterView.of(cluster(row), ItemMeta.from(row));
	}

	private static Cluster cluster(Readable row) {
		return new Cluster(row.get("name", String.class), row.get("description", String.class),
				row.get("ha_enabled", Boolean.class), CanonicalJson.readObject(row.get("settings", String.class)),
				JSON.readValue(row.get("members", String.class), MEMBERS));
	}

	/** What the database says about a node a cluster wants to list. */
	public record MemberCheck(String hostname, boolean nodeExists, String otherCluster) {
	}

}
