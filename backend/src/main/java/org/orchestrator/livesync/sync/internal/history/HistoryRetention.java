package org.orchestrator.livesync.sync.internal.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.orchestrator.livesync.sync.internal.SyncProperties;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets history entries older than {@code SYNC_HISTORY_RETENTION_DAYS} (and their
 * items), once an hour. An entry gone can no longer be rolled back.
 */
@Component
class HistoryRetention {

	private static final Logger log = LoggerFactory.getLogger(HistoryRetention.class);

	private final DatabaseClient database;

	private final int days;

	HistoryRetention(DatabaseClient database, SyncProperties sync) {
		this.database = database;
		this.days = sync.historyRetentionDays();
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	void forgetOld() {
		this.database.sql("DELETE FROM sync_history WHERE applied_at < now() - make_interval(days => $1)")
			.bind(0, this.days)
			.fetch()
			.rowsUpdated()
			.filter((deleted) -> deleted > 0)
			.doOnNext((deleted) -> log.info("Forgot {} sync history entries older than {} days", deleted, this.days))
			.onErrorResume((failure) -> {
				log.warn("Could not forget old sync history: {}", failure.getMessage());
				return reactor.core.publisher.Mono.empty();
			})
			.subscribe();
	}

}
