package org.orchestrator.livesync.sync.internal.peer;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.crypto.ConstantTime;
import org.orchestrator.livesync.security.PeerSessions;
import org.orchestrator.livesync.security.TokenService;
import org.orchestrator.livesync.sync.internal.SyncProblems;
import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.sync.internal.protocol.PeerApi;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The door of the peer API: a peer connects with the shared password and gets a session
 * token for the calls that follow.
 */
@Tag(name = "Sync peers", description = "Server-to-server API; peer tokens from /sync/connect")
@RestController
class PeerAuthController {

	private final SyncProperties sync;

	private final PeerSessions sessions;

	private final TokenService tokens;

	private final ServerIdentity identity;

	private final AuditLog audit;

	PeerAuthController(SyncProperties sync, PeerSessions sessions, TokenService tokens, ServerIdentity identity,
			AuditLog audit) {
		this.audit = audit;
		this.sync = sync;
		this.sessions = sessions;
		this.tokens = tokens;
		this.identity = identity;
	}

	@Operation(summary = "Open a sync session with the shared SYNC_PASSWORD")
	@PostMapping(PeerApi.CONNECT)
	Mono<PeerMessages.ConnectResponse> connect(@RequestBody PeerMessages.ConnectRequest request,
			ServerHttpRequest http) {
		String client = AuditLog.client(http);
		return Mono.fromCallable(() -> {
			if (!this.sync.enabled()) {
				throw SyncProblems.disabled();
			}
			if (!this.sync.hasPassword()) {
				throw SyncProblems.notConfigured();
			}
			String serverId = request.serverId();
			if (serverId == null || !serverId.matches("[A-Za-z0-9._:-]{1,100}")) {
				throw ProblemException.invalid("server_id",
						"must identify the calling server (letters, digits, " + "'.', '_', ':', '-'; at most 100)");
			}
			if (request.password() == null || !ConstantTime.equals(request.password(), this.sync.password())) {
				throw new ProblemException(ProblemCode.BAD_SYNC_PASSWORD, "the sync password is wrong or missing");
			}
			return serverId;
		}).flatMap((serverId) -> this.sessions.open(serverId, this.sync.tokenLifetime())).map((session) -> {
			String serverId = session.peerServerId();
			String token = this.tokens.issue(TokenService.Audience.PEER, serverId, session.sessionId(),
					this.sync.tokenLifetime());
			return new PeerMessages.ConnectResponse(true, token, session.sessionId(), this.sync.tokenExpiry(),
					new PeerMessages.ServerInfo(this.identity.name(), this.identity.version(),
							this.identity.serverId().toString()));
		})
			.flatMap((connected) -> this.audit
				.recordQuietly(AuditLog.Action.PEER_CONNECTED, request.serverId(), client, Map.of())
				.thenReturn(connected))
			.onErrorResume(
					(ex) -> ex instanceof ProblemException problem
							&& ProblemCode.BAD_SYNC_PASSWORD.code().equals(problem.code()),
					(refused) -> this.audit.recordQuietly(AuditLog.Action.PEER_REFUSED, null, client,
							Map.of("reason", "wrong sync password"))
						.then(Mono.error(refused)));
	}

}
