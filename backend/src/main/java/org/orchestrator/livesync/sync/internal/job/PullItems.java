package org.orchestrator.livesync.sync.internal.job;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.sync.internal.transfer.ItemKey;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The items a running pull takes, kept in the database rather than in memory, so that a
 * pull of a million items costs no more heap than one of a thousand: each with what this
 * server had of it when the job decided, and the decision. Written and read a batch per
 * statement; removed when the pull ends, and swept if a server stopped half way.
 */
@Repository
class PullItems {

	/** Items per statement. */
	static final int BATCH = 1000;

	/** Pulls left behind by a server that stopped while running them. */
	private static final Duration ABANDONED = Duration.ofDays(1);

	private final DatabaseClient database;

	PullItems(DatabaseClient database) {
		this.database = database;
	}

	/** An item the pull takes. */
	record Taken(ItemKey key, String expect, JobSelection.Decision decision) {
	}

	Mono<Void> add(UUID pull, List<Taken> batch) {
		return this.database.sql("""
				INSERT INTO sync_pull_items (pull_id, kind, key, expect, decision)
				SELECT $1, kind, key, expect, decision
				FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS taken (kind, key, expect, decision)""")
			.bind(0, pull)
			.bind(1, batch.stream().map((taken) -> taken.key().kind()).toArray(String[]::new))
			.bind(2, batch.stream().map((taken) -> taken.key().key()).toArray(String[]::new))
			.bind(3, batch.stream().map(Taken::expect).toArray(String[]::new))
			.bind(4, batch.stream().map((taken) -> taken.decision().name()).toArray(String[]::new))
			.then();
	}

	/** Every item the pull takes, in kind and key order, a batch per statement. */
	Flux<Taken> all(UUID pull) {
		return page(pull, null)
			.expand((page) -> (page.size() < BATCH) ? Mono.empty() : page(pull, page.get(page.size() - 1).key()))
			.concatMapIterable((page) -> page);
	}

	/**
	 * What this server had of {@code keys} when the job decided: those the pull takes.
	 */
	Mono<Map<ItemKey, String>> expected(UUID pull, List<ItemKey> keys) {
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.database.sql("""
				SELECT i.kind, i.key, i.expect FROM unnest($2::text[], $3::text[]) AS asked (kind, key)
				JOIN sync_pull_items i ON i.pull_id = $1 AND i.kind = asked.kind AND i.key = asked.key""")
			.bind(0, pull)
			.bind(1, keys.stream().map(ItemKey::kind).toArray(String[]::new))
			.bind(2, keys.stream().map(ItemKey::key).toArray(String[]::new))
			.map((row) -> Map.entry(new ItemKey(row.get(0, String.class), row.get(1, String.class)),
					row.get(2, String.class)))
			.all()
			.collect(HashMap::new, (found, entry) -> found.put(entry.getKey(), entry.getValue()));
	}

	Mono<Void> forget(UUID pull) {
		return this.database.sql("DELETE FROM sync_pull_items WHERE pull_id = $1").bind(0, pull).then();
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	void forgetAbandoned() {
		this.database.sql("DELETE FROM sync_pull_items WHERE created_at < now() - make_interval(secs => $1)")
			.bind(0, (double) ABANDONED.toSeconds())
			.then()
			.onErrorComplete()
			.subscribe();
	}

	private Mono<List<Taken>> page(UUID pull, ItemKey after) {
		return this.database.sql("""
				SELECT kind, key, expect, decision FROM sync_pull_items
				WHERE pull_id = $1 AND (kind, key) > ($2, $3) ORDER BY kind, key LIMIT $4""")
			.bind(0, pull)
			.bind(1, (after != null) ? after.kind() : "")
			.bind(2, (after != null) ? after.key() : "")
			.bind(3, BATCH)
			.map((row) -> new Taken(new ItemKey(row.get(0, String.class), row.get(1, String.class)),
					row.get(2, String.class), JobSelection.Decision.valueOf(row.get(3, String.class))))
			.all()
			.collectList();
	}

}
