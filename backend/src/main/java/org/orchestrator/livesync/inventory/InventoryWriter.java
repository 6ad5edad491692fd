package org.orchestrator.livesync.inventory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.internal.cluster.Cluster;
import org.orchestrator.livesync.inventory.internal.cluster.ClusterRepository;
import org.orchestrator.livesync.inventory.internal.configuration.Configuration;
import org.orchestrator.livesync.inventory.internal.configuration.ConfigurationRepository;
import org.orchestrator.livesync.inventory.internal.node.Node;
import org.orchestrator.livesync.inventory.internal.node.NodeRepository;
import org.orchestrator.livesync.inventory.internal.sshkey.SshKey;
import org.orchestrator.livesync.inventory.internal.sshkey.SshKeyRepository;
import org.orchestrator.livesync.inventory.internal.sshkey.SshKeyService;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Writes batches of validated items of any kind, for bulk imports and sync packages. Runs
 * inside the caller's transaction: references are checked once at the end, so items may
 * arrive in any order, and a failure anywhere leaves nothing written.
 */
@Component
public class InventoryWriter {

	private final DatabaseClient database;

	private final NodeRepository nodes;

	private final ClusterRepository clusters;

	private final SshKeyRepository sshKeys;

	private final SshKeyService sshKeyService;

	private final ConfigurationRepository configurations;

	InventoryWriter(DatabaseClient database, NodeRepository nodes, ClusterRepository clusters, SshKeyRepository sshKeys,
			SshKeyService sshKeyService, ConfigurationRepository configurations) {
		this.database = database;
		this.nodes = nodes;
		this.clusters = clusters;
		this.sshKeys = sshKeys;
		this.sshKeyService = sshKeyService;
		this.configurations = configurations;
	}

	/**
	 * Lets references dangle until {@link #checkReferences(long)}; first thing in the
	 * transaction. Answers the change sequence number before anything is written: the
	 * mark from which the check looks at what the transaction changed.
	 */
	public Mono<Long> deferConstraints() {
		return this.database.sql("SET CONSTRAINTS ALL DEFERRED")
			.then()
			.then(this.database.sql("SELECT last_value FROM change_seq").map((row) -> row.get(0, Long.class)).one());
	}

	/**
	 * Inserts or updates the items (an item repeated in the batch: the last one wins);
	 * returns how many of each kind were new or changed.
	 */
	@SuppressWarnings("unchecked")
	public Mono<KindCounts> upsert(List<Prepared> batch) {
		Map<ItemKind, Map<String, Hashed<?>>> byKind = new EnumMap<>(ItemKind.class);
		for (Prepared prepared : batch) {
			byKind.computeIfAbsent(prepared.kind(), (k) -> new LinkedHashMap<>()).put(prepared.key(), prepared.item());
		}
		return Flux.fromIterable(byKind.entrySet()).concatMap((entry) -> {
			List<Hashed<?>> items = new ArrayList<>(entry.getValue().values());
			Mono<Long> written = switch (entry.getKey()) {
				case SSH_KEY -> this.sshKeys
					.upsert(items.stream().map((item) -> this.sshKeyService.toRow((Hashed<SshKey>) item)).toList());
				case NODE -> this.nodes.upsert((List<Hashed<Node>>) (List<?>) items);
				case CLUSTER -> this.clusters.upsert((List<Hashed<Cluster>>) (List<?>) items)
					.flatMap((count) -> this.clusters.replaceMembers((List<Hashed<Cluster>>) (List<?>) items)
						.thenReturn(count));
				case CONFIGURATION -> this.configurations.upsert((List<Hashed<Configuration>>) (List<?>) items);
			};
			return written.map((count) -> KindCounts.ZERO.plus(entry.getKey(), count));
		}).reduce(KindCounts.ZERO, KindCounts::plus);
	}

	/**
	 * Locks the rows of these keys until the transaction ends, and answers their hashes
	 * (keys that do not exist are left out): what a write may then rely on stays so.
	 */
	public Flux<ItemSnapshot> lockHashes(ItemKind kind, List<String> keys) {
		String key = InventoryReader.keyColumn(kind);
		// In key order, so two writers lock in the same order and cannot deadlock. A join
		// with the keys, not "= ANY": on a table whose statistics are stale (filled in
		// this
		// very transaction) the planner scans it, and "= ANY" then costs rows x keys.
		return this.database
			.sql("SELECT t." + key + " AS key, t.content_hash FROM " + InventoryReader.table(kind)
					+ " t JOIN unnest(CAST($1 AS text[])) AS k(key) ON t." + key + " = k.key ORDER BY t." + key
					+ " FOR UPDATE OF t")
			.bind(0, keys.toArray(String[]::new))
			.map((row) -> new ItemSnapshot(kind, row.get("key", String.class), row.get("content_hash", String.class),
					null))
			.all();
	}

