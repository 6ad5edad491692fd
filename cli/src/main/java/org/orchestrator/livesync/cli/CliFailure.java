package org.orchestrator.livesync.cli;

/**
 * Ends the command with a one-line reason and an exit code (1: the sync failed, 2: could
 * not even try).
 */
final class CliFailure extends RuntimeException {

	static final int SYNC_FAILED = 1;

	static final int CANNOT_RUN = 2;

	private final int exitCode;

	CliFailure(int exitCode, String message) {
		super(message, null, false, false);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return this.exitCode;
	}

}
