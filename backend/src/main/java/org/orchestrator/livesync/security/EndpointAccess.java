package org.orchestrator.livesync.security;

import java.util.Set;

/**
 * Who may call a path: anyone, the operator (UI, CLI, scripts) or a peer server in a
 * session.
 */
enum EndpointAccess {

	OPEN, OPERATOR, PEER;

	private static final Set<String> OPEN_API = Set.of("/api/v1/sync/test", "/api/v1/health", "/api/v1/auth/login",
			"/api/v1/sync/connect");

	private static final Set<String> PEER_API = Set.of("/api/v1/sync/inventory", "/api/v1/sync/compare",
			"/api/v1/sync/transfer", "/api/v1/sync/receive", "/api/v1/sync/confirm", "/api/v1/sync/receive/stream",
			"/api/v1/sync/hashes", "/api/v1/sync/items", "/api/v1/sync/digest");

	static EndpointAccess of(String path) {
		String normalized = (path.length() > 1 && path.endsWith("/")) ? path.substring(0, path.length() - 1) : path;
		if (!normalized.equals("/api") && !normalized.startsWith("/api/")) {
			// The OpenAPI documents, Swagger UI and the SPA's files.
			return OPEN;
		}
		if (OPEN_API.contains(normalized)) {
			return OPEN;
		}
		return PEER_API.contains(normalized) ? PEER : OPERATOR;
	}

}