	/** Deletes items of one kind by key; returns how many existed. */
	public Mono<Long> delete(ItemKind kind, List<String> keys) {
		if (keys.isEmpty()) {
			return Mono.just(0L);
		}
		return this.database
			.sql("DELETE FROM " + InventoryReader.table(kind) + " t USING unnest(CAST($1 AS text[])) AS k(key) WHERE t."
					+ InventoryReader.keyColumn(kind) + " = k.key")
			.bind(0, keys.toArray(String[]::new))
			.fetch()
			.rowsUpdated();
	}

	/**
	 * Fails, naming the items, when a node's key, a cluster's node or a membership is
	 * amiss among what changed after {@code mark} (see {@link #deferConstraints()}): the
	 * rows written and the items deleted since, so the check costs what the transaction
	 * wrote, not the inventory. (The deferred foreign keys check everything again at
	 * commit; this names what is wrong.)
	 */
	public Mono<Void> checkReferences(long mark) {
		Flux<String> missingKeys = this.database
			.sql("SELECT n.hostname, n.ssh_key FROM nodes n WHERE n.change_seq > $1 AND n.ssh_key IS NOT NULL "
					+ "AND NOT EXISTS (SELECT 1 FROM ssh_keys k WHERE k.name = n.ssh_key) "
					+ "UNION SELECT n.hostname, n.ssh_key FROM tombstones t JOIN nodes n ON n.ssh_key = t.key "
					+ "WHERE t.kind = 'ssh_key' AND t.change_seq > $1 "
					+ "AND NOT EXISTS (SELECT 1 FROM ssh_keys k WHERE k.name = n.ssh_key) ORDER BY 1 LIMIT 5")
			.bind(0, mark)
			.map((row) -> "node '" + row.get(0, String.class) + "' uses SSH key '" + row.get(1, String.class)
					+ "', which does not exist")
			.all();
		Flux<String> missingNodes = this.database
			.sql("SELECT m.cluster, m.hostname FROM clusters c JOIN cluster_nodes m ON m.cluster = c.name "
					+ "WHERE c.change_seq > $1 AND NOT EXISTS (SELECT 1 FROM nodes n WHERE n.hostname = m.hostname) "
					+ "UNION SELECT m.cluster, m.hostname FROM tombstones t JOIN cluster_nodes m ON m.hostname = t.key "
					+ "WHERE t.kind = 'node' AND t.change_seq > $1 "
					+ "AND NOT EXISTS (SELECT 1 FROM nodes n WHERE n.hostname = m.hostname) ORDER BY 1, 2 LIMIT 5")
			.bind(0, mark)
			.map((row) -> "cluster '" + row.get(0, String.class) + "' lists node '" + row.get(1, String.class)
					+ "', which does not exist")
			.all();
		Flux<String> doubleMembers = this.database
			.sql("SELECT m.hostname, string_agg(m.cluster, ''', ''' ORDER BY m.cluster) FROM cluster_nodes m "
					+ "WHERE m.hostname IN (SELECT w.hostname FROM clusters c JOIN cluster_nodes w ON w.cluster = c.name "
					+ "WHERE c.change_seq > $1) GROUP BY m.hostname HAVING count(*) > 1 ORDER BY 1 LIMIT 5")
			.bind(0, mark)
			.map((row) -> "node '" + row.get(0, String.class) + "' would belong to clusters '"
					+ row.get(1, String.class) + "'")
			.all();
		return Flux.concat(missingKeys, missingNodes, doubleMembers).collectList().flatMap((problems) -> {
			if (problems.isEmpty()) {
				return Mono.empty();
			}
			return Mono.error(new ProblemException(ProblemCode.MISSING_REFERENCE, String.join("; ", problems)));
		});
	}

	/** A validated item with its kind and natural key. */
	public record Prepared(ItemKind kind, String key, Hashed<?> item) {
	}

}
