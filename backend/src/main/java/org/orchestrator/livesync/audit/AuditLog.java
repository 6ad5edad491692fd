package org.orchestrator.livesync.audit;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.system.SqlValues;
import org.orchestrator.livesync.inventory.CanonicalJson;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Appends to the audit log: logins, peer connects, jobs, applied packages, rollbacks and
 * resolutions, each with who, from where and when, and one INFO line in the server log.
 * Each entry carries the hash of the one before it, so an edited or deleted entry breaks
 * the chain ({@code GET /api/v1/audit/verify}). Callers pass details that are never
 * secret: no password, token or key is ever written.
 */
@Component
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger("org.orchestrator.livesync.audit");

	/** Appends are one at a time, whoever makes them: the chain has no forks. */
	private static final long CHAIN_LOCK = 0x4C53_4155_4449_54L;

	/** The hash the first entry names as the one before it. */
	public static final String GENESIS = "0".repeat(64);

	private final DatabaseClient database;

	private final TransactionalOperator transaction;

	AuditLog(DatabaseClient database, TransactionalOperator transaction) {
		this.database = database;
		this.transaction = transaction;
	}

	/** What is recorded. */
	public enum Action {

		LOGIN, LOGIN_FAILED, PEER_CONNECTED, PEER_REFUSED, JOB_STARTED, JOB_FINISHED, JOB_CANCELLED, PACKAGE_APPLIED,
		ROLLBACK, RESOLUTIONS, PEER_SAVED, PEER_REMOVED, BROADCAST_STARTED, SCHEDULE_SAVED, SCHEDULE_REMOVED;

		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Action of(String value) {
			return Arrays.stream(values()).filter((action) -> action.value().equals(value)).findFirst().orElse(null);
		}

	}

	/**
	 * Records {@code action} by {@code actor} (null: not known) from {@code client}
	 * (null: not over HTTP), inside the caller's transaction when there is one.
	 */
	public Mono<Void> record(Action action, String actor, String client, Map<String, ?> details) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		JsonNode tree = CanonicalJson.tree(details);
		String canonical = CanonicalJson.writeTree(tree);
		Mono<Void> append = this.database.sql("SELECT pg_advisory_xact_lock($1)")
			.bind(0, CHAIN_LOCK)
			.then()
			.then(this.database.sql("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")
				.map((row) -> row.get(0, String.class))
				.one()
				.defaultIfEmpty(GENESIS))
			.flatMap((previous) -> this.database
				.sql("INSERT INTO audit_log (at, action, actor, client_address, details, prev_hash, hash) "
						+ "VALUES ($1, $2, $3, $4, CAST($5 AS jsonb), $6, $7)")
				.bind(0, at)
				.bind(1, action.value())
				.bind(2, SqlValues.orNull(actor, String.class))
				.bind(3, SqlValues.orNull(client, String.class))
				.bind(4, canonical)
				.bind(5, previous)
				.bind(6, hash(previous, at, action.value(), actor, client, tree))
				.then());
		return append.as(this.transaction::transactional)
			.doOnSuccess((done) -> log.info("{} by {} from {}: {}", action.value(), (actor != null) ? actor : "-",
					(client != null) ? client : "-", canonical));
	}

	/** Records, and never fails the caller for it: a failure to record is logged. */
	public Mono<Void> recordQuietly(Action action, String actor, String client, Map<String, ?> details) {
		return record(action, actor, client, details).onErrorResume((failure) -> {
			log.warn("Could not record {} in the audit log: {}", action.value(), failure.getMessage());
			return Mono.empty();
		});
	}

	/**
	 * The hash of an entry: SHA-256 of the canonical JSON of the previous entry's hash
	 * and this entry's fields.
	 */
	public static String hash(String previous, Instant at, String action, String actor, String client,
			JsonNode details) {
		return CanonicalJson.sha256Hex(CanonicalJson
			.tree(Map.of("previous", previous, "entry", Arrays.asList(at.toString(), action, actor, client, details))));
	}

	/** The client's address, as the rate limits see it. */
	public static String client(ServerHttpRequest request) {
		InetSocketAddress address = request.getRemoteAddress();
		return (address != null && address.getAddress() != null) ? address.getAddress().getHostAddress() : null;
	}

}
