package org.orchestrator.livesync.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The sync sessions peers opened with {@code /connect}, kept in the database so that all
 * replicas of a server share them: a peer may connect through one replica and send its
 * package through another. A peer token is good while its session is here, so ending a
 * session (deleting its row) revokes its token on every replica at once. Each peer
 * request looks its session up once, when it is authorized; the handlers find it in the
 * exchange.
 */
@Component
public class PeerSessions {

	/**
	 * The exchange attribute where the authentication filter leaves the verified token.
	 */
	public static final String TOKEN_ATTRIBUTE = PeerSessions.class.getName() + ".token";

	/** The exchange attribute where authorization leaves the open session it found. */
	static final String SESSION_ATTRIBUTE = PeerSessions.class.getName() + ".session";

	private static final Logger logger = LoggerFactory.getLogger(PeerSessions.class);

	private final DatabaseClient database;

	private final Clock clock;

	PeerSessions(DatabaseClient database, Clock clock) {
		this.database = database;
		this.clock = clock;
	}

	public Mono<PeerSession> open(String peerServerId, Duration lifetime) {
		PeerSession session = new PeerSession(UUID.randomUUID().toString(), peerServerId,
				this.clock.instant().plus(lifetime));
		return this.database
			.sql("INSERT INTO sync_peer_sessions (session_id, peer_server_id, expires_at) VALUES ($1, $2, $3)")
			.bind(0, session.sessionId())
			.bind(1, peerServerId)
			.bind(2, at(session.expiresAt()))
			.then()
			.thenReturn(session);
	}

	/** The session if it is still open, else empty. */
	public Mono<PeerSession> find(String sessionId) {
		if (sessionId == null) {
			return Mono.empty();
		}
		return this.database
			.sql("SELECT peer_server_id, expires_at FROM sync_peer_sessions WHERE session_id = $1 AND expires_at > $2")
			.bind(0, sessionId)
			.bind(1, at(this.clock.instant()))
			.map((row) -> new PeerSession(sessionId, row.get(0, String.class),
					row.get(1, OffsetDateTime.class).toInstant()))
			.one();
	}

	/**
	 * The open session of the request's peer token, looked up in the database and kept in
	 * the exchange for {@link #current}; empty for another token or an ended session.
	 */
	public Mono<PeerSession> authorize(ServerWebExchange exchange, TokenService.Token token) {
		if (token == null || token.audience() != TokenService.Audience.PEER) {
			return Mono.empty();
		}
		return find(token.sessionId()).doOnNext((session) -> exchange.getAttributes().put(SESSION_ATTRIBUTE, session));
	}

	/**
	 * The open session of a request that passed authorization on a peer endpoint, or
	 * null.
	 */
	public PeerSession current(ServerWebExchange exchange) {
		return exchange.getAttribute(SESSION_ATTRIBUTE);
	}

	/**
	 * Ends a session: its token opens nothing any more, on any replica. A failure to end
	 * it is logged, not passed on: what the session did has happened, and the session
	 * still ends when it expires.
	 */
	public Mono<Void> revoke(String sessionId) {
		return this.database.sql("DELETE FROM sync_peer_sessions WHERE session_id = $1")
			.bind(0, sessionId)
			.then()
			.onErrorResume((failure) -> {
				logger.warn("could not end peer session {}: {}", sessionId, failure.getMessage());
				return Mono.empty();
			});
	}

	@Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
	void forgetExpired() {
		this.database.sql("DELETE FROM sync_peer_sessions WHERE expires_at <= $1")
			.bind(0, at(this.clock.instant()))
			.then()
			.onErrorComplete()
			.subscribe();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A peer's session: who connected ({@code server_id} they gave) and until when. */
	public record PeerSession(String sessionId, String peerServerId, Instant expiresAt) {
	}

}
