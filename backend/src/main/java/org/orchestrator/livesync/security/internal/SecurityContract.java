package org.orchestrator.livesync.security.internal;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The security part of the contract: two bearer schemes, because operator tokens (from
 * login) and peer tokens (from {@code /sync/connect}) open disjoint sets of routes, and
 * {@code security: []} on the open routes. {@link ApiRoutes} guards these same paths, so
 * the contract cannot drift from what the filter chain enforces.
 */
@Configuration(proxyBeanMethods = false)
class SecurityContract {

	static final String OPERATOR = "operatorToken";

	static final String PEER = "peerToken";

	/** Open to anyone: liveness, the seed's sync test, and the two logins. */
	static final Set<String> OPEN_PATHS = Set.of("/api/v1/health", "/api/v1/sync/test", "/api/v1/auth/login",
			"/api/v1/sync/connect");

	/** The server-to-server API, guarded by {@link ApiRoutes#PEER}. */
	static final Set<String> PEER_PATHS = Set.of("/api/v1/sync/inventory", "/api/v1/sync/compare",
			"/api/v1/sync/transfer", "/api/v1/sync/receive", "/api/v1/sync/receive/stream", "/api/v1/sync/confirm",
			"/api/v1/sync/hashes", "/api/v1/sync/items", "/api/v1/sync/digest");

	@Bean
	OpenApiCustomizer securitySchemes() {
		return (openApi) -> {
			openApi.getComponents()
				.addSecuritySchemes(OPERATOR,
						bearer("Operator token from POST /api/v1/auth/login; opens everything but the peer API"))
				.addSecuritySchemes(PEER, bearer(
						"Peer token from POST /api/v1/sync/connect; opens only the peer API, while its session is open"));
			secure(openApi);
		};
	}

	private static SecurityScheme bearer(String description) {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description(description);
	}

	private static void secure(OpenAPI openApi) {
		openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
			if (OPEN_PATHS.contains(path)) {
				operation.setSecurity(List.of());
			}
			else {
				String scheme = PEER_PATHS.contains(path) ? PEER : OPERATOR;
				operation.setSecurity(List.of(new SecurityRequirement().addList(scheme)));
			}
		}));
	}

}
