package org.orchestrator.livesync.system.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the built web UI ({@code frontend/dist}, or {@code live-sync.web-root}) next to
 * the API: its files as they are, and {@code index.html} for the SPA's own routes such as
 * {@code /sync/interactive}, so that a reload or a bookmark works.
 */
@Configuration(proxyBeanMethods = false)
class WebUiConfig implements WebFluxConfigurer {

	private final Path root;

	WebUiConfig(@Value("${live-sync.web-root}") Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/**").addResourceLocations("file:" + this.root + "/");
	}

	@Bean
	RouterFunction<ServerResponse> webUiRoutes() {
		RequestPredicate pageNavigation = RequestPredicates.GET("/**")
			.and(RequestPredicates.accept(MediaType.TEXT_HTML))
			.and((request) -> isUiRoute(request.path()));
		return RouterFunctions.route(pageNavigation, (request) -> {
			Path index = this.root.resolve("index.html");
			if (!Files.isRegularFile(index)) {
				return ServerResponse.status(404)
					.contentType(MediaType.TEXT_PLAIN)
					.bodyValue("The web UI is not built here (no " + index
							+ "). Build it with 'make build' (or npm run build in frontend/), or use the API under /api/v1.\n");
			}
			return ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(new FileSystemResource(index));
		});
	}

	/**
	 * Paths the SPA routes itself: not the API, the API docs, the actuator (which may
	 * answer on its own port: then it is a plain 404 here), or a file (which has a dot).
	 */
	private static boolean isUiRoute(String path) {
		if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v3/") || path.startsWith("/swagger-ui")
				|| path.startsWith("/webjars/") || path.startsWith("/actuator/") || path.equals("/actuator")) {
			return false;
		}
		String last = path.substring(path.lastIndexOf('/') + 1);
		return !last.contains(".");
	}

}
