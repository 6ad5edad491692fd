package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows under headings, each column as wide as its widest cell and two spaces from the
 * next: one line per row, for people and for {@code awk -F'  +'} alike.
 */
final class Table {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final List<String[]> rows = new ArrayList<>();

	Table(String... headings) {
		this.rows.add(headings);
	}

	Table row(String... cells) {
		this.rows.add(cells);
		return this;
	}

	/** Rows below the headings. */
	int size() {
		return this.rows.size() - 1;
	}

	void print(PrintWriter out) {
		int[] widths = new int[this.rows.get(0).length];
		for (String[] row : this.rows) {
			for (int column = 0; column < row.length; column++) {
				widths[column] = Math.max(widths[column], row[column].length());
			}
		}
		for (String[] row : this.rows) {
			StringBuilder line = new StringBuilder();
			for (int column = 0; column < row.length; column++) {
				line.append(row[column]);
				if (column < row.length - 1) {
					line.append(" ".repeat(widths[column] - row[column].length() + 2));
				}
			}
			out.println(line.toString().stripTrailing());
		}
	}

	/** A moment in UTC to the second, without spaces: {@code 2025-06-01T12:00:03Z}. */
	static String time(OffsetDateTime time) {
		return (time != null) ? TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
				: "-";
	}

	/** The value, or {@code -} for none. */
	static String orDash(Object value) {
		return (value != null && !value.toString().isEmpty()) ? value.toString() : "-";
	}

}
