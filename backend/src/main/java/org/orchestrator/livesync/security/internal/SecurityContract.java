package org.orchestrator.livesync.security.internal;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

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
			"/api/v1/sync/transfer", "/api/v1/sync/transfer/stream", "/api/v1/sync/transfer/stream/{package_id}",
			"/api/v1/sync/receive", "/api/v1/sync/receive/stream", "/api/v1/sync/receive/stream/{package_id}",
			"/api/v1/sync/confirm", "/api/v1/sync/hashes", "/api/v1/sync/items", "/api/v1/sync/digest",
			"/api/v1/sync/changes", "/api/v1/sync/checkpoint", "/api/v1/sync/facts");

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
			ApiResponses responses = operation.getResponses();
			if (OPEN_PATHS.contains(path)) {
				operation.setSecurity(List.of());
			}
			else {
				String scheme = PEER_PATHS.contains(path) ? PEER : OPERATOR;
				operation.setSecurity(List.of(new SecurityRequirement().addList(scheme)));
				problem(responses, "401", "No token, or one that is invalid or expired");
				problem(responses, "403", "A token of the wrong kind, or of a session that ended");
			}
			if (path.equals("/api/v1/auth/login") || path.equals("/api/v1/sync/connect")) {
				problem(responses, "401", "Wrong credentials");
			}
			boolean limited = PEER_PATHS.contains(path) || path.equals("/api/v1/sync/connect")
					|| path.equals("/api/v1/auth/login");
			if (limited) {
				problem(responses, "429", "Too many requests from this client");
				responses.get("429")
					.addHeaderObject(HttpHeaders.RETRY_AFTER,
							new Header().description("Seconds to wait before retrying")
								.schema(new Schema<Integer>().type("integer")));
			}
			if (PEER_PATHS.contains(path)) {
				responses.forEach((status, response) -> {
					if (status.startsWith("2")) {
						response.addHeaderObject("X-RateLimit-Remaining",
								new Header().description("Requests this client may still make in the current hour")
									.schema(new Schema<Integer>().type("integer")));
					}
				});
			}
		}));
	}

	private static void problem(ApiResponses responses, String status, String description) {
		if (responses.get(status) == null) {
			responses.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
		}
	}

}
