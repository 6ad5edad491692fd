package org.orchestrator.livesync.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import javax.crypto.SecretKey;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;

import org.springframework.stereotype.Component;

/**
 * Issues and verifies the JWTs of this server. The signing key lives only in memory: a
 * restart logs everybody out, and a token never outlives the process that can revoke it.
 */
@Component
public class TokenService {

	private final SecretKey key = Jwts.SIG.HS256.key().build();

	private final Clock clock;

	public TokenService(Clock clock) {
		this.clock = clock;
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
