package org.orchestrator.livesync.sync.internal.schedule;

import java.time.Duration;

import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduled sync jobs ({@code live-sync.schedules}): how often a server looks for due
 * schedules ({@code SCHEDULE_POLL_INTERVAL}), and how late a due time may still run
 * before it counts as missed ({@code SCHEDULE_MISSED_AFTER}): later than that, no server
 * was running, and the run is reported instead of made up.
 */
@ConfigurationProperties("live-sync.schedules")
public record ScheduleProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration missedAfter) {

	public ScheduleProperties {
		if (pollInterval.compareTo(Duration.ofMillis(100)) < 0 || pollInterval.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new StartupProblem("SCHEDULE_POLL_INTERVAL must be between 100ms and 1m");
		}
		if (missedAfter.compareTo(pollInterval) <= 0) {
			throw new StartupProblem("SCHEDULE_MISSED_AFTER must be longer than SCHEDULE_POLL_INTERVAL");
		}
	}

}
