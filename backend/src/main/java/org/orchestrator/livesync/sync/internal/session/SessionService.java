package org.orchestrator.livesync.sync.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.sync.internal.SyncProblems;
import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.sync.internal.compare.Comparison;
import org.orchestrator.livesync.sync.internal.compare.RemoteCompare;
import org.orchestrator.livesync.sync.internal.constraint.ConstraintCheck;
import org.orchestrator.livesync.sync.internal.registry.PeerService;
import org.orchestrator.livesync.sync.internal.remote.CertificateFingerprint;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient;
import org.orchestrator.livesync.sync.internal.remote.RemoteServer;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Opens operator sessions with remote servers: probe, connect with the remote's sync
 * password, read its inventory as a stream and compare it with ours. Sessions are kept in
 * the database (and in memory where they were opened or used), shared by the server's
 * replicas, and forgotten after an hour unused.
 */
@Service
public class SessionService {

	static final Duration IDLE_LIMIT = Duration.ofHours(1);

	private final Map<String, SyncSession> sessions = new ConcurrentHashMap<>();

	private final RemoteClient remote;

	private final RemoteCompare compare;

	private final SyncProperties sync;

	private final ServerIdentity identity;

	private final Clock clock;

	private final ConstraintCheck constraints;

	private final PeerService peers;

	private final SessionStore store;

	SessionService(RemoteClient remote, RemoteCompare compare, SyncProperties sync, ServerIdentity identity,
			Clock clock, ConstraintCheck constraints, PeerService peers, SessionStore store) {
		this.peers = peers;
		this.store = store;
		this.constraints = constraints;
		this.remote = remote;
		this.compare = compare;
		this.sync = sync;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * A session with the remote at {@code remoteUrl}; {@code remoteFingerprint} (null:
	 * the usual trust) pins the certificate all its calls accept.
	 */
	public Mono<SyncSession> create(String remoteUrl, String password, String remoteFingerprint) {
		return Mono.fromCallable(() -> {
			if (!this.sync.enabled()) {
				throw SyncProblems.disabled();
			}
			String url = RemoteServer.baseUrl(remoteUrl, "remote_url");
			String pin = CertificateFingerprint.parse(remoteFingerprint, "remote_fingerprint");
			if (pin != null && !url.startsWith("https://")) {
				// Over plain HTTP there is no certificate: the pin would protect nothing.
				throw ProblemException.invalid("remote_fingerprint", "pins a certificate: remote_url must be https://");
			}
			String secret = (password != null && !password.isEmpty()) ? password : this.sync.password();
			if (secret == null || secret.isEmpty()) {
				throw ProblemException.invalid("password",
						"is required: the remote's SYNC_PASSWORD (this server has no SYNC_PASSWORD to default to)");
			}
			return new Target(url, secret, pin);
		}).flatMap((target) -> this.remote.probe(target.url(), target.pin()).flatMap((server) -> {
			if (server.serverId().equals(this.identity.serverId().toString())) {
				return Mono.error(ProblemException.invalid("remote_url", "points at this server itself"));
			}
			return this.remote
				.connect(target.url(), this.identity.serverId().toString(), target.password(), target.pin())
				.flatMap((peer) -> compare(new RemoteCompare.Remote(target.url(), server.serverId(), peer))
					.map((comparison) -> new SyncSession(UUID.randomUUID().toString(), server, target.password(),
							comparison, peer, this.clock.instant())))
				.flatMap((session) -> this.store.save(session).thenReturn(session))
				.map((session) -> {
					this.sessions.put(session.id(), session);
					return session;
				});
		}));
	}

	/**
	 * A session with the registered peer {@code peerName}: its URL, pin and password, the
	 * latter two unless given; the contact is recorded on the peer.
	 */
	public Mono<SyncSession> createWithPeer(String peerName, String password, String remoteFingerprint) {
		return this.peers.target(peerName)
			.flatMap((peer) -> create(peer.url(), (password != null) ? password : peer.password(),
					(remoteFingerprint != null) ? remoteFingerprint : peer.fingerprint())
				.flatMap((session) -> this.peers.contacted(peer.name(), session.remote()).thenReturn(session)));
	}

	/** The compare a session holds, with the rules a sync of it would break. */
	private Mono<Comparison> compare(RemoteCompare.Remote remote) {
		return this.compare.compare(remote).flatMap((comparison) -> this.constraints.annotate(remote, comparison));
	}

	public Mono<SyncSession> get(String id) {
		return find(id);
	}

	/**
	 * The session, marked as used now, or a 404 problem: this replica's own, or one
	 * another replica opened, read from the database.
	 */
	public Mono<SyncSession> find(String id) {
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			SyncSession held = (id != null) ? this.sessions.get(id) : null;
			if (held != null) {
				held.used(now);
				return this.store.used(id, now).flatMap((kept) -> {
					if (kept) {
						return Mono.just(held);
					}
					this.sessions.remove(id, held);
					return Mono.empty();
				});
			}
			return (id == null) ? Mono.<SyncSession>empty() : this.store.find(id, now).doOnNext((restored) -> {
				this.sessions.put(id, restored);
			});
		})
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound(
					"sync session '" + id + "' (sessions end after " + IDLE_LIMIT.toMinutes() + " minutes unused)")));
	}

	public Mono<Void> forget(String id) {
		return this.store.delete(id).flatMap((deleted) -> {
			boolean held = (id != null) && this.sessions.remove(id) != null;
			return (deleted || held) ? Mono.<Void>empty()
					: Mono.error(ProblemException.notFound("sync session '" + id + "'"));
		});
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetIdle() {
		Instant cutoff = this.clock.instant().minus(IDLE_LIMIT);
		this.sessions.values().removeIf((session) -> session.lastUsed().isBefore(cutoff));
		this.store.forgetUnusedSince(cutoff).onErrorResume((failure) -> Mono.empty()).subscribe();
	}

	private record Target(String url, String password, String pin) {

		@Override
		public String toString() {
			return "Target[" + this.url + "]";
		}

	}

}
