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
	 * {@code named}: the key was named, not selected by "all"; {@code overwrite}: the
	 * conflict policy of a one-way job.
	 */
	static String outcome(String direction, String status, boolean named, boolean overwrite) {
		if (status == null || status.equals("identical:synced")) {
			return null;
		}
		if (status.equals("identical")) {
			return "in_sync";
		}
		return switch (direction) {
			case "push" -> push(status, named, overwrite);
			case "pull" -> pull(status, named, overwrite);
			default -> both(status);
		};
	}

	/** Changed on both sides since the base, or created on both differently. */
	static boolean isConflict(String status) {
		return status != null && (status.startsWith("conflict") || status.equals("different:unknown"));
	}

	/** This server's changes go; the remote's own changes are left alone. */
	private static String push(String status, boolean named, boolean overwrite) {
		if (status.startsWith("conflict")) {
			if (!named && !overwrite) {
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
	private static String pull(String status, boolean named, boolean overwrite) {
		if (status.startsWith("conflict")) {
			if (!named && !overwrite) {
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

	/** The side that changed it wins; conflicts are skipped, named or not. */
	private static String both(String status) {
		if (isConflict(status)) {
			return "skipped_conflict";
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
