package org.orchestrator.livesync.system.internal.startup;

import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Prints a {@link StartupProblem} as a single line instead of Spring Boot's failure
 * report, so an operator who forgot a setting sees the fix rather than a wall of stack
 * trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupFailureReporter implements SpringBootExceptionReporter {

	@Override
	public boolean reportException(Throwable failure) {
		StartupProblem problem = StartupProblem.in(failure);
		if (problem == null) {
			return false;
		}
		System.err.println("live-sync: cannot start: " + problem.getMessage());
		return true;
	}

}
