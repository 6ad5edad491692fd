package org.orchestrator.livesync.sync.internal;

import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

/** The problems the sync API answers with, in one place so their codes stay stable. */
public final class SyncProblems {

	private SyncProblems() {
	}

	public static ProblemException notConfigured() {
		return new ProblemException(ProblemCode.SYNC_NOT_CONFIGURED,
				"this server has no SYNC_PASSWORD, so it accepts no sync peers; set SYNC_PASSWORD to the password "
						+ "shared by the servers that sync");
	}

	public static ProblemException disabled() {
		return new ProblemException(ProblemCode.SYNC_DISABLED, "sync is disabled on this server (sync.enabled: false)");
	}

	public static ProblemException wrongSession() {
		return new ProblemException(ProblemCode.WRONG_SESSION,
				"session_id does not match the session of the bearer token");
	}

}
