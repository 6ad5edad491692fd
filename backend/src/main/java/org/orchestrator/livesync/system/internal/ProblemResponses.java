package org.orchestrator.livesync.system.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Declares the problem statuses each operation can answer, so generated clients get typed
 * errors instead of only {@code default}: 400 where there is input, 404 where a path
 * names a resource, 409 where a write can conflict, 502/504 where this server calls a
 * remote, and {@code Location} on what a POST creates. Who may call (401, 403, 429) is
 * the security module's part.
 */
final class ProblemResponses implements OpenApiCustomizer {

	private static final String SYNC = "/api/v1/sync/";

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			ApiResponses responses = operation.getResponses();
			if (operation.getRequestBody() != null
					|| (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
				problem(responses, "400", "The request is malformed or invalid");
			}
			if (path.contains("{")) {
				problem(responses, "404", "No such resource");
			}
			boolean inventoryWrite = !path.startsWith(SYNC)
					&& (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT);
			if (inventoryWrite || isStartJob(path, method)) {
				problem(responses, "409", "The change conflicts with data on this server");
			}
			if (method == PathItem.HttpMethod.POST && path.equals(SYNC + "receive/stream")) {
				problem(responses, "409",
						"A resumable upload stands elsewhere than X-Sync-Resume-From says, or another connection sends it");
				problem(responses, "422", "The package was refused: altered, cut short, or holding an invalid item");
			}
			if (callsRemote(path, method)) {
				problem(responses, "502", "The remote server failed or refused");
				problem(responses, "504", "The remote server did not answer in time");
			}
			ApiResponse created = responses.get("201");
			if (created != null) {
				created.addHeaderObject("Location", new Header().description("The URL of what was created")
					.schema(new Schema<String>().type("string").format("uri-reference")));
			}
			sortedByStatus(operation);
		}));
	}

	private static boolean isStartJob(String path, PathItem.HttpMethod method) {
		return method == PathItem.HttpMethod.POST && path.equals(SYNC + "jobs");
	}

	/** Sessions and jobs are where this server talks to the session's remote. */
	private static boolean callsRemote(String path, PathItem.HttpMethod method) {
		return method == PathItem.HttpMethod.POST && (path.equals(SYNC + "sessions") || path.equals(SYNC + "jobs"));
	}

	static void problem(ApiResponses responses, String status, String description) {
		if (responses.get(status) == null) {
			responses.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")))));
		}
	}

	/**
	 * Statuses in order, {@code default} last, so the document reads (and diffs) well.
	 */
	private static void sortedByStatus(Operation operation) {
		ApiResponses sorted = new ApiResponses();
		operation.getResponses()
			.entrySet()
			.stream()
			.sorted((a, b) -> key(a.getKey()).compareTo(key(b.getKey())))
			.forEach((entry) -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
		operation.setResponses(sorted);
	}

	private static String key(String status) {
		return "default".equals(status) ? "999" : status;
	}

}
