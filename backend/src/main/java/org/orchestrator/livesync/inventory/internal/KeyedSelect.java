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
		String where = (keys != null) ? " WHERE " + keyColumn + " = ANY($1)" : "";
		DatabaseClient.GenericExecuteSpec spec = database
			.sql("SELECT " + columns + " FROM " + table + where + " ORDER BY " + keyColumn + " COLLATE \"C\"");
		return (keys != null) ? spec.bind(0, keys.toArray(String[]::new)) : spec;
	}

}
