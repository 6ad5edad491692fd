package org.orchestrator.livesync.sync.internal.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.system.SqlValues;
import org.orchestrator.livesync.inventory.CanonicalJson;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.sync.internal.compare.FieldChange;
import org.orchestrator.livesync.sync.internal.compare.FieldDiff;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * Reads sync history: entries newest first, with filters, and an entry's items with their
 * field changes. Images are shown as the API shows items: an SSH key's private key only
 * as whether there is one.
 */
@Service
class HistoryService {

	static final int MAX_SIZE = 500;

	private static final Set<String> OPERATIONS = Set.of("push", "pull", "rollback");

	private static final String ENTRY_COLUMNS = "h.id, h.applied_at, h.operation, h.package_id, h.job_id, "
			+ "h.peer_server_id, h.peer_name, h.started_by, h.rollback_of, "
			+ "(SELECT r.id FROM sync_history r WHERE r.rollback_of = h.id) AS rolled_back_by, "
			+ "CAST(h.counts AS text) AS counts, h.items";

	private final DatabaseClient database;

	HistoryService(DatabaseClient database) {
		this.database = database;
	}

	/** What a list asks for; null: any. */
	record Filter(String operation, String peer, UUID job, Instant since, Instant until) {

		Filter {
			List<Problem.FieldError> errors = new ArrayList<>();
			if (operation != null && !OPERATIONS.contains(operation)) {
				errors.add(new Problem.FieldError("operation", "must be push, pull or rollback"));
			}
			if (peer != null && peer.length() > 200) {
				errors.add(new Problem.FieldError("peer", "must be at most 200 characters"));
			}
			if (since != null && until != null && !since.isBefore(until)) {
				errors.add(new Problem.FieldError("until", "must be after since"));
			}
			if (!errors.isEmpty()) {
				throw ProblemException.invalid(errors);
			}
		}

	}

	Mono<HistoryViews.HistoryPage> list(Filter filter, int page, int size) {
		checkPage(page, size);
		return this.database
			.sql("SELECT " + ENTRY_COLUMNS + ", count(*) OVER () AS total FROM sync_history h "
					+ "WHERE (CAST($1 AS text) IS NULL OR h.operation = $1) "
					+ "AND (CAST($2 AS text) IS NULL OR h.peer_server_id = $2 OR h.peer_name = $2) "
					+ "AND (CAST($3 AS uuid) IS NULL OR h.job_id = $3) "
					+ "AND (CAST($4 AS timestamptz) IS NULL OR h.applied_at >= $4) "
					+ "AND (CAST($5 AS timestamptz) IS NULL OR h.applied_at < $5) "
					+ "ORDER BY h.applied_at DESC, h.id LIMIT $6 OFFSET $7")
			.bind(0, SqlValues.orNull(filter.operation(), String.class))
			.bind(1, SqlValues.orNull(filter.peer(), String.class))
			.bind(2, SqlValues.orNull(filter.job(), UUID.class))
			.bind(3, SqlValues.orNull(filter.since(), Instant.class))
			.bind(4, SqlValues.orNull(filter.until(), Instant.class))
			.bind(5, size)
			.bind(6, (long) page * size)
			.map((row) -> new Counted<>(entry(row), row.get("total", Long.class)))
			.all()
			.collectList()
			.map((rows) -> new HistoryViews.HistoryPage(rows.stream().map(Counted::value).toList(), page, size,
					rows.isEmpty() ? 0 : rows.get(0).total()));
	}

	Mono<HistoryViews.HistoryEntry> entry(UUID id) {
		return this.database.sql("SELECT " + ENTRY_COLUMNS + " FROM sync_history h WHERE h.id = $1")
			.bind(0, id)
			.map((row) -> entry(row))
			.one()
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("history entry '" + id + "'")));
	}

	Mono<HistoryViews.HistoryDetail> detail(UUID id, int page, int size) {
		checkPage(page, size);
		return entry(id).flatMap((entry) -> this.database
			.sql("SELECT kind, key, CAST(before AS text), before_hash, CAST(after AS text), after_hash, "
					+ "count(*) OVER () FROM sync_history_items WHERE history_id = $1 ORDER BY kind, key "
					+ "LIMIT $2 OFFSET $3")
			.bind(0, id)
			.bind(1, size)
			.bind(2, (long) page * size)
			.map((row) -> new Counted<>(item(row), row.get(6, Long.class)))
			.all()
			.collectList()
			.map((rows) -> new HistoryViews.HistoryDetail(entry, rows.stream().map(Counted::value).toList(), page, size,
					rows.isEmpty() ? 0 : rows.get(0).total())));
	}

	private static void checkPage(int page, int size) {
		List<Problem.FieldError> errors = new ArrayList<>();
		if (page < 0) {
			errors.add(new Problem.FieldError("page", "must be 0 or more"));
		}
		if (size < 1 || size > MAX_SIZE) {
			errors.add(new Problem.FieldError("size", "must be between 1 and " + MAX_SIZE));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
	}

	private record Counted<T>(T value, long total) {
	}

	private static HistoryViews.HistoryEntry entry(Readable row) {
		JsonNode counts = CanonicalJson.read(row.get("counts", String.class), JsonNode.class);
		return new HistoryViews.HistoryEntry(row.get("id", UUID.class), row.get("applied_at", Instant.class),
				row.get("operation", String.class), row.get("package_id", UUID.class), row.get("job_id", UUID.class),
				row.get("peer_server_id", String.class), row.get("peer_name", String.class),
				row.get("started_by", String.class), row.get("rollback_of", UUID.class),
				row.get("rolled_back_by", UUID.class), counts(counts), row.get("items", Long.class));
	}

	private static HistoryViews.HistoryCounts counts(JsonNode counts) {
		return new HistoryViews.HistoryCounts(kindCounts(counts.get("applied")), kindCounts(counts.get("changed")),
				kindCounts(counts.get("deleted")));
	}

	private static KindCounts kindCounts(JsonNode counts) {
		if (counts == null) {
			return KindCounts.ZERO;
		}
		return CanonicalJson.read(CanonicalJson.writeTree(counts), KindCounts.class);
	}

	private static HistoryViews.HistoryItem item(Readable row) {
		ItemKind kind = ItemKind.ofType(row.get(0, String.class));
		JsonNode before = shown(row.get(2, String.class));
		JsonNode after = shown(row.get(4, String.class));
		String action = (before == null) ? "created" : (after == null) ? "deleted" : "changed";
		List<HistoryViews.HistoryChange> changes = FieldDiff.between(before, after)
			.stream()
			.map(HistoryService::change)
			.toList();
		return new HistoryViews.HistoryItem(kind.section(), row.get(1, String.class), action, before, after,
				row.get(3, String.class), row.get(5, String.class), changes);
	}

	private static HistoryViews.HistoryChange change(FieldChange change) {
		return new HistoryViews.HistoryChange(change.field(), change.local(), change.remote());
	}

	/**
	 * An image as the API shows the item: no content hash (the entry's hashes say it),
	 * and an SSH private key only as whether there is one.
	 */
	static JsonNode shown(String image) {
		if (image == null) {
			return null;
		}
		ObjectNode node = (ObjectNode) CanonicalJson.read(image, JsonNode.class);
		node.remove("content_hash");
		if (node.has("private_key_ciphertext")) {
			node.put("has_private_key", !node.get("private_key_ciphertext").isNull());
			node.remove("private_key_ciphertext");
		}
		return node;
	}

}
