package org.orchestrator.livesync.cli;

/**
 * Ends the command with a one-line reason and an exit code (1: the sync or rollback
 * failed or was refused, 2: could not even try).
 */
final class CliFailure extends RuntimeException {

	static final int SYNC_FAILED = 1;

	static final int CANNOT_RUN = 2;

	private final int exitCode;

	private final String problemCode;

	CliFailure(int exitCode, String message) {
		this(exitCode, message, null);
	}

	/**
	 * A server's problem answer, with its stable {@code code} for commands to branch on.
	 */
	CliFailure(int exitCode, String message, String problemCode) {
		super(message, null, false, false);
		this.exitCode = exitCode;
		this.problemCode = problemCode;
	}

	int exitCode() {
		return this.exitCode;
	}

	/**
	 * The problem's {@code code} (e.g. {@code rollback-conflicts}); null when not a
	 * problem.
	 */
	String problemCode() {
		return this.problemCode;
	}

	/** The same reason, ending the command with another exit code. */
	CliFailure withExitCode(int exitCode) {
		return new CliFailure(exitCode, getMessage(), this.problemCode);
	}

}
