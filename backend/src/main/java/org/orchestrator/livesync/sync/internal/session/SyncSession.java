package org.orchestrator.livesync.sync.internal.session;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.orchestrator.livesync.sync.internal.compare.Comparison;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient.RemoteSession;
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

	private final String remoteFingerprint;

	private final Instant createdAt;

	private final Comparison comparison;

	private final ReviewedHashes reviewed;

	private volatile Instant lastUsed;

	/** The peer session the compare was made in, until a job takes it. */
	private final AtomicReference<RemoteSession> peerSession;

	private final Instant peerSessionUsableUntil;

	SyncSession(String id, RemoteServer remote, String password, Comparison comparison, Instant now) {
		this(id, remote, password, comparison, null, now);
	}

	SyncSession(String id, RemoteServer remote, String password, Comparison comparison, RemoteSession peerSession,
			Instant now) {
		this(id, remote, password, (peerSession != null) ? peerSession.pin() : null, comparison, peerSession, now, now);
	}

	/** A session as another replica saved it: without its peer session. */
	static SyncSession restored(String id, RemoteServer remote, String password, String remoteFingerprint,
			Comparison comparison, Instant createdAt, Instant now) {
		return new SyncSession(id, remote, password, remoteFingerprint, comparison, null, createdAt, now);
	}

	private SyncSession(String id, RemoteServer remote, String password, String remoteFingerprint,
			Comparison comparison, RemoteSession peerSession, Instant createdAt, Instant now) {
		this.id = id;
		this.remoteFingerprint = remoteFingerprint;
		this.peerSession = new AtomicReference<>(peerSession);
		// Half its lifetime: a job that takes it has the other half to finish its first
		// package in it.
		this.peerSessionUsableUntil = (peerSession != null) ? now.plusSeconds(peerSession.expiresIn() / 2) : now;
		this.remote = remote;
		this.password = password;
		this.comparison = comparison;
		this.reviewed = new ReviewedHashes(comparison);
		this.createdAt = createdAt;
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

	/**
	 * The SHA-256 fingerprint (normal form) of the certificate the remote must present,
	 * pinned by the operator; null when the usual trust applies. Not a secret.
	 */
	public String remoteFingerprint() {
		return this.remoteFingerprint;
	}

	public Comparison comparison() {
		return this.comparison;
	}

	/** What the remote had in this comparison, for jobs to expect. */
	public ReviewedHashes reviewed() {
		return this.reviewed;
	}

	/**
	 * The peer session the compare was made in, for the first job to go on in instead of
	 * connecting again; empty once taken (a package ends it on the remote) or when it is
	 * too old.
	 */
	public Optional<RemoteSession> takePeerSession(Instant now) {
		RemoteSession taken = this.peerSession.getAndSet(null);
		return (taken != null && now.isBefore(this.peerSessionUsableUntil)) ? Optional.of(taken) : Optional.empty();
	}

	/**
	 * The id (not the token) of the peer session a job can still take, or null: for logs,
	 * and for tests that end it on the remote.
	 */
	public String peerSessionId() {
		RemoteSession held = this.peerSession.get();
		return (held != null) ? held.sessionId() : null;
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
