package org.orchestrator.livesync.sync.internal.job;

/** The stages of a sync job, in the order they begin. */
public enum JobPhase {

	CONNECTING, FETCHING, COMPARING, PACKAGING, TRANSFERRING, APPLYING, VERIFYING;

	public String jsonName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
