package org.orchestrator.livesync.inventory;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.internal.KeyedSelect;
import org.orchestrator.livesync.inventory.internal.cluster.ClusterRepository;
import org.orchestrator.livesync.inventory.internal.configuration.ConfigurationRepository;
import org.orchestrator.livesync.inventory.internal.node.NodeRepository;
import org.orchestrator.livesync.inventory.internal.sshkey.SshKeyService;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Streams the inventory for sync, in the one order every server uses: kinds in
 * {@link ItemKind} order, keys in byte order. Streams, never lists: an inventory of any
 * size passes through in constant memory.
 */
@Component
public class InventoryReader {

	private final NodeRepository nodes;

	private final ClusterRepository clusters;

	private final SshKeyService sshKeys;

	private final ConfigurationRepository configurations;

	private final DatabaseClient database;

	InventoryReader(NodeRepository nodes, ClusterRepository clusters, SshKeyService sshKeys,
			ConfigurationRepository configurations, DatabaseClient database) {
		this.nodes = nodes;
		this.clusters = clusters;
		this.sshKeys = sshKeys;
		this.configurations = configurations;
		this.database = database;
	}

	/** Every item as a peer may see it (no SSH private keys). */
	public Flux<ItemSnapshot> peerView() {
		return Flux.fromArray(ItemKind.values()).concatMap((kind) -> peerView(kind, null));
	}

	/** Items of one kind as a peer may see them; {@code keys} null means all. */
	public Flux<ItemSnapshot> peerView(ItemKind kind, List<String> keys) {
		return switch (kind) {
			case SSH_KEY -> this.sshKeys.peerSnapshots(keys);
			case NODE -> this.nodes.snapshots(keys);
			case CLUSTER -> this.clusters.snapshots(keys);
			case CONFIGURATION -> this.configurations.snapshots(keys);
		};
	}

	/**
	 * Every item's key and content hash only, in inventory order: all a compare for a job
	 * needs.
	 */
	public Flux<ItemSnapshot> hashes() {
		return hashes(java.util.EnumSet.allOf(ItemKind.class));
	}

	/** The keys and content hashes of the items of these kinds, in inventory order. */
	public Flux<ItemSnapshot> hashes(java.util.Set<ItemKind> kinds) {
		return Flux.fromArray(ItemKind.values())
			.filter(kinds::contains)
			.concatMap((kind) -> KeyedSelect
				.ordered(this.database, keyColumn(kind) + " AS key, content_hash", table(kind), keyColumn(kind), null)
				.map((row) -> new ItemSnapshot(kind, row.get("key", String.class),
						row.get("content_hash", String.class), null))
				.all());
	}

	/** Keys and content hashes of the items in scope, in inventory order. */
	public Flux<ItemSnapshot> hashes(Scope scope) {
		return Flux.fromIterable(scope.kinds().entrySet())
			.concatMap((entry) -> (entry.getValue() != null) ? hashes(entry.getKey(), entry.getValue())
					: hashes(java.util.EnumSet.of(entry.getKey())));
	}

	/** Keys and content hashes of the named items of one kind that exist. */
	public Flux<ItemSnapshot> hashes(ItemKind kind, List<String> keys) {
		return KeyedSelect
			.ordered(this.database, keyColumn(kind) + " AS key, content_hash", table(kind), keyColumn(kind), keys)
			.map((row) -> new ItemSnapshot(kind, row.get("key", String.class), row.get("content_hash", String.class),
					null))
			.all();
	}

	/**
	 * Keys and content hashes of the first {@code limit} items of one kind, in inventory
	 * order: a bounded read, for lists that are cut anyway.
	 */
	public Flux<ItemSnapshot> firstHashes(ItemKind kind, int limit) {
		return this.database
			.sql("SELECT " + keyColumn(kind) + " AS key, content_hash FROM " + table(kind) + " ORDER BY "
					+ keyColumn(kind) + " COLLATE \"C\" LIMIT $1")
			.bind(0, limit)
			.map((row) -> new ItemSnapshot(kind, row.get("key", String.class), row.get("content_hash", String.class),
					null))
			.all();
	}

	static String table(ItemKind kind) {
		return switch (kind) {
			case NODE -> "nodes";
			case CLUSTER -> "clusters";
			case SSH_KEY -> "ssh_keys";
			case CONFIGURATION -> "configurations";
		};
	}

	static String keyColumn(ItemKind kind) {
		return (kind == ItemKind.NODE) ? "hostname" : "name";
	}

	/** Items of one kind with everything a package carries, SSH private keys in clear. */
	public Flux<ItemSnapshot> packageView(ItemKind kind, List<String> keys) {
		return (kind == ItemKind.SSH_KEY) ? this.sshKeys.packageSnapshots(keys) : peerView(kind, keys);
	}

	/** The last content hash of deleted items of one kind among {@code keys}, by key. */
	public Flux<ItemSnapshot> tombstones(ItemKind kind, List<String> keys) {
		return this.database
			.sql("SELECT t.key, t.content_hash FROM tombstones t JOIN unnest(CAST($2 AS text[])) AS w(key) "
					+ "ON t.key = w.key WHERE t.kind = $1 ORDER BY t.key COLLATE \"C\"")
			.bind(0, kind.type())
			.bind(1, keys.toArray(String[]::new))
			.map((row) -> new ItemSnapshot(kind, row.get("key", String.class), row.get("content_hash", String.class),
					null))
			.all();
	}

	/**
	 * The hybrid-logical-clock stamps of the last change of the named items of one kind,
	 * by key: of the item, or of its deletion; a key without one (never here, or changed
	 * before stamps were kept) is left out.
	 */
	public Mono<java.util.Map<String, Long>> stamps(ItemKind kind, List<String> keys) {
		return this.database
			.sql("SELECT i." + keyColumn(kind) + " AS key, i.changed_hlc FROM " + table(kind) + " i "
					+ "JOIN unnest(CAST($2 AS text[])) AS w(key) ON i." + keyColumn(kind) + " = w.key "
					+ "WHERE i.changed_hlc IS NOT NULL UNION ALL SELECT t.key, t.changed_hlc FROM tombstones t "
					+ "JOIN unnest(CAST($2 AS text[])) AS w(key) ON t.key = w.key "
					+ "WHERE t.kind = $1 AND t.changed_hlc IS NOT NULL")
			.bind(0, kind.type())
			.bind(1, keys.toArray(String[]::new))
			.map((row) -> java.util.Map.entry(row.get("key", String.class), row.get("changed_hlc", Long.class)))
			.all()
			// An item and its tombstone never both exist: an insert forgets the
			// tombstone.
			.collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue, java.util.HashMap::new)
			.map((stamps) -> (java.util.Map<String, Long>) stamps);
	}

	public Mono<KindCounts> counts() {
		return this.database
			.sql("SELECT (SELECT count(*) FROM nodes) AS nodes, (SELECT count(*) FROM clusters) AS clusters, "
					+ "(SELECT count(*) FROM ssh_keys) AS ssh_keys, (SELECT count(*) FROM configurations) AS configurations")
			.map((row) -> new KindCounts(row.get("nodes", Long.class), row.get("clusters", Long.class),
					row.get("ssh_keys", Long.class), row.get("configurations", Long.class)))
			.one();
	}

}
