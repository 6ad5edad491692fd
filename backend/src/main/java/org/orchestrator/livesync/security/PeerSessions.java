package org.orchestrator.livesync.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The sync sessions peers opened with {@code /connect}, kept in memory only (as the seed
 * says): a peer token is good while its session is here, so ending a session revokes its
 * token at once.
 */
@Component
public class PeerSessions {

	/**
	 * The exchange attribute where the authentication filter leaves the verified token.
	 */
	public static final String TOKEN_ATTRIBUTE = PeerSessions.class.getName() + ".token";

	private final Map<String, PeerSession> sessions = new ConcurrentHashMap<>();

	private final Clock clock;

	PeerSessions(Clock clock) {
		this.clock = clock;
	}

	public PeerSession open(String peerServerId, Duration lifetime) {
		PeerSession session = new PeerSession(UUID.randomUUID().toString(), peerServerId,
				this.clock.instant().plus(lifetime));
		this.sessions.put(session.sessionId(), session);
		return session;
	}

	/** The session if it is still open, else null. */
	public PeerSession find(String sessionId) {
		PeerSession session = (sessionId != null) ? this.sessions.get(sessionId) : null;
		if (session != null && !session.expiresAt().isAfter(this.clock.instant())) {
			this.sessions.remove(sessionId);
			return null;
		}
		return session;
	}

	/**
	 * The open session of a request that passed authentication on a peer endpoint, or
	 * null.
	 */
	public PeerSession current(ServerWebExchange exchange) {
		TokenService.Token token = exchange.getAttribute(TOKEN_ATTRIBUTE);
		return (token != null && token.audience() == TokenService.Audience.PEER) ? find(token.sessionId()) : null;
	}

	/** Ends a session: its token opens nothing any more. */
	public void revoke(String sessionId) {
		this.sessions.remove(sessionId);
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetExpired() {
		Instant now = this.clock.instant();
		this.sessions.values().removeIf((session) -> !session.expiresAt().isAfter(now));
	}

	/** A peer's session: who connected ({@code server_id} they gave) and until when. */
	public record PeerSession(String sessionId, String peerServerId, Instant expiresAt) {
	}

}
