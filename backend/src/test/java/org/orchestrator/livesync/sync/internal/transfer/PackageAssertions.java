package org.orchestrator.livesync.sync.internal.transfer;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Checks that a package was refused with the problem its sender is told. */
final class PackageAssertions {

	private PackageAssertions() {
	}

	/**
	 * {@code failure} is the problem of {@code code}, with its status and this detail.
	 */
	static void assertProblem(Throwable failure, ProblemCode code, String detail) {
		assertThat(failure).isInstanceOf(ProblemException.class);
		ProblemException problem = (ProblemException) failure;
		assertThat(problem.code()).isEqualTo(code.code());
		assertThat(problem.status()).isEqualTo(code.status());
		assertThat(problem.getMessage()).isEqualTo(detail);
	}

	static void assertRejected(Throwable failure, String detail) {
		assertProblem(failure, ProblemCode.PACKAGE_REJECTED, detail);
	}

	static void assertRejected(ThrowingCallable call, String detail) {
		assertRejected(catchThrowable(call), detail);
	}

}
