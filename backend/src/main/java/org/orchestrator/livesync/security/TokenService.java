package org.orchestrator.livesync.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

import org.orchestrator.livesync.crypto.AtRestEncryption;
import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies the JWTs of this server. The signing key is generated once per
 * database and kept there encrypted with the master keyset, so that every replica of the
 * server (same database, same {@code MASTER_KEY_FILE}) accepts the tokens of the others.
 */
@Component
public class TokenService {

	private static final String KEY_NAME = "token-signing-key";

	private final SecretKey key;

	private final Clock clock;

	/** A service with a key of its own, which no other server accepts (for tests). */
	public TokenService(Clock clock) {
		this(Jwts.SIG.HS256.key().build(), clock);
	}

	private TokenService(SecretKey key, Clock clock) {
		this.key = key;
		this.clock = clock;
	}

	@Autowired
	TokenService(DatabaseClient database, AtRestEncryption encryption, Clock clock,
			ObjectProvider<FlywayMigrationInitializer> migrations) {
		// The schema first; read once at start-up on the main thread, as the server id
		// is.
		migrations.getIfAvailable();
		String fresh = encryption.encrypt(Base64.getEncoder().encodeToString(Jwts.SIG.HS256.key().build().getEncoded()),
				context());
		// The first replica to start stores its key; every one uses the stored key.
		String stored = database
			.sql("INSERT INTO server_secrets (name, secret) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
			.bind(0, KEY_NAME)
			.bind(1, fresh)
			.then()
			.then(database.sql("SELECT secret FROM server_secrets WHERE name = $1")
				.bind(0, KEY_NAME)
				.map((row) -> row.get(0, String.class))
				.one())
			.block(Duration.ofSeconds(30));
		try {
			this.key = Keys.hmacShaKeyFor(Base64.getDecoder().decode(encryption.decrypt(stored, context())));
		}
		catch (IllegalStateException ex) {
			// Replicas share one keyset; this one cannot read what the database holds.
			throw new StartupProblem("MASTER_KEY_FILE is not the keyset of this database (its secrets do not decrypt "
					+ "with it): use the keyset the database was first used with, on every replica");
		}
		this.clock = clock;
	}

	private static String context() {
		return "server_secrets:" + KEY_NAME;
	}

	public String issue(Audience audience, String subject, String sessionId, Duration lifetime) {
		Instant now = this.clock.instant();
		return Jwts.builder()
			.id(UUID.randomUUID().toString())
			.subject(subject)
			.audience()
			.add(audience.claim())
			.and()
			.claim("sid", sessionId)
			.issuedAt(Date.from(now))
			.expiration(Date.from(now.plus(lifetime)))
			.signWith(this.key)
			.compact();
	}

	/**
	 * The verified claims of {@code token}, or null when it is forged, malformed or
	 * expired.
	 */
	public Token verify(String token) {
		try {
			Claims claims = Jwts.parser()
				.verifyWith(this.key)
				.clock(() -> Date.from(this.clock.instant()))
				.build()
				.parseSignedClaims(token)
				.getPayload();
			Audience audience = claims.getAudience()
				.stream()
				.map(Audience::fromClaim)
				.filter(a -> a != null)
				.findFirst()
				.orElse(null);
			if (audience == null) {
				return null;
			}
			return new Token(audience, claims.getSubject(), claims.get("sid", String.class),
					claims.getExpiration().toInstant());
		}
		catch (JwtException | IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Whom a token is for: an operator never opens the peer API, and a peer never the
	 * rest.
	 */
	public enum Audience {

		OPERATOR("operator"), PEER("peer");

		private final String claim;

		Audience(String claim) {
			this.claim = claim;
		}

		String claim() {
			return this.claim;
		}

		static Audience fromClaim(String claim) {
			for (Audience audience : values()) {
				if (audience.claim.equals(claim)) {
					return audience;
				}
			}
			return null;
		}

	}

	/** A verified token. {@code sessionId} is set for peer tokens. */
	public record Token(Audience audience, String subject, String sessionId, Instant expiresAt) {
	}

}
