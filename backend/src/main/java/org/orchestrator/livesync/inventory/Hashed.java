package org.orchestrator.livesync.inventory;

/** An item in normal form with its content hash: what gets written to the database. */
public record Hashed<T>(T item, String contentHash) {

	/**
	 * The item validated, normalized and hashed; null (with violations added) when
	 * invalid.
	 */
	public static <T extends InventoryItem<T>> Hashed<T> prepare(T input, Violations violations) {
		input.validate(violations);
		if (!violations.isEmpty()) {
			return null;
		}
		T normal = input.normalized();
		return new Hashed<>(normal, CanonicalJson.sha256Hex(normal));
	}

	/**
	 * The item validated, normalized and hashed, or a validation problem naming its
	 * fields.
	 */
	public static <T extends InventoryItem<T>> Hashed<T> prepare(T input) {
		Violations violations = new Violations();
		Hashed<T> prepared = prepare(input, violations);
		violations.throwIfAny();
		return prepared;
	}

}
