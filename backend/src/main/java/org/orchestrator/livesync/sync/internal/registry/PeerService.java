package org.orchestrator.livesync.sync.internal.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.crypto.AtRestEncryption;
import org.orchestrator.livesync.sync.internal.remote.CertificateFingerprint;
import org.orchestrator.livesync.sync.internal.remote.RemoteServer;
import org.orchestrator.livesync.sync.internal.replication.Checkpoints;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Service;

/**
 * Registered remotes: the operator names a remote once (URL, pinned certificate, its own
 * sync password) and picks it by name afterwards. The password is kept encrypted with the
 * master keyset and never leaves the server.
 */
@Service
public class PeerService {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final int MAX_PASSWORD = 1024;

	private final PeerStore store;

	private final AtRestEncryption encryption;

	private final Checkpoints checkpoints;

	private final Clock clock;

	PeerService(PeerStore store, AtRestEncryption encryption, Checkpoints checkpoints, Clock clock) {
		this.store = store;
		this.encryption = encryption;
		this.checkpoints = checkpoints;
		this.clock = clock;
	}

	/** What a session with a peer needs; {@code password} null: this server's own. */
	public record Target(String name, String url, @Nullable String password, @Nullable String fingerprint) {

		@Override
		public String toString() {
			return "Target[" + this.name + ", " + this.url + "]";
		}

	}

	/**
	 * A peer's settings as given: {@code password} null keeps the stored one, "" clears
	 * it.
	 */
	record Settings(String url, @Nullable String fingerprint, @Nullable String password) {

		@Override
		public String toString() {
			return "Settings[" + this.url + "]";
		}

	}

	Flux<PeerView> list() {
		return this.store.all().concatMap(this::view);
	}

	Mono<PeerView> get(String name) {
		return found(name).flatMap(this::view);
	}

	Mono<PeerView> create(String name, Settings settings) {
		return Mono.fromCallable(() -> stored(checkedName(name), settings, null))
			.flatMap((peer) -> this.store.insert(peer)
				.flatMap((inserted) -> inserted ? get(peer.name())
						: Mono.error(ProblemException.conflict("a peer named '" + peer.name() + "' exists already"))));
	}

	Mono<PeerView> update(String name, Settings settings) {
		return found(name).map((old) -> stored(name, settings, old))
			.flatMap((peer) -> this.store.update(peer).then(get(name)));
	}

	Mono<Void> delete(String name) {
		return this.store.delete(name).flatMap((deleted) -> deleted ? Mono.<Void>empty() : Mono.error(missing(name)));
	}

	/** The peer named {@code name} as a session connects to it, or a 404 problem. */
	public Mono<Target> target(String name) {
		return found(name)
			.map((peer) -> new Target(peer.name(), peer.url(),
					(peer.passwordSecret() != null)
							? this.encryption.decrypt(peer.passwordSecret(), context(peer.name())) : null,
					peer.fingerprint()));
	}

	/** Those of {@code names} that name no registered peer, in their order. */
	public Mono<List<String>> unregistered(List<String> names) {
		return Flux.fromIterable(names)
			.concatMap((name) -> this.store.find(name).map((peer) -> "").defaultIfEmpty(name))
			.filter((missing) -> !missing.isEmpty())
			.collectList();
	}

	/** Remembers that {@code remote} answered as the peer {@code name} just now. */
	public Mono<Void> contacted(String name, RemoteServer remote) {
		return this.store.contacted(name, remote.serverId(), remote.name(), now());
	}

	private Mono<PeerStore.StoredPeer> found(String name) {
		return this.store.find(name).switchIfEmpty(Mono.error(() -> missing(name)));
	}

	private Mono<PeerView> view(PeerStore.StoredPeer peer) {
		Mono<PeerView.Replication> replication = (peer.serverId() == null) ? Mono.just(PeerView.Replication.NONE)
				: this.checkpoints.find(peer.serverId())
					.map((checkpoint) -> new PeerView.Replication("checkpoint", checkpoint.id().toString(),
							checkpoint.localSeq(), checkpoint.remoteSeq()))
					.defaultIfEmpty(PeerView.Replication.NONE);
		return Mono.zip(replication,
				this.store.lastJob(peer.url()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
			.map((both) -> new PeerView(peer.name(), peer.url(), peer.fingerprint(), peer.passwordSecret() != null,
					peer.serverId(), peer.serverName(), peer.lastContactAt(), both.getT1(), both.getT2().orElse(null),
					peer.createdAt(), peer.updatedAt()));
	}

	/** The row for {@code settings}, checked; {@code old} is the row they replace. */
	private PeerStore.StoredPeer stored(String name, Settings settings, PeerStore.@Nullable StoredPeer old) {
		List<Problem.FieldError> errors = new ArrayList<>();
		String url = null;
		String fingerprint = null;
		try {
			url = RemoteServer.baseUrl(settings.url(), "url");
		}
		catch (ProblemException ex) {
			errors.addAll(ex.errors());
		}
		try {
			fingerprint = CertificateFingerprint.parse(settings.fingerprint(), "fingerprint");
			if (fingerprint != null && url != null && !url.startsWith("https://")) {
				// Over plain HTTP there is no certificate: the pin would protect nothing.
				errors.add(new Problem.FieldError("fingerprint", "pins a certificate: url must be https://"));
			}
		}
		catch (ProblemException ex) {
			errors.addAll(ex.errors());
		}
		String password = settings.password();
		if (password != null && password.length() > MAX_PASSWORD) {
			errors.add(new Problem.FieldError("password", "must be at most " + MAX_PASSWORD + " characters"));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		String secret;
		if (password == null) {
			secret = (old != null) ? old.passwordSecret() : null;
		}
		else {
			secret = password.isEmpty() ? null : this.encryption.encrypt(password, context(name));
		}
		Instant now = now();
		return new PeerStore.StoredPeer(name, url, fingerprint, secret, null, null, null,
				(old != null) ? old.createdAt() : now, now);
	}

	private static String checkedName(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw ProblemException.invalid("name",
					"must be 1 to 63 lower-case letters, digits and hyphens, beginning and ending with a letter or digit");
		}
		return name;
	}

	/**
	 * What the ciphertext of a peer's password is bound to: it decrypts for that peer
	 * alone.
	 */
	private static String context(String name) {
		return "sync_peers:" + name + ":password";
	}

	private static ProblemException missing(String name) {
		return ProblemException.notFound("peer '" + name + "'");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
