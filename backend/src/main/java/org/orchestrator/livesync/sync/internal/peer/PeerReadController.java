package org.orchestrator.livesync.sync.internal.peer;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.ConstraintFacts;
import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.InventoryDigests;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.sync.internal.compare.CompareService;
import org.orchestrator.livesync.sync.internal.job.JobSchemas;
import org.orchestrator.livesync.sync.internal.protocol.PeerApi;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages;
import org.orchestrator.livesync.sync.internal.transfer.Selection;
import org.orchestrator.livesync.system.JsonBodies;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a peer reads: the inventory, its hashes and digests, named items, and a compare
 * with an inventory the peer sends. Nothing here changes this server.
 */
@Tag(name = "Sync peers", description = "Server-to-server API; peer tokens from /sync/connect")
@RestController
class PeerReadController {

	private final ServerIdentity identity;

	private final InventoryStream inventory;

	private final CompareService compare;

	private final JsonBodies bodies;

	private final InventoryDigests digests;

	private final ConstraintFacts facts;

	PeerReadController(ServerIdentity identity, InventoryStream inventory, CompareService compare, JsonBodies bodies,
			InventoryDigests digests, ConstraintFacts facts) {
		this.facts = facts;
		this.identity = identity;
		this.inventory = inventory;
		this.compare = compare;
		this.bodies = bodies;
		this.digests = digests;
	}

