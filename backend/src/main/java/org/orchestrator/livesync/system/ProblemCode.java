package org.orchestrator.livesync.system;

import org.springframework.http.HttpStatus;

/**
 * Every problem code this server answers with, in one vocabulary. The {@link #code()}
 * string is the wire value (the problem's {@code code}, and the end of its {@code type}
 * URI): clients branch on it, so it never changes once released. Status and title are the
 * defaults a {@link ProblemException} made from the code gets.
 */
public enum ProblemCode {

	// Requests this server cannot read
	VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request"),
	MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request"),
	REJECTED_REQUEST("rejected-request", HttpStatus.BAD_REQUEST, "Request rejected"),
	TOO_LARGE("too-large", HttpStatus.CONTENT_TOO_LARGE, "Request too large"),
	BODY_STALLED("body-stalled", HttpStatus.REQUEST_TIMEOUT, "Request body stalled"),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type"),
	NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not Acceptable"),
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed"),
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"), CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
	MISSING_REFERENCE("missing-reference", HttpStatus.UNPROCESSABLE_CONTENT, "Missing reference"),
	CONSTRAINT_CONFLICTS("constraint-conflicts", HttpStatus.CONFLICT, "Constraint conflicts"),
	ROLLBACK_CONFLICTS("rollback-conflicts", HttpStatus.CONFLICT, "Rollback conflicts"),
	JOB_INTERRUPTED("job-interrupted", HttpStatus.SERVICE_UNAVAILABLE, "Job interrupted"),
	NEEDS_ATTENTION("needs-attention", HttpStatus.CONFLICT, "Needs attention"),
	JOB_CANCELLED("job-cancelled", HttpStatus.CONFLICT, "Job cancelled"),
	JOB_STALLED("job-stalled", HttpStatus.GATEWAY_TIMEOUT, "Job stalled"),

	// Who may call what
	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
	BAD_CREDENTIALS("bad-credentials", HttpStatus.UNAUTHORIZED, "Unauthorized"),
	WRONG_TOKEN("wrong-token", HttpStatus.FORBIDDEN, "Wrong kind of token"),
	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),

	// This server's state
	BUSY("busy", HttpStatus.SERVICE_UNAVAILABLE, "Busy"),
	INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),

	// Sync: this server's side
	BAD_SYNC_PASSWORD("bad-sync-password", HttpStatus.UNAUTHORIZED, "Unauthorized"),
	SYNC_NOT_CONFIGURED("sync-not-configured", HttpStatus.FORBIDDEN, "Sync not configured"),
	SYNC_DISABLED("sync-disabled", HttpStatus.FORBIDDEN, "Sync disabled"),
	WRONG_SESSION("wrong-session", HttpStatus.FORBIDDEN, "Wrong session"),
	ENCRYPTION_REQUIRED("encryption-required", HttpStatus.BAD_REQUEST, "Encryption required"),
	PACKAGE_REJECTED("package-rejected", HttpStatus.UNPROCESSABLE_CONTENT, "Package rejected"),
	INVALID_ITEM("invalid-item", HttpStatus.UNPROCESSABLE_CONTENT, "Invalid item in package"),
	APPLY_TIMEOUT("apply-timeout", HttpStatus.SERVICE_UNAVAILABLE, "Apply took too long"),

	// Sync: the remote's side, as this server saw it
	REMOTE_CHANGED("remote-changed", HttpStatus.CONFLICT, "Remote changed"),
	REMOTE_FAILED("remote-failed", HttpStatus.BAD_GATEWAY, "Remote failed"),
	REMOTE_TLS("remote-tls", HttpStatus.BAD_GATEWAY, "TLS failure"),
	REMOTE_TIMEOUT("remote-timeout", HttpStatus.GATEWAY_TIMEOUT, "Remote timed out"),
	REMOTE_UNREACHABLE("remote-unreachable", HttpStatus.BAD_GATEWAY, "Remote unreachable"),
	REMOTE_NOT_LIVE_SYNC("remote-not-live-sync", HttpStatus.BAD_GATEWAY, "Not a Live Sync server"),
	REMOTE_REJECTED_PASSWORD("remote-rejected-password", HttpStatus.UNPROCESSABLE_CONTENT, "Password refused");

	/**
	 * A remote's own problem, relayed: {@value} followed by the code the remote answered
	 * (its vocabulary may be newer than ours, so it cannot be an enum constant).
	 */
	public static final String RELAYED_PREFIX = "remote-";

	private final String code;

	private final HttpStatus status;

	private final String title;

	ProblemCode(String code, HttpStatus status, String title) {
		this.code = code;
		this.status = status;
		this.title = title;
	}

	/** The stable wire value. */
	public String code() {
		return this.code;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/** A problem with this code, its default status and title, and the given detail. */
	public ProblemException exception(String detail) {
		return new ProblemException(this, detail);
	}

}
