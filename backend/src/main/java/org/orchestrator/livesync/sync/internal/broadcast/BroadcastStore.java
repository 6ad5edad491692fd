package org.orchestrator.livesync.sync.internal.broadcast;

import java.util.UUID;

import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.system.SqlValues;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Broadcasts in PostgreSQL: saved when they start and when they end. */
@Repository
class BroadcastStore {

	private final DatabaseClient database;

	private final JsonMapper json;

	/** Reads what {@link #json} wrote, whose events carry their type as a field. */
	private final JsonMapper reader;

	BroadcastStore(DatabaseClient database, JsonMapper json) {
		this.database = database;
		this.json = json;
		this.reader = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	Mono<Void> save(BroadcastView view) {
		return this.database.sql("INSERT INTO sync_broadcasts (id, started_by, started_at, finished_at, view) "
				+ "VALUES ($1, $2, $3, $4, CAST($5 AS jsonb)) ON CONFLICT (id) DO UPDATE "
				+ "SET finished_at = EXCLUDED.finished_at, view = EXCLUDED.view "
				// A late save of a running snapshot never undoes the end.
				+ "WHERE sync_broadcasts.finished_at IS NULL")
			.bind(0, UUID.fromString(view.broadcastId()))
			.bind(1, SqlValues.orNull(view.startedBy(), String.class))
			.bind(2, view.startedAt())
			.bind(3, SqlValues.orNull(view.finishedAt(), java.time.Instant.class))
			.bind(4, this.json.writeValueAsString(view))
			.then();
	}

	Mono<BroadcastView> find(UUID id) {
		return this.database.sql("SELECT view FROM sync_broadcasts WHERE id = $1")
			.bind(0, id)
			.map((row) -> this.reader.readValue(row.get(0, String.class), BroadcastView.class))
			.one();
	}

}
