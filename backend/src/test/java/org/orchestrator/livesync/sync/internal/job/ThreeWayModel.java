package org.orchestrator.livesync.sync.internal.job;

/**
 * What a job does with an item, by DESIGN.md's rules, written apart from the code under
 * test: the item event status a job in each direction reports for a compare status, or
 * null where it reports none. Statuses are the compare's, refined where the rules tell
 * cases apart: {@code identical:synced} (its base is recorded), {@code different:local},
 * {@code :remote} or {@code :unknown} (which side changed it; unknown without a base),
 * {@code conflict:deleted_here} or {@code :deleted_there} (one side deleted it).
 */
final class ThreeWayModel {

	private ThreeWayModel() {
	}

	/**
	 * Whose version wins a conflict under {@code policy} in a job going
	 * {@code direction}: {@code local}, {@code remote} or {@code manual} (nobody).
	 */
	static String winner(String policy, String direction) {
		return switch (policy) {
			case "prefer_local" -> "local";
			case "prefer_remote" -> "remote";
			case "overwrite" -> direction.equals("pull") ? "remote" : "local";
			default -> "manual";
		};
	}

	/**
	 * {@code named}: the key was named, not selected by "all"; {@code winner}: whose
	 * version wins a conflict ({@link #winner}).
	 */
	static String outcome(String direction, String status, boolean named, String winner) {
		if (status == null || status.equals("identical:synced")) {
			return null;
		}
		if (status.equals("identical")) {
			return "in_sync";
		}
		return switch (direction) {
			case "push" -> push(status, named, winner.equals("local"));
			case "pull" -> pull(status, named, winner.equals("remote"));
			default -> both(status, winner);
		};
	}

	/** Changed on both sides since the base, or created on both differently. */
	static boolean isConflict(String status) {
		return status != null && (status.startsWith("conflict") || status.equals("different:unknown"));
	}

	/**
	 * This server's changes go; the remote's own changes are left alone; a conflict goes
	 * if named or if this server's version wins.
	 */
	private static String push(String status, boolean named, boolean localWins) {
		if (status.startsWith("conflict")) {
			if (!named && !localWins) {
				return "skipped_conflict";
			}
			return status.equals("conflict:deleted_here") ? "delete_sent" : "sent";
		}
		return switch (status) {
			case "different:remote", "deleted_on_remote" -> "skipped_changed_on_remote";
			case "missing_on_local" -> named ? "skipped_remote_only" : null;
			case "deleted_on_local" -> "delete_sent";
			default -> "sent";
		};
	}

	/** The mirror image: the remote's changes come; this server's are left alone. */
	private static String pull(String status, boolean named, boolean remoteWins) {
		if (status.startsWith("conflict")) {
			if (!named && !remoteWins) {
				return "skipped_conflict";
			}
			return status.equals("conflict:deleted_there") ? "delete_received" : "received";
		}
		return switch (status) {
			case "different:local", "deleted_on_local" -> "skipped_changed_here";
			case "missing_on_remote" -> named ? "skipped_local_only" : null;
			case "deleted_on_remote" -> "delete_received";
			default -> "received";
		};
	}

	/**
	 * The side that changed it wins; a conflict goes with the winning version (or its
	 * deletion), and is skipped, named or not, when nobody wins.
	 */
	private static String both(String status, String winner) {
		if (isConflict(status)) {
			return switch (winner) {
				case "local" -> status.equals("conflict:deleted_here") ? "delete_sent" : "sent";
				case "remote" -> status.equals("conflict:deleted_there") ? "delete_received" : "received";
				default -> "skipped_conflict";
			};
		}
		return switch (status) {
			case "different:local", "missing_on_remote" -> "sent";
			case "deleted_on_local" -> "delete_sent";
			case "different:remote", "missing_on_local" -> "received";
			case "deleted_on_remote" -> "delete_received";
			default -> throw new IllegalArgumentException("no such status: " + status);
		};
	}

}
