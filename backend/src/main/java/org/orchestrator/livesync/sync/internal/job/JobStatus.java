package org.orchestrator.livesync.sync.internal.job;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a job stands: running until its last event, then how it ended. */
public enum JobStatus {

	RUNNING, COMPLETED, FAILED;

	@JsonValue
	public String jsonName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
