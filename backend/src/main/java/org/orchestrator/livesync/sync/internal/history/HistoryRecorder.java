package org.orchestrator.livesync.sync.internal.history;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.CanonicalJson;
import org.orchestrator.livesync.inventory.ItemImages;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.system.SqlValues;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Records, inside the transaction that applies a package (or a rollback), what it changed
 * here: an entry, then for each batch the images of the items it is about to write and,
 * once written, the images after. Only items whose content changed are recorded. A batch
 * at a time: the history of a package of any size costs flat memory.
 */
@Component
public class HistoryRecorder {

	private final DatabaseClient database;

	private final ItemImages images;

	HistoryRecorder(DatabaseClient database, ItemImages images) {
		this.database = database;
		this.images = images;
	}

	/** Where the entry of an apply comes from: the package's source and provenance. */
	public record Source(String packageId, String peerServerId, String peerName, UUID rollbackOf) {
	}

	/** Opens a new entry; answers its id. */
	public Mono<UUID> begin(Provenance provenance, Source source) {
		UUID id = UUID.randomUUID();
		return this.database
			.sql("INSERT INTO sync_history (id, operation, package_id, job_id, peer_server_id, peer_name, started_by, "
					+ "rollback_of) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
			.bind(0, id)
			.bind(1, provenance.operation().value())
			.bind(2, SqlValues.orNull((source.packageId() != null) ? UUID.fromString(source.packageId()) : null,
					UUID.class))
			.bind(3, SqlValues.orNull(provenance.jobId(), UUID.class))
			.bind(4, SqlValues.orNull(source.peerServerId(), String.class))
			.bind(5, SqlValues.orNull(source.peerName(), String.class))
			.bind(6, SqlValues.orNull(provenance.startedBy(), String.class))
			.bind(7, SqlValues.orNull(source.rollbackOf(), UUID.class))
			.then()
			.thenReturn(id);
	}

	/** The images of what a batch is about to write, by kind and key. */
	public static final class Before {

		private final UUID entry;

		private final Map<ItemKind, List<String>> keys = new EnumMap<>(ItemKind.class);

		private final Map<ItemKind, Map<String, ItemImages.Image>> found = new EnumMap<>(ItemKind.class);

		private Before(UUID entry) {
			this.entry = entry;
		}

	}

	/** Reads the images of {@code keys} (per kind) before a batch writes them. */
	public Mono<Before> before(UUID entry, Map<ItemKind, List<String>> keys) {
		Before before = new Before(entry);
		keys.forEach((kind, list) -> {
			if (!list.isEmpty()) {
				before.keys.put(kind, new ArrayList<>(new LinkedHashSet<>(list)));
			}
		});
		return Flux.fromIterable(before.keys.entrySet())
			.concatMap((byKind) -> this.images.read(byKind.getKey(), byKind.getValue())
				.doOnNext((image) -> before.found.computeIfAbsent(byKind.getKey(), (k) -> new HashMap<>())
					.put(image.key(), image)))
			.then(Mono.just(before));
	}

	/**
	 * Records each item of {@code before} whose content the batch changed, with its
	 * images before and after. An item written again by a later batch of the same entry
	 * keeps its first image before and gets the last after.
	 */
	public Mono<Void> after(Before before) {
		return Flux.fromIterable(before.keys.entrySet()).concatMap((entry) -> {
			ItemKind kind = entry.getKey();
			List<String> keys = entry.getValue();
			Map<String, ItemImages.Image> found = before.found.getOrDefault(kind, Map.of());
			String[] rows = new String[keys.size()];
			String[] hashes = new String[keys.size()];
			for (int i = 0; i < keys.size(); i++) {
				ItemImages.Image image = found.get(keys.get(i));
				rows[i] = (image != null) ? image.row() : null;
				hashes[i] = (image != null) ? image.contentHash() : null;
			}
			String table = ItemImages.table(kind);
			return this.database
				.sql("INSERT INTO sync_history_items (history_id, kind, key, before, before_hash, after, after_hash) "
						+ "SELECT $1, $2, w.key, CAST(w.before AS jsonb), w.before_hash, " + ItemImages.image(kind, "t")
						+ ", t.content_hash FROM unnest(CAST($3 AS text[]), CAST($4 AS text[]), CAST($5 AS text[])) "
						+ "AS w(key, before, before_hash) LEFT JOIN " + table + " t ON t." + ItemImages.keyColumn(kind)
						+ " = w.key WHERE t.content_hash IS DISTINCT FROM w.before_hash "
						+ "ON CONFLICT (history_id, kind, key) DO UPDATE SET after = EXCLUDED.after, "
						+ "after_hash = EXCLUDED.after_hash")
				.bind(0, before.entry)
				.bind(1, kind.type())
				.bind(2, keys.toArray(String[]::new))
				.bind(3, rows)
				.bind(4, hashes)
				.then();
		}).then();
	}

	/** Closes an entry with the apply's counts and how many items it recorded. */
	public Mono<Void> finish(UUID entry, KindCounts applied, KindCounts changed, KindCounts deleted) {
		String counts = CanonicalJson.write(Map.of("applied", applied, "changed", changed, "deleted", deleted));
		return this.database
			.sql("UPDATE sync_history SET counts = CAST($2 AS jsonb), items = (SELECT count(*) FROM sync_history_items "
					+ "WHERE history_id = $1) WHERE id = $1")
			.bind(0, entry)
			.bind(1, counts)
			.then();
	}

}
