package org.orchestrator.livesync.system;

/**
 * A configuration or environment problem that stops the server from starting. Its message
 * is shown to the operator as one line, so it must say what is wrong and how to fix it,
 * and must never contain a secret.
 */
public class StartupProblem extends RuntimeException {

	public StartupProblem(String message) {
		super(message, null, false, false);
	}

	/** The first start-up problem in the cause chain of {@code failure}, or null. */
	public static StartupProblem in(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof StartupProblem problem) {
				return problem;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

}
