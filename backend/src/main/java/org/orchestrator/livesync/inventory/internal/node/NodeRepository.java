package org.orchestrator.livesync.inventory.internal.node;

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
public class NodeRepository {

	private static final BatchSql<Hashed<Node>> BATCH = new BatchSql<>("nodes",
			List.of(new Column<>("hostname", Type.TEXT, (n) -> n.item().hostname()),
					new Column<>("ip", Type.TEXT, (n) -> n.item().ip()),
					new Column<>("username", Type.TEXT, (n) -> n.item().username()),
					new Column<>("ssh_port", Type.INTEGER, (n) -> n.item().sshPort()),
					new Column<>("ssh_key", Type.TEXT, (n) -> n.item().sshKey()),
					new Column<>("microk8s_status", Type.TEXT, (n) -> n.item().microk8sStatus()),
					new Column<>("wol", Type.JSONB, (n) -> JsonObjects.toColumn(n.item().wol())),
					new Column<>("hardware", Type.JSONB, (n) -> JsonObjects.toColumn(n.item().hardware())),
					new Column<>("content_hash", Type.TEXT, Hashed::contentHash)));

	/** What sync reads and carries: the content and its hash. */
	private static final String SYNCED_COLUMNS = "hostname, ip, username, ssh_port, ssh_key, microk8s_status, wol, "
			+ "hardware, content_hash";

	private static final String COLUMNS = SYNCED_COLUMNS + ", change_seq, created_at, updated_at";

	private static final String SEARCH = "($1 = '' OR hostname ILIKE $1 OR ip ILIKE $1 OR username ILIKE $1)";

	private final DatabaseClient database;

	NodeRepository(DatabaseClient database) {
		this.database = database;
	}

	public Mono<Long> insert(List<Hashed<Node>> nodes) {
		return BATCH.insert(this.database, nodes);
	}

	public Mono<Long> update(List<Hashed<Node>> nodes) {
		return BATCH.update(this.database, nodes);
	}

	public Mono<Long> upsert(List<Hashed<Node>> nodes) {
		return BATCH.upsert(this.database, nodes);
	}

	public Mono<NodeView> find(String hostname) {
		return this.database.sql("SELECT " + COLUMNS + " FROM nodes WHERE hostname = $1")
			.bind(0, hostname)
			.map(NodeRepository::view)
			.one();
	}

	public Flux<NodeView> page(PageQuery query) {
		return this.database
			.sql("SELECT " + COLUMNS + " FROM nodes WHERE " + SEARCH + " ORDER BY hostname LIMIT $2 OFFSET $3")
			.bind(0, query.likePattern())
			.bind(1, query.size())
			.bind(2, query.offset())
			.map(NodeRepository::view)
			.all();
	}

	public Mono<Long> count(PageQuery query) {
		return this.database.sql("SELECT count(*) FROM nodes WHERE " + SEARCH)
			.bind(0, query.likePattern())
			.map((row) -> row.get(0, Long.class))
			.one();
	}

	public Mono<Long> delete(String hostname) {
		return this.database.sql("DELETE FROM nodes WHERE hostname = $1").bind(0, hostname).fetch().rowsUpdated();
	}

	/**
	 * Nodes in key order (byte order, as every server sorts), all or those named. Reads
	 * only what sync carries: a full sync reads every node this way.
	 */
	public Flux<ItemSnapshot> snapshots(List<String> hostnames) {
		return KeyedSelect.ordered(this.database, SYNCED_COLUMNS, "nodes", "hostname", hostnames).map((row) -> {
			Node node = node(row);
			return new ItemSnapshot(ItemKind.NODE, node.hostname(), row.get("content_hash", String.class),
					CanonicalJson.tree(node));
		}).all();
	}

	/** The cluster a node belongs to, if any. */
	public Mono<String> clusterOf(String hostname) {
		return this.database.sql("SELECT cluster FROM cluster_nodes WHERE hostname = $1")
			.bind(0, hostname)
			.map((row) -> row.get("cluster", String.class))
			.one();
	}

	static NodeView view(Readable row) {
		return NodeView.of(node(row), ItemMeta.from(row));
	}

	private static Node node(Readable row) {
		return new Node(row.get("hostname", String.class), row.get("ip", String.class),
				row.get("username", String.class), row.get("ssh_port", Integer.class), row.get("ssh_key", String.class),
				row.get("microk8s_status", String.class),
				CanonicalJson.read(row.get("wol", String.class), Node.WakeOnLan.class),
				CanonicalJson.readObject(row.get("hardware", String.class)));
	}

}
