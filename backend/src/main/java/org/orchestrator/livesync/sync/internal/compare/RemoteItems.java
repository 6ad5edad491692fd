package org.orchestrator.livesync.sync.internal.compare;

import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.inventory.TextFields;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

/**
 * Reads items of a peer's inventory (as {@code /sync/inventory} writes them) for a
 * compare.
 */
public final class RemoteItems {

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

	private RemoteItems() {
	}

	/**
	 * An item's hash line from a peer's {@code /sync/hashes}, or null for its metadata
	 * and stats lines.
	 */
	public static ItemSnapshot hash(PeerMessages.HashLine line) {
		if (line.isMetadata() || line.isStats()) {
			return null;
		}
		ItemKind kind = ItemKind.ofType(line.type());
		String hash = line.contentHash();
		if (kind == null || line.key() == null || hash == null || !SHA256_HEX.matcher(hash).matches()) {
			throw new ProblemException(ProblemCode.REMOTE_FAILED,
					"the remote's hash list has a line that is not an item hash");
		}
		return new ItemSnapshot(kind, line.key(), hash, null);
	}

	/**
	 * The stamp of the last change of an item line (or of a deletion line) from a peer's
	 * {@code /sync/items}; null when it has none.
	 */
	public static Long stamp(JsonNode line) {
		JsonNode stamp = line.get("changed_hlc");
		return (stamp != null && stamp.isIntegralNumber()) ? stamp.longValue() : null;
	}

	/** Whether a line of a peer's {@code /sync/items} stands for a deleted item. */
	public static boolean deleted(JsonNode line) {
		JsonNode deleted = line.get("deleted");
		return deleted != null && deleted.isBoolean() && deleted.booleanValue();
	}

	/**
	 * The item as a snapshot: its content without bookkeeping fields, and without any
	 * private key a careless client may have put in (secrets never show in a comparison).
	 */
	public static ItemSnapshot snapshot(ItemKind kind, JsonNode json, String where) {
		if (!(json instanceof ObjectNode object)) {
			throw ProblemException.invalid(where, "must be an object");
		}
		ObjectNode content = object.deepCopy();
		JsonNode hash = content.remove("content_hash");
		if (hash == null || !hash.isString() || !SHA256_HEX.matcher(hash.stringValue()).matches()) {
			throw ProblemException.invalid(where + ".content_hash", "must be the item's SHA-256 (64 hex digits)");
		}
		for (String bookkeeping : new String[] { "type", "change_seq", "changed_hlc", "created_at", "updated_at",
				"private_key" }) {
			content.remove(bookkeeping);
		}
		String keyField = (kind == ItemKind.NODE) ? "hostname" : "name";
		JsonNode key = content.get(keyField);
		boolean valid = key != null && key.isString() && ((kind == ItemKind.NODE)
				? Formats.isHostname(key.stringValue()) : Formats.isName(key.stringValue()));
		if (!valid) {
			throw ProblemException.invalid(where + "." + keyField, "must be the item's " + keyField);
		}
		Violations violations = new Violations().nested(where);
		TextFields.check(kind.itemClass(), content, violations);
		violations.throwIfAny();
		return new ItemSnapshot(kind, key.stringValue(), hash.stringValue(), content);
	}

}
