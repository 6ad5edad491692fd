package org.orchestrator.livesync.system;

import io.r2dbc.spi.Parameters;

/** Values to bind to SQL statements. */
public final class SqlValues {

	private SqlValues() {
	}

	/**
	 * {@code value}, or when it is null a null of {@code type}: the driver must know the
	 * type of every null it binds.
	 */
	public static Object orNull(Object value, Class<?> type) {
		return (value != null) ? value : Parameters.in(type);
	}

}
