package org.orchestrator.livesync.inventory;

import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;

/** What PostgreSQL said when it refused a change: which constraint and which key. */
public record DatabaseErrors(String sqlState, String constraint, String detail) {

	public static final String UNIQUE_VIOLATION = "23505";

	public static final String FOREIGN_KEY_VIOLATION = "23503";

	/** Refusals of the timeouts a transaction set for itself. */
	private static final java.util.Set<String> TIMEOUTS = java.util.Set.of("57014", "55P03", "25P03");

	/**
	 * The refusal behind {@code failure}, or null when it is not a constraint violation.
	 */
	public static DatabaseErrors of(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof PostgresqlException postgres) {
				ErrorDetails details = postgres.getErrorDetails();
				return new DatabaseErrors(details.getCode(), details.getConstraintName().orElse(""),
						details.getDetail().orElse(""));
			}
		}
		return null;
	}

	/**
	 * Whether PostgreSQL cancelled a statement on one of the timeouts of its transaction:
	 * a statement, a lock wait or idling in the transaction took too long.
	 */
	public boolean isTimeout() {
		return TIMEOUTS.contains(this.sqlState);
	}

	public boolean is(String state, String constraintName) {
		return this.sqlState.equals(state) && this.constraint.equals(constraintName);
	}

	/**
	 * The key value from a detail such as
	 * {@code Key (hostname)=(node-01) is not present...}.
	 */
	public String keyValue() {
		int open = this.detail.indexOf(")=(");
		int close = this.detail.indexOf(')', open + 3);
		return (open >= 0 && close > open) ? this.detail.substring(open + 3, close) : "?";
	}

}
