package org.orchestrator.livesync.sync.internal.transfer;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The keys a peer asks this server to stream as a package when they are too many to name
 * in one JSON document: stored as they arrive, a batch per statement, and read back a
 * batch at a time in key order while the package is produced. Memory stays flat however
 * many there are.
 */
@Repository
class RequestedItems {

	/** Keys stored, and read back, per statement. */
	static final int BATCH = 1000;

	/** Requests left behind by a server that stopped while producing them. */
	private static final Duration ABANDONED = Duration.ofDays(1);

	private final DatabaseClient database;

	RequestedItems(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * Stores {@code keys} under a new request id; refuses a key that is malformed or
	 * named twice, and then keeps none of them.
	 */
	Mono<UUID> store(Flux<JsonNode> keys) {
		UUID id = UUID.randomUUID();
		AtomicLong line = new AtomicLong();
		return keys.map((key) -> checked(key, line.incrementAndGet()))
			.buffer(BATCH)
			.concatMap((batch) -> insert(id, batch))
			.reduce(0L, Long::sum)
			.flatMap((stored) -> (stored == 0) ? Mono.error(ProblemException.invalid("body", "name at least one item"))
					: Mono.just(id))
			.onErrorResume((failure) -> forget(id).then(Mono.error(failure)));
	}

	/**
	 * The keys of {@code kind} in request {@code id}, in key order, a batch at a time.
	 */
	Flux<List<String>> keys(UUID id, ItemKind kind) {
		return page(id, kind, "")
			.expand((keys) -> (keys.size() < BATCH) ? Mono.empty() : page(id, kind, keys.get(keys.size() - 1)))
			.filter((keys) -> !keys.isEmpty());
	}

	Mono<Void> forget(UUID id) {
		return this.database.sql("DELETE FROM sync_pull_requests WHERE request_id = $1").bind(0, id).then();
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	void forgetAbandoned() {
		this.database.sql("DELETE FROM sync_pull_requests WHERE created_at < now() - make_interval(secs => $1)")
			.bind(0, (double) ABANDONED.toSeconds())
			.then()
			.onErrorComplete()
			.subscribe();
	}

	private Mono<List<String>> page(UUID id, ItemKind kind, String after) {
		return this.database.sql("""
				SELECT key FROM sync_pull_requests WHERE request_id = $1 AND kind = $2 AND key > $3
				ORDER BY key LIMIT $4""")
			.bind(0, id)
			.bind(1, kind.section())
			.bind(2, after)
			.bind(3, BATCH)
			.map((row) -> row.get(0, String.class))
			.all()
			.collectList();
	}

	private Mono<Long> insert(UUID id, List<ItemKey> batch) {
		return this.database.sql("""
				INSERT INTO sync_pull_requests (request_id, kind, key)
				SELECT $1, kind, key FROM unnest($2::text[], $3::text[]) AS requested (kind, key)
				ON CONFLICT DO NOTHING""")
			.bind(0, id)
			.bind(1, batch.stream().map(ItemKey::kind).toArray(String[]::new))
			.bind(2, batch.stream().map(ItemKey::key).toArray(String[]::new))
			.fetch()
			.rowsUpdated()
			.flatMap((stored) -> (stored == batch.size()) ? Mono.just(stored)
					: Mono.error(ProblemException.invalid("body", "an item is named twice")));
	}

	private static ItemKey checked(JsonNode line, long number) {
		String at = "line " + number;
		ItemKey key = new ItemKey(text(line.path("kind")), text(line.path("key")));
		if (key.itemKind() == null || key.key() == null) {
			throw ProblemException.invalid(at,
					"must name a kind (nodes, clusters, ssh_keys or configurations) and a key");
		}
		boolean wellFormed = (key.itemKind() == ItemKind.NODE) ? Formats.isHostname(key.key())
				: Formats.isName(key.key());
		if (!wellFormed) {
			throw ProblemException.invalid(at, "is not a valid " + key.itemKind().type() + " key");
		}
		return key;
	}

	private static String text(JsonNode field) {
		return field.isString() ? field.asString() : null;
	}

}
