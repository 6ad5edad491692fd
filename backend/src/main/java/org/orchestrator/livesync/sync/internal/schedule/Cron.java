package org.orchestrator.livesync.sync.internal.schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.scheduling.support.CronExpression;

/**
 * A schedule's cron expression, in UTC: Spring's six fields (seconds first), the usual
 * five (run at second 0), or a macro such as {@code @hourly}.
 */
final class Cron {

	/** Counting missed due times stops here: a count that high says enough. */
	static final int MAX_COUNTED = 100_000;

	private final CronExpression expression;

	private Cron(CronExpression expression) {
		this.expression = expression;
	}

	/** The expression, or an IllegalArgumentException saying what is wrong. */
	static Cron parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("is required, e.g. \"0 */15 * * * *\" or \"@hourly\"");
		}
		String trimmed = text.trim();
		String fields = (!trimmed.startsWith("@") && trimmed.split("\\s+").length == 5) ? "0 " + trimmed : trimmed;
		return new Cron(CronExpression.parse(fields));
	}

	/** The first due time after {@code after}; null when there is none. */
	Instant next(Instant after) {
		ZonedDateTime next = this.expression.next(after.atZone(ZoneOffset.UTC));
		return (next != null) ? next.toInstant() : null;
	}

	/** The next {@code count} due times after {@code after}. */
	List<Instant> next(Instant after, int count) {
		List<Instant> times = new ArrayList<>();
		Instant at = after;
		while (times.size() < count && (at = next(at)) != null) {
			times.add(at);
		}
		return times;
	}

	/** How many due times there are from {@code from} (included) to {@code to}. */
	int dueBetween(Instant from, Instant to) {
		int count = 0;
		Instant at = from;
		while (at != null && !at.isAfter(to) && count < MAX_COUNTED) {
			count++;
			at = next(at);
		}
		return count;
	}

}
