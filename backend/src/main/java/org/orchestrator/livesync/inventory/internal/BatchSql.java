package org.orchestrator.livesync.inventory.internal;

import java.lang.reflect.Array;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Writes many rows of one table in one statement: each column travels as one array
 * parameter and {@code unnest} turns the arrays back into rows. The same shape serves a
 * single API write, a bulk import and a sync package, so all three behave alike and a
 * batch costs one round trip.
 */
public final class BatchSql<T> {

	private final String table;

	private final List<Column<T>> columns;

	private final String insertSql;

	private final String upsertSql;

	private final String updateSql;

	/** The first column is the natural key. */
	public BatchSql(String table, List<Column<T>> columns) {
		this.table = table;
		this.columns = List.copyOf(columns);
		String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
		String key = columns.get(0).name();
		String source = source();
		this.insertSql = "INSERT INTO " + table + " (" + names + ") SELECT * FROM " + source + " ON CONFLICT (" + key
				+ ") DO NOTHING";
		String assignments = columns.stream()
			.skip(1)
			.map((c) -> c.name() + " = EXCLUDED." + c.name())
			.collect(Collectors.joining(", "));
		this.upsertSql = "INSERT INTO " + table + " AS t (" + names + ") SELECT * FROM " + source + " ON CONFLICT ("
				+ key + ") DO UPDATE SET " + assignments
				+ " WHERE t.content_hash IS DISTINCT FROM EXCLUDED.content_hash";
		String updates = columns.stream()
			.skip(1)
			.map((c) -> c.name() + " = v." + c.name())
			.collect(Collectors.joining(", "));
		this.updateSql = "UPDATE " + table + " AS t SET " + updates + " FROM " + source + " AS v(" + names
				+ ") WHERE t." + key + " = v." + key;
	}

	/** Inserts the rows whose key is new; returns how many were inserted. */
	public Mono<Long> insert(DatabaseClient database, List<T> rows) {
		return execute(database, this.insertSql, rows);
	}

	/** Inserts new rows and updates changed ones; returns how many were written. */
	public Mono<Long> upsert(DatabaseClient database, List<T> rows) {
		return execute(database, this.upsertSql, rows);
	}

	/** Updates existing rows; returns how many exist. */
	public Mono<Long> update(DatabaseClient database, List<T> rows) {
		return execute(database, this.updateSql, rows);
	}

	public String table() {
		return this.table;
	}

	private String source() {
		StringBuilder sql = new StringBuilder("unnest(");
		for (int i = 0; i < this.columns.size(); i++) {
			sql.append((i > 0) ? ", " : "").append("CAST($").append(i + 1).append(" AS ");
			sql.append(this.columns.get(i).type().sqlType).append("[])");
		}
		return sql.append(")").toString();
	}

	private Mono<Long> execute(DatabaseClient database, String sql, List<T> rows) {
		if (rows.isEmpty()) {
			return Mono.just(0L);
		}
		DatabaseClient.GenericExecuteSpec spec = database.sql(sql);
		for (int i = 0; i < this.columns.size(); i++) {
			Column<T> column = this.columns.get(i);
			Object values = Array.newInstance(column.type().javaType, rows.size());
			for (int r = 0; r < rows.size(); r++) {
				Array.set(values, r, column.value().apply(rows.get(r)));
			}
			spec = spec.bind(i, values);
		}
		return spec.fetch().rowsUpdated();
	}

	/** One column: its name, SQL type and how to read its value from an item. */
	public record Column<T>(String name, Type type, Function<T, Object> value) {
	}

	public enum Type {

		TEXT("text", String.class), INTEGER("integer", Integer.class), BOOLEAN("boolean", Boolean.class),
		/** Passed as JSON text, stored as jsonb. */
		JSONB("jsonb", String.class);

		private final String sqlType;

		private final Class<?> javaType;

		Type(String sqlType, Class<?> javaType) {
			this.sqlType = sqlType;
			this.javaType = javaType;
		}

	}

}
