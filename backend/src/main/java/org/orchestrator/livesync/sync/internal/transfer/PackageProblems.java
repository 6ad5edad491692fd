package org.orchestrator.livesync.sync.internal.transfer;

import java.util.List;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

/**
 * The problems a received package is refused with, whichever form it came in: the sender
 * reads the code, the operator reads the detail, so both stay the same for both forms.
 */
final class PackageProblems {

	private PackageProblems() {
	}

	/** The package breaks the format, or its header, checksum or count. */
	static ProblemException rejected(String reason) {
		return new ProblemException(ProblemCode.PACKAGE_REJECTED, reason);
	}

	static ProblemException unsupportedEncryption() {
		return rejected("the package's encryption settings are not supported");
	}

	/**
	 * Said the same whether the password or the bytes are wrong: GCM cannot tell them
	 * apart.
	 */
	static ProblemException undecryptable() {
		return rejected("the package does not decrypt: the SYNC_PASSWORD of the two servers differs, "
				+ "or the package was altered on the way");
	}

	/** An intact line whose item this server does not accept; names the first field. */
	static ProblemException invalidItem(ItemKind kind, String key, List<Problem.FieldError> errors) {
		ProblemCode code = ProblemCode.INVALID_ITEM;
		return new ProblemException(code.status(), code.code(), code.title(), kind.type() + " '" + key
				+ "' is not valid here: " + errors.get(0).field() + " " + errors.get(0).message(), errors);
	}

}
