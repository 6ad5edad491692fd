package org.orchestrator.livesync.sync.internal.session;

import java.time.Instant;

import org.orchestrator.livesync.sync.internal.compare.Comparison;
import org.orchestrator.livesync.sync.internal.remote.RemoteServer;

/**
 * An operator's sync session with a remote server: who the remote is, the password it
 * accepted (kept in memory only: packages for that remote are encrypted with it) and the
 * comparison the operator reviewed.
 */
public final class SyncSession {

	private final String id;

	private final RemoteServer remote;

	private final String password;

	private final Instant createdAt;

	private final Comparison comparison;

	private final ReviewedHashes reviewed;

	private volatile Instant lastUsed;

	SyncSession(String id, RemoteServer remote, String password, Comparison comparison, Instant now) {
		this.id = id;
		this.remote = remote;
		this.password = password;
		this.comparison = comparison;
		this.reviewed = new ReviewedHashes(comparison);
		this.createdAt = now;
		this.lastUsed = now;
	}

	public String id() {
		return this.id;
	}

	public RemoteServer remote() {
		return this.remote;
	}

	/** The remote's sync password; never to be logged or returned. */
	public String password() {
		return this.password;
	}

	public Comparison comparison() {
		return this.comparison;
	}

	/** What the remote had in this comparison, for jobs to expect. */
	public ReviewedHashes reviewed() {
		return this.reviewed;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	Instant lastUsed() {
		return this.lastUsed;
	}

	void used(Instant now) {
		this.lastUsed = now;
	}

	@Override
	public String toString() {
		return "SyncSession[" + this.id + " with " + this.remote.url() + "]";
	}

}
