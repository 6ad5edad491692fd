package org.orchestrator.livesync.sync.internal.compare;

/** Where an item stands between this server (local) and a peer (remote). */
public enum ComparisonStatus {

	/** Both have it, with the same content. */
	IDENTICAL,
	/**
	 * Both have it, with different content; at most one side changed it since the last
	 * sync.
	 */
	DIFFERENT,
	/** Only this server has it, and it was never synced with the peer. */
	MISSING_ON_REMOTE,
	/** Only the peer has it, and it was never synced with this server. */
	MISSING_ON_LOCAL,
	/** Both changed it (or one changed and the other deleted it) since the last sync. */
	CONFLICT,
	/** The peer deleted it since the last sync; this server still has it, unchanged. */
	DELETED_ON_REMOTE,
	/** This server deleted it since the last sync; the peer still has it, unchanged. */
	DELETED_ON_LOCAL,
	/**
	 * Both changed it since the last sync, but in different fields (or alike): the merge
	 * of both changes ({@code merged_hash}) is what a both-ways job gives both sides.
	 */
	MERGED;

	/** The name in JSON ({@code missing_on_remote}). */
	public String jsonName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
