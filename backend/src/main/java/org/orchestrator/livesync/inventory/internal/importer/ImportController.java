package org.orchestrator.livesync.inventory.internal.importer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Inventory", description = "Bulk loads")
@RestController
class ImportController {

	private final ImportService importer;

	ImportController(ImportService importer) {
		this.importer = importer;
	}

	@Operation(summary = "Bulk load items, streamed",
			description = "A JSON array or NDJSON (one item per line). Each item is an object of its kind with a "
					+ "'type' of node, cluster, ssh_key or configuration. Items are created or replaced by natural "
					+ "key, in one transaction: nothing is written unless every item is valid and every reference "
					+ "resolves.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							array = @ArraySchema(schema = @Schema(ref = ImportSchemas.ITEM_REF))),
					@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
							schema = @Schema(ref = ImportSchemas.ITEM_REF)) }))
	@PostMapping(path = "/api/v1/inventory/import",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	Mono<ImportResult> importItems(@RequestBody Flux<JsonNode> items) {
		return this.importer.importItems(items);
	}

}
