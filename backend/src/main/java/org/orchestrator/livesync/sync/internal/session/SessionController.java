package org.orchestrator.livesync.sync.internal.session;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.sync.internal.compare.CompareService;
import org.orchestrator.livesync.sync.internal.compare.Comparison;
import org.orchestrator.livesync.sync.internal.remote.RemoteServer;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What the operator drives on their own server: connect to a remote and compare. */
@Tag(name = "Sync", description = "Live Sync between servers, driven by the operator")
@RestController
@RequestMapping("/api/v1/sync")
class SessionController {

	private final SessionService sessions;

	private final SyncProperties sync;

	private final ServerIdentity identity;

	SessionController(SessionService sessions, SyncProperties sync, ServerIdentity identity) {
		this.sessions = sessions;
		this.sync = sync;
		this.identity = identity;
	}

	@Operation(summary = "Connect to a remote server and compare its inventory with this one")
	@PostMapping("/sessions")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ResponseEntity<SessionResponse>> create(@RequestBody CreateSessionRequest request) {
		return session(request)
			.map((session) -> ResponseEntity.created(URI.create("/api/v1/sync/sessions/" + session.id()))
				.body(SessionResponse.of(session)));
	}

	/**
	 * A session with {@code remote_url}, or with the registered peer {@code peer}: its
	 * URL, pin and password, each unless the request gives its own.
	 */
	private Mono<SyncSession> session(CreateSessionRequest request) {
		if (request.peer() == null) {
			return this.sessions.create(request.remoteUrl(), request.password(), request.remoteFingerprint());
		}
		if (request.remoteUrl() != null) {
			return Mono.error(ProblemException.invalid("remote_url", "give remote_url or peer, not both"));
		}
		return this.sessions.createWithPeer(request.peer(), request.password(), request.remoteFingerprint());
	}

	@Operation(summary = "A session and the comparison it holds")
	@GetMapping("/sessions/{id}")
	Mono<SessionResponse> get(@PathVariable String id) {
		return this.sessions.get(id).map(SessionResponse::of);
	}

	@Operation(summary = "Forget a session")
	@DeleteMapping("/sessions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable String id) {
		return this.sessions.forget(id);
	}

	@Operation(summary = "This server's sync settings as the UI and CLI need them (no secrets)")
	@GetMapping("/settings")
	SyncSettings settings() {
		return new SyncSettings(this.sync.enabled(), this.sync.defaultRemoteUrl(), this.sync.hasPassword(),
				new CompareService.PeerRef(this.identity.serverId().toString(), this.identity.name()),
				this.identity.version());
	}

	record CreateSessionRequest(
			@Schema(description = "the remote; or name a registered peer instead",
					example = "http://localhost:5001") @Nullable String remoteUrl,
			@Schema(description = "a registered peer (GET /sync/peers) whose URL, pinned certificate and "
					+ "password the session uses, unless given here") @Nullable String peer,
			@Schema(description = "the remote's SYNC_PASSWORD; default: this server's SYNC_PASSWORD") String password,
			@Schema(description = "pins the remote's certificate: the SHA-256 fingerprint of its DER encoding, "
					+ "64 hex digits with or without colons (openssl x509 -noout -fingerprint -sha256). "
					+ "When set, calls of the session accept that certificate and no other, "
					+ "even self-signed or not in SYNC_TRUST_CA_FILE",
					example = "3F:9A:0C:51:7E:22:B4:D8:90:6C:1E:A7:F3:45:08:DB:6E:12:C9:74:A0:5B:E3:18:4D:F6:27:93:BC:0E:61:5A") @Nullable String remoteFingerprint) {

		@Override
		public String toString() {
			return "CreateSessionRequest[remoteUrl=" + this.remoteUrl + ", peer=" + this.peer
					+ ", password=<redacted>, remoteFingerprint=" + this.remoteFingerprint + "]";
		}

	}

	record SessionResponse(String sessionId, RemoteServer remote,
			@Schema(description = "the pinned SHA-256 fingerprint of the remote's certificate, "
					+ "upper-case hex pairs with colons; null when none is pinned") @Nullable String remoteFingerprint,
			Instant createdAt, Comparison comparison) {

		static SessionResponse of(SyncSession session) {
			return new SessionResponse(session.id(), session.remote(), session.remoteFingerprint(), session.createdAt(),
					session.comparison());
		}

	}

	record SyncSettings(boolean enabled, @Nullable String defaultRemoteUrl, boolean syncPasswordSet,
			CompareService.PeerRef server, String version) {
	}

}
