package org.orchestrator.livesync.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ends the command with a one-line reason, a stable code and an exit code (1: the
 * operation ran and failed, was refused or did not verify; 2: could not even try). With
 * {@code --json} it is said as a JSON problem on standard error ({@link #problem()}).
 */
final class CliFailure extends RuntimeException {

	static final int SYNC_FAILED = 1;

	static final int CANNOT_RUN = 2;

	/** The code of a command-line usage error. */
	static final String USAGE = "usage";

	private final int exitCode;

	private final String problemCode;

	/** The HTTP status of the server's answer; null when the server did not answer. */
	private final Integer status;

	CliFailure(int exitCode, String message, String problemCode) {
		this(exitCode, message, problemCode, null);
	}

	/**
	 * A server's problem answer, with its stable {@code code} for commands to branch on.
	 */
	CliFailure(int exitCode, String message, String problemCode, Integer status) {
		super(message, null, false, false);
		this.exitCode = exitCode;
		this.problemCode = problemCode;
		this.status = status;
	}

	int exitCode() {
		return this.exitCode;
	}

	/**
	 * The stable code: the server's problem {@code code} (e.g.
	 * {@code rollback-conflicts}), or the CLI's own (e.g. {@code unreachable}).
	 */
	String problemCode() {
		return this.problemCode;
	}

	/** The same reason, ending the command with another exit code. */
	CliFailure withExitCode(int exitCode) {
		return new CliFailure(exitCode, getMessage(), this.problemCode, this.status);
	}

	/**
	 * What {@code --json} prints: {code, detail, status (when a server answered),
	 * exit_code}.
	 */
	Map<String, Object> problem() {
		return problem(this.problemCode, getMessage(), this.status, this.exitCode);
	}

	static Map<String, Object> problem(String code, String detail, Integer status, int exitCode) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("code", (code != null) ? code : "failed");
		problem.put("detail", detail);
		if (status != null) {
			problem.put("status", status);
		}
		problem.put("exit_code", exitCode);
		return problem;
	}

}
