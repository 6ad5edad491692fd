package org.orchestrator.livesync.sync.internal.job;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The stages of a sync job, in the order they begin. */
public enum JobPhase {

	CONNECTING, FETCHING, COMPARING, PACKAGING, TRANSFERRING, APPLYING, VERIFYING;

	/** The wire name, which the contract lists as this enum's values. */
	@JsonValue
	public String jsonName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
