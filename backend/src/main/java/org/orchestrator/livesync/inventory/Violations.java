package org.orchestrator.livesync.inventory;

import java.util.ArrayList;
import java.util.List;

import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemException;

/** Collects every invalid field of an item, so the client learns all of them at once. */
public final class Violations {

	private final String prefix;

	private final List<Problem.FieldError> errors;

	public Violations() {
		this("", new ArrayList<>());
	}

	private Violations(String prefix, List<Problem.FieldError> errors) {
		this.prefix = prefix;
		this.errors = errors;
	}

	/**
	 * The same collection, with field names under {@code path} (e.g. {@code wol},
	 * {@code nodes[2]}).
	 */
	public Violations nested(String path) {
		return new Violations(this.prefix + path + ".", this.errors);
	}

	public Violations add(String field, String message) {
		this.errors.add(new Problem.FieldError(this.prefix + field, message));
		return this;
	}

	/**
	 * Adds {@code message} for {@code field} unless {@code valid}; returns {@code valid}.
	 */
	public boolean check(boolean valid, String field, String message) {
		if (!valid) {
			add(field, message);
		}
		return valid;
	}

	/** Checks a required text field; returns whether it is present. */
	public boolean required(String value, String field) {
		return check(value != null && !value.isBlank(), field, "is required");
	}

	public boolean isEmpty() {
		return this.errors.isEmpty();
	}

	public List<Problem.FieldError> errors() {
		return List.copyOf(this.errors);
	}

	public void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw ProblemException.invalid(this.errors);
		}
	}

}
