package org.orchestrator.livesync.sync.internal;

import org.orchestrator.livesync.system.ProblemException;

import org.springframework.http.HttpStatus;

/** The problems the sync API answers with, in one place so their codes stay stable. */
public final class SyncProblems {

	private SyncProblems() {
	}

	public static ProblemException notConfigured() {
		return new ProblemException(HttpStatus.FORBIDDEN, "sync-not-configured", "Sync not configured",
				"this server has no SYNC_PASSWORD, so it accepts no sync peers; set SYNC_PASSWORD to the password "
						+ "shared by the servers that sync");
	}

	public static ProblemException disabled() {
		return new ProblemException(HttpStatus.FORBIDDEN, "sync-disabled", "Sync disabled",
				"sync is disabled on this server (sync.enabled: false)");
	}

	public static ProblemException wrongSession() {
		return new ProblemException(HttpStatus.FORBIDDEN, "wrong-session", "Wrong session",
				"session_id does not match the session of the bearer token");
	}

}
