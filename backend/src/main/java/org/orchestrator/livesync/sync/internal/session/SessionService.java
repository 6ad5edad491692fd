package org.orchestrator.livesync.sync.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.InventoryDigests;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.sync.internal.SyncProblems;
import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.sync.internal.compare.CompareService;
import org.orchestrator.livesync.sync.internal.compare.RemoteItems;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient;
import org.orchestrator.livesync.sync.internal.remote.RemoteServer;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Opens operator sessions with remote servers: probe, connect with the remote's sync
 * password, read its inventory as a stream and compare it with ours. Sessions live in
 * memory and are forgotten after an hour unused.
 */
@Service
public class SessionService {

	static final Duration IDLE_LIMIT = Duration.ofHours(1);

	private final Map<String, SyncSession> sessions = new ConcurrentHashMap<>();

	private final RemoteClient remote;

	private final CompareService compare;

	private final SyncProperties sync;

	private final ServerIdentity identity;

	private final InventoryDigests digests;

	private final Clock clock;

	SessionService(RemoteClient remote, CompareService compare, SyncProperties sync, ServerIdentity identity,
			InventoryDigests digests, Clock clock) {
		this.digests = digests;
		this.remote = remote;
		this.compare = compare;
		this.sync = sync;
		this.identity = identity;
		this.clock = clock;
	}

	public Mono<SyncSession> create(String remoteUrl, String password) {
		return Mono.fromCallable(() -> {
			if (!this.sync.enabled()) {
				throw SyncProblems.disabled();
			}
			String url = RemoteServer.baseUrl(remoteUrl, "remote_url");
			String secret = (password != null && !password.isEmpty()) ? password : this.sync.password();
			if (secret == null || secret.isEmpty()) {
				throw ProblemException.invalid("password",
						"is required: the remote's SYNC_PASSWORD (this server has no SYNC_PASSWORD to default to)");
			}
			return new Target(url, secret);
		}).flatMap((target) -> this.remote.probe(target.url()).flatMap((server) -> {
			if (server.serverId().equals(this.identity.serverId().toString())) {
				return Mono.error(ProblemException.invalid("remote_url", "points at this server itself"));
			}
			return this.remote.connect(target.url(), this.identity.serverId().toString(), target.password())
				.flatMap((session) -> compare(target.url(), server, session))
				.map((compared) -> {
					SyncSession session = new SyncSession(UUID.randomUUID().toString(), server, target.password(),
							compared.comparison(), this.clock.instant());
					this.sessions.put(session.id(), session);
					return session;
				});
		}));
	}

	/** Hashes from the remote, and contents only for what differs. */
	private Mono<CompareService.CompareResponse> compare(String url, RemoteServer server,
			RemoteClient.RemoteSession session) {
		return Mono.zip(this.digests.digests(), this.remote.digest(url, session)).flatMap((digests) -> {
			Set<ItemKind> differing = EnumSet.noneOf(ItemKind.class);
			long alike = 0;
			for (ItemKind kind : ItemKind.values()) {
				InventoryDigests.Digest local = digests.getT1().get(kind);
				JsonNode remote = digests.getT2().path("digests").path(kind.section());
				if (local.sameAs(remote)) {
					alike += local.items();
				}
				else {
					differing.add(kind);
				}
			}
			return compare(url, server, session, differing, alike);
		});
	}

	private Mono<CompareService.CompareResponse> compare(String url, RemoteServer server,
			RemoteClient.RemoteSession session, Set<ItemKind> kinds, long alike) {
		List<String> sections = kinds.stream().map(ItemKind::section).toList();
		Flux<ItemSnapshot> hashes = kinds.isEmpty() ? Flux.empty()
				: this.remote.hashes(url, session, sections).handle((line, sink) -> {
					if ("metadata".equals(line.path("type").asString(""))
							&& !server.serverId().equals(line.path("server_id").asString(""))) {
						sink.error(new ProblemException(org.springframework.http.HttpStatus.CONFLICT, "remote-changed",
								"Remote changed", url + " changed while it was being compared"));
						return;
					}
					ItemSnapshot item = RemoteItems.hash(line);
					if (item != null) {
						sink.next(item);
					}
				});
		return this.compare.compareHashes(new CompareService.PeerRef(server.serverId(), server.name()), kinds, alike,
				hashes, (kind, keys) -> this.remote.items(url, session, Map.of(kind.section(), keys))
					.map((line) -> RemoteItems.snapshot(kind, line, "remote " + kind.type())));
	}

	public Mono<SyncSession> get(String id) {
		return Mono.fromCallable(() -> find(id));
	}

	/** The session, marked as used now, or a 404 problem. */
	public SyncSession find(String id) {
		SyncSession session = (id != null) ? this.sessions.get(id) : null;
		if (session == null) {
			throw ProblemException.notFound("sync session '" + id + "' (sessions end after " + IDLE_LIMIT.toMinutes()
					+ " minutes unused or when the server restarts)");
		}
		session.used(this.clock.instant());
		return session;
	}

	public Mono<Void> forget(String id) {
		return Mono.fromRunnable(() -> {
			if (this.sessions.remove(id) == null) {
				throw ProblemException.notFound("sync session '" + id + "'");
			}
		});
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetIdle() {
		Instant cutoff = this.clock.instant().minus(IDLE_LIMIT);
		this.sessions.values().removeIf((session) -> session.lastUsed().isBefore(cutoff));
	}

	private record Target(String url, String password) {

		@Override
		public String toString() {
			return "Target[" + this.url + "]";
		}

	}

}
