package org.orchestrator.livesync.sync.internal.registry;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.system.SqlValues;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The rows of {@code sync_peers}, and the last job of a peer's URL. */
@Repository
class PeerStore {

	private static final String COLUMNS = "name, url, fingerprint, password_secret, server_id, server_name, "
			+ "last_contact_at, created_at, updated_at";

	private final DatabaseClient database;

	PeerStore(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * A peer as stored; {@code passwordSecret} is the ciphertext of its sync password.
	 */
	record StoredPeer(String name, String url, String fingerprint, String passwordSecret, String serverId,
			String serverName, Instant lastContactAt, Instant createdAt, Instant updatedAt) {

		@Override
		public String toString() {
			return "StoredPeer[" + this.name + ", " + this.url + "]";
		}

	}

	/** The last job with a peer, as the jobs list shows it. */
	record LastJob(String id, String status, String direction, Instant startedAt, Instant finishedAt) {
	}

	Flux<StoredPeer> all() {
		return this.database.sql("SELECT " + COLUMNS + " FROM sync_peers ORDER BY name").map(PeerStore::peer).all();
	}

	Mono<StoredPeer> find(String name) {
		return this.database.sql("SELECT " + COLUMNS + " FROM sync_peers WHERE name = $1")
			.bind(0, name)
			.map(PeerStore::peer)
			.one();
	}

	/** Inserts {@code peer}; false when one of that name exists. */
	Mono<Boolean> insert(StoredPeer peer) {
		return this.database
			.sql("INSERT INTO sync_peers (name, url, fingerprint, password_secret, created_at, updated_at) "
					+ "VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (name) DO NOTHING")
			.bind(0, peer.name())
			.bind(1, peer.url())
			.bind(2, SqlValues.orNull(peer.fingerprint(), String.class))
			.bind(3, SqlValues.orNull(peer.passwordSecret(), String.class))
			.bind(4, peer.createdAt())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/**
	 * Replaces a peer's URL, pin and password. A new URL or pin forgets what the last
	 * contact learned: it may be another server now. False when there is no such peer.
	 */
	Mono<Boolean> update(StoredPeer peer) {
		return this.database
			.sql("UPDATE sync_peers SET url = $2, fingerprint = $3, password_secret = $4, "
					+ "updated_at = $5, server_id = CASE WHEN url = $2 THEN server_id END, "
					+ "server_name = CASE WHEN url = $2 THEN server_name END, "
					+ "last_contact_at = CASE WHEN url = $2 THEN last_contact_at END WHERE name = $1")
			.bind(0, peer.name())
			.bind(1, peer.url())
			.bind(2, SqlValues.orNull(peer.fingerprint(), String.class))
			.bind(3, SqlValues.orNull(peer.passwordSecret(), String.class))
			.bind(4, peer.updatedAt())
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	Mono<Boolean> delete(String name) {
		return this.database.sql("DELETE FROM sync_peers WHERE name = $1")
			.bind(0, name)
			.fetch()
			.rowsUpdated()
			.map((rows) -> rows > 0);
	}

	/** Records a successful contact with the peer and who answered. */
	Mono<Void> contacted(String name, String serverId, String serverName, Instant at) {
		return this.database
			.sql("UPDATE sync_peers SET server_id = $2, server_name = $3, last_contact_at = $4 WHERE name = $1")
			.bind(0, name)
			.bind(1, serverId)
			.bind(2, SqlValues.orNull(serverName, String.class))
			.bind(3, at)
			.then();
	}

	Mono<LastJob> lastJob(String url) {
		return this.database
			.sql("SELECT id, status, direction, started_at, finished_at FROM sync_jobs WHERE remote_url = $1 "
					+ "ORDER BY started_at DESC LIMIT 1")
			.bind(0, url)
			.map((row) -> new LastJob(row.get("id", java.util.UUID.class).toString(), row.get("status", String.class),
					row.get("direction", String.class), row.get("started_at", Instant.class),
					row.get("finished_at", Instant.class)))
			.one();
	}

	private static StoredPeer peer(Readable row) {
		return new StoredPeer(row.get("name", String.class), row.get("url", String.class),
				row.get("fingerprint", String.class), row.get("password_secret", String.class),
				row.get("server_id", String.class), row.get("server_name", String.class),
				row.get("last_contact_at", Instant.class), row.get("created_at", Instant.class),
				row.get("updated_at", Instant.class));
	}

}
