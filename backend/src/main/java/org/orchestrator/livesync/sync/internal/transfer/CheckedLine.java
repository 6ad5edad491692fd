package org.orchestrator.livesync.sync.internal.transfer;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.Hashed;
import org.orchestrator.livesync.inventory.InventoryItem;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.system.Problem;

/**
 * A received line after its checks, ready to apply: an item to write ({@code item} set),
 * a key to delete, or a key both sides have alike ({@code agreedHash} set). An item to
 * write or delete may {@code expect} what this server has (see {@link PackageLine}). A
 * merged item ({@code merge}) is written but makes no base: the pull that brings it back
 * to its sender does.
 */
record CheckedLine(ItemKind kind, String key, Hashed<?> item, String agreedHash, String expect, boolean merge) {

	CheckedLine(ItemKind kind, String key, Hashed<?> item, String agreedHash) {
		this(kind, key, item, agreedHash, null, false);
	}

	CheckedLine(ItemKind kind, String key, Hashed<?> item, String agreedHash, String expect) {
		this(kind, key, item, agreedHash, expect, false);
	}

	/**
	 * Whether this server's current hash of the item ({@code null}: none) is expected.
	 */
	boolean expects(String current) {
		return this.expect == null || this.expect.equals(PackageLine.expecting(current));
	}

	/**
	 * Checks a line: known kind, well-formed key, and for an upsert valid content (as
	 * {@code json}, the API's mapper, reads items) that hashes to the line's hash, so a
	 * line damaged on the way is refused before anything is written.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static CheckedLine check(ReceivedLine line, JsonMapper json) {
		ItemKind kind = ItemKind.ofType(line.type());
		if (kind == null || line.key() == null
				|| !((kind == ItemKind.NODE) ? Formats.isHostname(line.key()) : Formats.isName(line.key()))) {
			throw PackageProblems.rejected("the package has a line of unknown type or key (" + line.type() + ")");
		}
		String where = kind.section() + "[" + line.key() + "]";
		String expect = line.expect();
		if (expect != null && !expect.equals(PackageLine.ABSENT) && !isHash(expect)) {
			throw PackageProblems.rejected(where + " expects neither a content hash nor absent");
		}
		if (line.isDelete()) {
			return new CheckedLine(kind, line.key(), null, null, expect);
		}
		if (line.isBase()) {
			if (!isHash(line.contentHash())) {
				throw PackageProblems.rejected(where + " has no content hash");
			}
			return new CheckedLine(kind, line.key(), null, line.contentHash(), expect);
		}
		boolean merge = PackageLine.MERGE.equals(line.action());
		if (!(merge || PackageLine.UPSERT.equals(line.action())) || !line.hasItem()) {
			throw PackageProblems.rejected(where + " has no action the package format knows");
		}
		InventoryItem<?> item;
		try {
			item = line.item(json, kind.itemClass());
		}
		catch (JacksonException ex) {
			throw PackageProblems.invalidItem(kind, line.key(),
					List.of(new Problem.FieldError(where, "does not have the shape of a " + kind.type())));
		}
		Violations violations = new Violations().nested(where);
		Hashed<?> hashed = Hashed.prepare((InventoryItem) item, violations);
		if (!violations.isEmpty()) {
			throw PackageProblems.invalidItem(kind, line.key(), violations.errors());
		}
		if (!item.naturalKey().equals(line.key()) || !hashed.contentHash().equals(line.contentHash())) {
			throw PackageProblems.rejected(kind.type() + " '" + line.key()
					+ "' does not match the checksum it came with: the package is damaged");
		}
		return new CheckedLine(kind, line.key(), hashed, null, expect, merge);
	}

	private static boolean isHash(String text) {
		return text != null && text.length() == 64
				&& text.chars().allMatch((c) -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
	}

}
