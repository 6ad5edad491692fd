package org.orchestrator.livesync.sync.internal.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * One line of a package: an item to create or replace ({@code upsert}, with its content)
 * or to delete, with the SHA-256 of the content (for a delete, of the content that was
 * deleted).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageLine(String type, String action, String key, String contentHash, JsonNode item) {

	public static final String UPSERT = "upsert";

	public static final String DELETE = "delete";

	public static final String BASE = "base";

	public boolean isBase() {
		return BASE.equals(this.action);
	}

	public boolean isDelete() {
		return DELETE.equals(this.action);
	}

	@Override
	public String toString() {
		return "PackageLine[" + this.action + " " + this.type + " " + this.key + "]";
	}

}
