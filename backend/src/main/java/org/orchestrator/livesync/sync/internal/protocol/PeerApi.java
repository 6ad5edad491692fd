package org.orchestrator.livesync.sync.internal.protocol;

import java.util.UUID;

import org.orchestrator.livesync.system.ProblemException;

/**
 * The paths, headers and parameters of the server-to-server API, shared by the
 * controllers that serve it and the client that calls it, so the two ends cannot drift.
 */
public final class PeerApi {

	public static final String BASE = "/api/v1/sync";

	/** Open: is the sync API there, and which server is it? */
	public static final String TEST = BASE + "/test";

	public static final String CONNECT = BASE + "/connect";

	public static final String INVENTORY = BASE + "/inventory";

	public static final String HASHES = BASE + "/hashes";

	public static final String DIGEST = BASE + "/digest";

	public static final String ITEMS = BASE + "/items";

	/** What a constraint check before a sync asks of a peer ({@code ConstraintFacts}). */
	public static final String FACTS = BASE + "/facts";

	public static final String COMPARE = BASE + "/compare";

	/**
	 * The change feed: what changed here since a checkpoint with the caller, as NDJSON
	 * (metadata line first).
	 */
	public static final String CHANGES = BASE + "/changes";

	/** Records a new replication checkpoint with the caller. */
	public static final String CHECKPOINT = BASE + "/checkpoint";

	public static final String SINCE = "since";

	public static final String CHECKPOINT_ID = "checkpoint";

	/** The pull form: the peer asks for a package, applies it, confirms. */
	public static final String TRANSFER = BASE + "/transfer";

	/**
	 * The streamed pull: the peer asks for the items, this server streams them as a
	 * package (header in {@link #PACKAGE_HEADER}); the peer applies it, then confirms.
	 */
	public static final String TRANSFER_STREAM = BASE + "/transfer/stream";

	/**
	 * The rest of a resumable streamed pull whose connection dropped: the package id in
	 * the path ({@link #PACKAGE_ID}), the byte to go on from in
	 * {@link #RESUME_FROM_HEADER}.
	 */
	public static final String TRANSFER_STREAM_RESUME = TRANSFER_STREAM + "/{package_id}";

	public static final String RECEIVE = BASE + "/receive";

	public static final String CONFIRM = BASE + "/confirm";

	/**
	 * The streamed form: the package's header in {@link #PACKAGE_HEADER}, its body
	 * streamed.
	 */
	public static final String RECEIVE_STREAM = BASE + "/receive/stream";

	/**
	 * How much of a resumable push this server holds: the package id in the path
	 * ({@link #PACKAGE_ID}).
	 */
	public static final String RECEIVE_STREAM_STATUS = RECEIVE_STREAM + "/{package_id}";

	public static final String PACKAGE_ID = "package_id";

	public static final String PACKAGE_HEADER = "X-Sync-Package";

	/**
	 * On {@link #RECEIVE_STREAM}: the upload is resumable, and its body is the ciphertext
	 * from this byte on (0 at first). On {@link #TRANSFER_STREAM} (0 only): the pull is
	 * resumable with {@link #TRANSFER_STREAM_RESUME}, which takes the byte to go on from.
	 */
	public static final String RESUME_FROM_HEADER = "X-Sync-Resume-From";

	public static final String SESSION_HEADER = "X-Sync-Session";

	/**
	 * On {@link #RECEIVE_STREAM}: the sender's job, and who started it, for the target's
	 * history.
	 */
	public static final String JOB_HEADER = "X-Sync-Job";

	public static final String STARTED_BY_HEADER = "X-Sync-Started-By";

	public static final String DRY_RUN = "dry_run";

	public static final String KINDS = "kinds";

	/** The {@code type} of the first and the last line of an inventory or hash stream. */
	public static final String METADATA_LINE = "metadata";

	public static final String STATS_LINE = "stats";

	/** Refuses a {@link #PACKAGE_ID} that is not a UUID, naming the field. */
	public static void checkPackageId(String packageId) {
		try {
			UUID.fromString(packageId);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid(PACKAGE_ID, "is not a UUID");
		}
	}

	private PeerApi() {
	}

}
