package org.orchestrator.livesync.sync.internal.peer;

import reactor.core.publisher.Mono;

import org.orchestrator.livesync.security.PeerSessions;
import org.orchestrator.livesync.sync.internal.SyncProblems;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The peer session of a write: the bearer token's session, which the body must name too
 * (a token and a body from different sessions are refused), ended once its package moved.
 */
@Component
class PeerSessionCheck {

	private final PeerSessions sessions;

	PeerSessionCheck(PeerSessions sessions) {
		this.sessions = sessions;
	}

	/** The request's peer session, which the body must name. */
	PeerSessions.PeerSession session(ServerWebExchange exchange, String sessionId) {
		PeerSessions.PeerSession session = this.sessions.current(exchange);
		if (sessionId == null || sessionId.isBlank()) {
			throw ProblemException.invalid("session_id", "is required: the session_id from /sync/connect");
		}
		if (session == null || !session.sessionId().equals(sessionId)) {
			throw SyncProblems.wrongSession();
		}
		return session;
	}

	/** The request's peer session, for a read that names none. */
	PeerSessions.PeerSession current(ServerWebExchange exchange) {
		PeerSessions.PeerSession session = this.sessions.current(exchange);
		if (session == null) {
			throw SyncProblems.wrongSession();
		}
		return session;
	}

	/** Ends the session: one package per session. */
	Mono<Void> end(PeerSessions.PeerSession session) {
		return this.sessions.revoke(session.sessionId());
	}

}
