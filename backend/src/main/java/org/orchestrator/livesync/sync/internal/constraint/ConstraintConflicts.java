package org.orchestrator.livesync.sync.internal.constraint;

import java.util.List;

import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

/** A sync refused before anything moved, for the inventory rules it would break. */
public final class ConstraintConflicts extends ProblemException {

	private final transient List<ConstraintConflict> conflicts;

	public ConstraintConflicts(List<ConstraintConflict> conflicts) {
		super(ProblemCode.CONSTRAINT_CONFLICTS, describe(conflicts));
		this.conflicts = List.copyOf(conflicts);
	}

	public List<ConstraintConflict> conflicts() {
		return this.conflicts;
	}

	private static String describe(List<ConstraintConflict> conflicts) {
		ConstraintConflict first = conflicts.get(0);
		return "the sync would break " + conflicts.size() + " inventory rule" + ((conflicts.size() > 1) ? "s" : "")
				+ ", so nothing was moved; first: " + first.message() + " (" + first.fix() + ")";
	}

}
