package org.orchestrator.livesync.sync.internal.schedule;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CronTests {

	private static final Instant NOON = Instant.parse("2026-01-01T12:00:00Z");

	@Test
	void sixFieldsStartWithSecondsFiveWithMinutesAndMacrosWork() {
		assertThat(Cron.parse("*/2 * * * * *").next(NOON)).isEqualTo(NOON.plusSeconds(2));
		assertThat(Cron.parse("*/5 * * * *").next(NOON)).isEqualTo(NOON.plusSeconds(300));
		assertThat(Cron.parse("@hourly").next(NOON)).isEqualTo(NOON.plusSeconds(3600));
		assertThat(Cron.parse("0 0 * * * *").next(NOON, 5)).hasSize(5).last().isEqualTo(NOON.plusSeconds(5 * 3600));
	}

	@Test
	void dueTimesAreCountedFromTheFirstIncluded() {
		Cron cron = Cron.parse("*/2 * * * * *");
		assertThat(cron.dueBetween(NOON, NOON.plusSeconds(9))).isEqualTo(5);
		assertThat(cron.dueBetween(NOON, NOON)).isEqualTo(1);
	}

	@Test
	void badExpressionsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Cron.parse("0 61 * * *"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cron.parse("every tuesday"));
		assertThatIllegalArgumentException().isThrownBy(() -> Cron.parse(" "));
	}

}