	@Operation(summary = "This server's inventory (no private keys), as the seed's document or as NDJSON",
			description = "With Accept: application/x-ndjson the same items stream one per line: a metadata line, "
					+ "one line per item (with its type), a stats line.",
			responses = @ApiResponse(responseCode = "200",
					content = {
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = PeerMessages.InventoryDocument.class)),
							@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
									schema = @Schema(type = "string", description = "one JSON object per line")) }))
	@GetMapping(path = PeerApi.INVENTORY,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	ResponseEntity<Flux<DataBuffer>> inventory(ServerWebExchange exchange) {
		boolean lines = prefersLines(exchange.getRequest().getHeaders().getAccept());
		DataBufferFactory buffers = exchange.getResponse().bufferFactory();
		return ResponseEntity.ok()
			.contentType(lines ? MediaType.APPLICATION_NDJSON : MediaType.APPLICATION_JSON)
			.body(lines ? this.inventory.lines(buffers) : this.inventory.document(buffers));
	}

	/**
	 * NDJSON only when the caller prefers it: the highest quality among the two forms
	 * wins, and on a tie the one listed first. A wildcard means the document.
	 */
	static boolean prefersLines(List<MediaType> accept) {
		MediaType best = null;
		for (MediaType type : accept) {
			boolean ours = type.isCompatibleWith(MediaType.APPLICATION_JSON)
					|| type.isCompatibleWith(MediaType.APPLICATION_NDJSON);
			if (ours && (best == null || type.getQualityValue() > best.getQualityValue())) {
				best = type;
			}
		}
		return best != null && !best.isWildcardSubtype() && best.isCompatibleWith(MediaType.APPLICATION_NDJSON);
	}

	@Operation(summary = "Every item's type, key and content hash, as NDJSON (metadata line first, stats last)",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
							schema = @Schema(type = "string", description = "one JSON object per line"))))
	@GetMapping(path = PeerApi.HASHES, produces = MediaType.APPLICATION_NDJSON_VALUE)
	ResponseEntity<Flux<DataBuffer>> hashes(@RequestParam(name = PeerApi.KINDS, required = false) @Parameter(
			description = "only these kinds, comma-separated (nodes, clusters, ssh_keys, configurations)") String kinds,
			ServerWebExchange exchange) {
		Set<ItemKind> selected = EnumSet.noneOf(ItemKind.class);
		for (ItemKind kind : ItemKind.values()) {
			if (kinds == null || List.of(kinds.split(",")).contains(kind.section())) {
				selected.add(kind);
			}
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_NDJSON)
			.body(this.inventory.hashLines(selected, exchange.getResponse().bufferFactory()));
	}

	@Operation(summary = "The type, key and content hash of the items in scope, as NDJSON",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(ref = "#/components/schemas/" + JobSchemas.KIND_SELECTION))),
			responses = @ApiResponse(responseCode = "200",
					content = @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
							schema = @Schema(type = "string", description = "one JSON object per line"))))
	@PostMapping(path = PeerApi.HASHES, produces = MediaType.APPLICATION_NDJSON_VALUE)
	ResponseEntity<Flux<DataBuffer>> hashesInScope(@RequestBody JsonNode scope, ServerWebExchange exchange) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_NDJSON)
			.body(this.inventory.hashLines(Scope.parse(scope), exchange.getResponse().bufferFactory()));
	}

	@Operation(summary = "Per kind, how many items and the XOR of their content hashes",
			description = "Equal digests on two servers mean the same items of that kind.")
	@GetMapping(PeerApi.DIGEST)
	Mono<PeerMessages.DigestResponse> digest() {
		return this.digests.digests().map((digests) -> {
			Map<String, InventoryDigests.Digest> bySection = new LinkedHashMap<>();
			digests.forEach((kind, digest) -> bySection.put(kind.section(), digest));
			return new PeerMessages.DigestResponse(this.identity.serverId().toString(), bySection);
		});
	}

	@Operation(summary = "The named items with their contents, as NDJSON (what a compare shows field by field)",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
							schema = @Schema(type = "string", description = "one JSON object per line"))))
	@PostMapping(path = PeerApi.ITEMS, produces = MediaType.APPLICATION_NDJSON_VALUE)
	ResponseEntity<Flux<DataBuffer>> items(@RequestBody Selection keys, ServerWebExchange exchange) {
		Violations violations = new Violations();
		keys.validate("body", violations);
		violations.throwIfAny();
		Map<ItemKind, List<String>> byKind = new EnumMap<>(ItemKind.class);
		for (ItemKind kind : ItemKind.values()) {
			if (!keys.keys(kind).isEmpty()) {
				byKind.put(kind, keys.sortedKeys(kind));
			}
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_NDJSON)
			.body(this.inventory.items(byKind, exchange.getResponse().bufferFactory()));
	}

	@Operation(summary = "What this server has of the named nodes, SSH keys and IP addresses",
			description = "For a constraint check before a sync: which nodes exist (with their IP, SSH key and "
					+ "cluster), which keys exist and which nodes use them, which nodes have each address.")
	@PostMapping(PeerApi.FACTS)
	Mono<ConstraintFacts.Facts> facts(@RequestBody ConstraintFacts.Probe probe) {
		Violations violations = new Violations();
		violations.check(probe.fits(), "body", "name at most " + ConstraintFacts.MAX_ASKED + " of each");
		names(probe.nodes(), "nodes", Formats::isHostname, violations);
		names(probe.sshKeys(), "ssh_keys", Formats::isName, violations);
		names(probe.ips(), "ips", (ip) -> ip.length() <= 64 && ip.chars().allMatch((c) -> c > ' ' && c < 127),
				violations);
		violations.throwIfAny();
		return this.facts.of(probe);
	}

	private static void names(List<String> names, String field, java.util.function.Predicate<String> valid,
			Violations violations) {
		if (names == null) {
			return;
		}
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			if (!violations.check(name != null && valid.test(name), field + "[" + i + "]", "is not a valid name")) {
				return;
			}
		}
	}

	@Operation(summary = "Compare this server's inventory with the given one (three-way)",
			description = "The body is {remote_inventory} (JSON), or the other server's inventory streamed as NDJSON "
					+ "exactly as GET /sync/inventory writes it.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = PeerMessages.CompareRequest.class)),
					@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
							schema = @Schema(type = "string", description = "one JSON object per line")) }))
	@PostMapping(path = PeerApi.COMPARE,
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	Mono<CompareService.CompareResponse> compare(ServerWebExchange exchange) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type != null && type.isCompatibleWith(MediaType.APPLICATION_NDJSON)) {
			return this.compare.compareLines(this.bodies.lines(exchange));
		}
		return this.bodies.read(exchange, PeerMessages.CompareRequest.class)
			.flatMap((request) -> this.compare.compareDocument(request.remoteInventory()));
	}

}
