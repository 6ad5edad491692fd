package org.orchestrator.livesync.sync.internal.session;

import java.time.Instant;
import java.util.UUID;

import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.crypto.AtRestEncryption;
import org.orchestrator.livesync.sync.internal.compare.Comparison;
import org.orchestrator.livesync.sync.internal.remote.RemoteServer;
import org.orchestrator.livesync.system.SqlValues;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Sessions in PostgreSQL, so that every replica of the server finds them. What a replica
 * reads back has no peer session: the first job there connects to the remote again.
 */
@Repository
class SessionStore {

	private final DatabaseClient database;

	private final JsonMapper json;

	private final JsonMapper reader;

	private final AtRestEncryption encryption;

	SessionStore(DatabaseClient database, JsonMapper json, AtRestEncryption encryption) {
		this.database = database;
		this.json = json;
		this.reader = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.encryption = encryption;
	}

	Mono<Void> save(SyncSession session) {
		return this.database
			.sql("INSERT INTO sync_sessions (id, remote, password_secret, remote_fingerprint, comparison, created_at, "
					+ "last_used_at) VALUES ($1, CAST($2 AS jsonb), $3, $4, CAST($5 AS jsonb), $6, $6)")
			.bind(0, UUID.fromString(session.id()))
			.bind(1, this.json.writeValueAsString(session.remote()))
			.bind(2, this.encryption.encrypt(session.password(), context(session.id())))
			.bind(3, SqlValues.orNull(session.remoteFingerprint(), String.class))
			.bind(4, this.json.writeValueAsString(session.comparison()))
			.bind(5, session.createdAt())
			.then();
	}

	/** The session, marked as used at {@code now}; empty when there is none. */
	Mono<SyncSession> find(String id, Instant now) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return Mono.empty();
		}
		return this.database
			.sql("UPDATE sync_sessions SET last_used_at = $2 WHERE id = $1 RETURNING CAST(remote AS text), "
					+ "password_secret, remote_fingerprint, CAST(comparison AS text), created_at")
			.bind(0, uuid)
			.bind(1, now)
			.map((row) -> SyncSession.restored(id, this.reader.readValue(row.get(0, String.class), RemoteServer.class),
					this.encryption.decrypt(row.get(1, String.class), context(id)), row.get(2, String.class),
					this.reader.readValue(row.get(3, String.class), Comparison.class), row.get(4, Instant.class), now))
			.one();
	}

	/**
	 * Marks the session used now, so that no replica forgets it as idle; false when it is
	 * gone (another replica ended it).
	 */
	Mono<Boolean> used(String id, Instant now) {
		return this.database.sql("UPDATE sync_sessions SET last_used_at = $2 WHERE id = $1")
			.bind(0, UUID.fromString(id))
			.bind(1, now)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Boolean> delete(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(false);
		}
		return this.database.sql("DELETE FROM sync_sessions WHERE id = $1")
			.bind(0, uuid)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Void> forgetUnusedSince(Instant cutoff) {
		return this.database.sql("DELETE FROM sync_sessions WHERE last_used_at < $1").bind(0, cutoff).then();
	}

	private static String context(String id) {
		return "sync_sessions:" + id + ":password";
	}

}
