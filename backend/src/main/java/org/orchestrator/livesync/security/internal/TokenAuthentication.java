package org.orchestrator.livesync.security.internal;

import java.util.List;

import org.orchestrator.livesync.security.TokenService;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A bearer token: first as sent (unverified), then as {@link TokenService} verified it,
 * with its audience as the one authority. The verified form keeps no copy of the token
 * string.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

	static final String OPERATOR = "operator";

	static final String PEER = "peer";

	private final String sent;

	private final TokenService.Token token;

	private TokenAuthentication(String sent, TokenService.Token token) {
		super((token != null) ? List.of(new SimpleGrantedAuthority(authority(token.audience()))) : List.of());
		this.sent = sent;
		this.token = token;
		setAuthenticated(token != null);
	}

	static TokenAuthentication sent(String token) {
		return new TokenAuthentication(token, null);
	}

	static TokenAuthentication verified(TokenService.Token token) {
		return new TokenAuthentication(null, token);
	}

	static String authority(TokenService.Audience audience) {
		return (audience == TokenService.Audience.PEER) ? PEER : OPERATOR;
	}

	String sentToken() {
		return this.sent;
	}

	TokenService.Token token() {
		return this.token;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return (this.token != null) ? this.token.subject() : null;
	}

	@Override
	public String toString() {
		return "TokenAuthentication[" + ((this.token != null) ? this.token.audience() : "unverified") + "]";
	}

}
