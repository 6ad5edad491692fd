package org.orchestrator.livesync.inventory;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner's statistics of the inventory and sync tables after a bulk write.
 * A table filled by one big transaction (a first sync into an empty server, an import)
 * still has the statistics of the empty table until autovacuum gets to it, up to a minute
 * later; meanwhile the planner scans where it should look up, and every compare in that
 * minute pays for the whole table.
 */
@Component
public class TableStatistics {

	/** Rows written at once from which the statistics are refreshed. */
	static final long BULK_ROWS = 10_000;

	private static final Log log = LogFactory.getLog(TableStatistics.class);

	private final DatabaseClient database;

	TableStatistics(DatabaseClient database) {
		this.database = database;
	}

	/**
	 * After a committed write of {@code rows} rows, refreshes the statistics in the
	 * background when that was a bulk write; the caller does not wait for it.
	 */
	public void afterWrite(long rows) {
		if (rows < BULK_ROWS) {
			return;
		}
		this.database.sql("ANALYZE nodes, clusters, cluster_nodes, ssh_keys, configurations, tombstones, sync_bases")
			.then()
			.onErrorResume((failure) -> {
				log.warn("Could not refresh the table statistics after a bulk write: " + failure.getMessage());
				return Mono.empty();
			})
			.subscribe();
	}

}
