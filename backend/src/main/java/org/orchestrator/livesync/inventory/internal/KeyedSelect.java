package org.orchestrator.livesync.inventory.internal;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;

/** A select of all rows of a table, or of the rows with the given keys, in sync order. */
public final class KeyedSelect {

	private KeyedSelect() {
	}

	/**
	 * Rows ordered by their key in byte order ({@code COLLATE "C"}), the order every
	 * server streams its inventory in; {@code keys} null means every row.
	 */
	public static DatabaseClient.GenericExecuteSpec ordered(DatabaseClient database, String columns, String table,
			String keyColumn, List<String> keys) {
		// A join with the keys, not "= ANY": on a table whose statistics are stale the
		// planner may scan it, and "= ANY" then costs rows x keys.
		String join = (keys != null)
				? " JOIN unnest(CAST($1 AS text[])) AS wanted(wanted_key) ON " + keyColumn + " = wanted.wanted_key"
				: "";
		DatabaseClient.GenericExecuteSpec spec = database
			.sql("SELECT " + columns + " FROM " + table + join + " ORDER BY " + keyColumn + " COLLATE \"C\"");
		return (keys != null) ? spec.bind(0, keys.toArray(String[]::new)) : spec;
	}

}
