package org.orchestrator.livesync.audit.internal;

import java.time.Instant;
import java.util.List;

import io.r2dbc.spi.Readable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.system.SqlValues;
import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.inventory.CanonicalJson;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** Reads the audit log, and checks its chain a page of entries at a time. */
@Component
class AuditReader {

	private static final int CHECKED_PER_READ = 1000;

	private final DatabaseClient database;

	AuditReader(DatabaseClient database) {
		this.database = database;
	}

	record Filter(String action, String actor, Instant since, Instant until) {
	}

	record AuditEntry(long seq, Instant at, String action, @Nullable String actor, @Nullable String clientAddress,
			JsonNode details, String prevHash, String hash) {
	}

	record AuditPage(List<AuditEntry> items, int page, int size, long total) {
	}

	record Verification(@Schema(description = "whether every entry is as it was written") boolean valid,
			long entriesChecked,
			@Schema(description = "the first entry that is not as written, or that follows a deleted one") @Nullable Long firstBrokenSeq,
			@Nullable String reason) {
	}

	Mono<AuditPage> list(Filter filter, int page, int size) {
		return this.database
			.sql("SELECT seq, at, action, actor, client_address, CAST(details AS text) AS details, prev_hash, hash, "
					+ "count(*) OVER () AS total FROM audit_log WHERE (CAST($1 AS text) IS NULL OR action = $1) "
					+ "AND (CAST($2 AS text) IS NULL OR actor = $2) "
					+ "AND (CAST($3 AS timestamptz) IS NULL OR at >= $3) "
					+ "AND (CAST($4 AS timestamptz) IS NULL OR at < $4) ORDER BY seq DESC LIMIT $5 OFFSET $6")
			.bind(0, SqlValues.orNull(filter.action(), String.class))
			.bind(1, SqlValues.orNull(filter.actor(), String.class))
			.bind(2, SqlValues.orNull(filter.since(), Instant.class))
			.bind(3, SqlValues.orNull(filter.until(), Instant.class))
			.bind(4, size)
			.bind(5, (long) page * size)
			.map((row) -> new Object[] { entry(row), row.get("total", Long.class) })
			.all()
			.collectList()
			.map((rows) -> new AuditPage(rows.stream().map((row) -> (AuditEntry) row[0]).toList(), page, size,
					rows.isEmpty() ? 0 : (Long) rows.get(0)[1]));
	}

	Mono<Verification> verify() {
		return verifyFrom(0, AuditLog.GENESIS, 0);
	}

	/** Checks the entries after {@code seq}, the last one checked having {@code hash}. */
	private Mono<Verification> verifyFrom(long seq, String previous, long checked) {
		return this.database
			.sql("SELECT seq, at, action, actor, client_address, CAST(details AS text) AS details, prev_hash, hash "
					+ "FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2")
			.bind(0, seq)
			.bind(1, CHECKED_PER_READ)
			.map(AuditReader::entry)
			.all()
			.collectList()
			.flatMap((entries) -> {
				String expected = previous;
				long count = checked;
				for (AuditEntry entry : entries) {
					if (!entry.prevHash().equals(expected)) {
						return Mono.just(new Verification(false, count, entry.seq(),
								"it does not follow the entry before it: one was deleted or changed"));
					}
					String hash = AuditLog.hash(entry.prevHash(), entry.at(), entry.action(), entry.actor(),
							entry.clientAddress(), entry.details());
					if (!hash.equals(entry.hash())) {
						return Mono
							.just(new Verification(false, count, entry.seq(), "it was changed since it was written"));
					}
					expected = entry.hash();
					count++;
				}
				if (entries.size() < CHECKED_PER_READ) {
					return Mono.just(new Verification(true, count, null, null));
				}
				return verifyFrom(entries.get(entries.size() - 1).seq(), expected, count);
			});
	}

	private static AuditEntry entry(Readable row) {
		return new AuditEntry(row.get("seq", Long.class), row.get("at", Instant.class), row.get("action", String.class),
				row.get("actor", String.class), row.get("client_address", String.class),
				CanonicalJson.read(row.get("details", String.class), JsonNode.class),
				row.get("prev_hash", String.class), row.get("hash", String.class));
	}

}
