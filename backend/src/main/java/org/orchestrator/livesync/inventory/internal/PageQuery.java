package org.orchestrator.livesync.inventory.internal;

import org.orchestrator.livesync.inventory.Violations;

/**
 * What a list request asks for: a page (from 0), its size, and an optional search text
 * matched case-insensitively anywhere in the item's main fields.
 */
public record PageQuery(int page, int size, String search) {

	public static final int MAX_SIZE = 500;

	public static PageQuery of(Integer page, Integer size, String search) {
		Violations violations = new Violations();
		int p = (page != null) ? page : 0;
		int s = (size != null) ? size : 50;
		violations.check(p >= 0, "page", "must be 0 or more");
		violations.check(s >= 1 && s <= MAX_SIZE, "size", "must be between 1 and " + MAX_SIZE);
		violations.check(search == null || search.length() <= 200, "search", "must be at most 200 characters");
		violations.throwIfAny();
		String text = (search != null && !search.isBlank()) ? search.strip() : null;
		return new PageQuery(p, s, text);
	}

	/**
	 * The search text as a LIKE pattern, its wildcards escaped; empty when there is none.
	 */
	public String likePattern() {
		if (this.search == null) {
			return "";
		}
		String escaped = this.search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
