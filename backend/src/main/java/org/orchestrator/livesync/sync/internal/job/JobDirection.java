package org.orchestrator.livesync.sync.internal.job;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which way a job moves items: from this server to the remote (push), from the remote to
 * this server (pull), or each item from the side that changed it since the last sync to
 * the other (both).
 */
public enum JobDirection {

	PUSH, PULL, BOTH;

	/** The wire name, which the contract lists as this enum's values. */
	@JsonValue
	public String jsonName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The direction a request names; null is push, as before directions existed. */
	static JobDirection of(String name) {
		if (name == null) {
			return PUSH;
		}
		for (JobDirection direction : values()) {
			if (direction.jsonName().equals(name)) {
				return direction;
			}
		}
		return null;
	}

}
