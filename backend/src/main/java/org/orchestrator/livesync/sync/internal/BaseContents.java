package org.orchestrator.livesync.sync.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.CanonicalJson;
import org.orchestrator.livesync.inventory.ItemKind;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The contents of sync bases, by content hash: what an item was when two servers last
 * synced it, for the per-field merge of a conflict. Kept as items are sent or applied
 * (before their bases are recorded), and swept once no base refers to them.
 */
@Repository
public class BaseContents {

	/** How long a content no base refers to is kept: long enough for any job to end. */
	private static final String UNUSED_AFTER = "1 day";

	private final DatabaseClient database;

	BaseContents(DatabaseClient database) {
		this.database = database;
	}

	/** A content to keep: its hash and its peer view. */
	public record Kept(String contentHash, JsonNode peerView) {
	}

	/** Keeps these contents; one kept already is only marked as used again. */
	public Mono<Void> keep(List<Kept> contents) {
		if (contents.isEmpty()) {
			return Mono.empty();
		}
		Map<String, String> byHash = new LinkedHashMap<>();
		contents.forEach((kept) -> byHash.putIfAbsent(kept.contentHash(), CanonicalJson.writeTree(kept.peerView())));
		return this.database
			.sql("INSERT INTO sync_base_contents (content_hash, content) "
					+ "SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS text[])) ON CONFLICT (content_hash) "
					+ "DO UPDATE SET kept_at = now() WHERE sync_base_contents.kept_at < now() - interval '1 hour'")
			.bind(0, byHash.keySet().toArray(String[]::new))
			.bind(1, byHash.values().toArray(String[]::new))
			.then();
	}

	/** The kept contents of these hashes; a hash without one is left out. */
	public Mono<Map<String, JsonNode>> contents(Collection<String> hashes) {
		if (hashes.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database
			.sql("SELECT c.content_hash, c.content FROM sync_base_contents c "
					+ "JOIN unnest(CAST($1 AS text[])) AS w(hash) ON c.content_hash = w.hash")
			.bind(0, hashes.stream().distinct().toArray(String[]::new))
			.map((row) -> Map.entry(row.get(0, String.class),
					CanonicalJson.read(row.get(1, String.class), JsonNode.class)))
			.all()
			.collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
	}

	/** The peer view of a package's content: without an SSH private key. */
	public static JsonNode peerView(ItemKind kind, JsonNode packageContent) {
		if (kind != ItemKind.SSH_KEY) {
			return packageContent;
		}
		return CanonicalJson.read(CanonicalJson.writeTree(packageContent), kind.itemClass()).peerView();
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 120_000)
	void forgetUnused() {
		this.database
			.sql("DELETE FROM sync_base_contents c WHERE c.kept_at < now() - interval '" + UNUSED_AFTER
					+ "' AND NOT EXISTS (SELECT 1 FROM sync_bases b WHERE b.content_hash = c.content_hash)")
			.then()
			.onErrorComplete()
			.subscribe();
	}

}
