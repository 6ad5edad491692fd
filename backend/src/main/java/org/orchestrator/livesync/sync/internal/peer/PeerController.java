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

import org.orchestrator.livesync.crypto.ConstantTime;
import org.orchestrator.livesync.inventory.InventoryDigests;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.security.PeerSessions;
import org.orchestrator.livesync.security.TokenService;
import org.orchestrator.livesync.sync.internal.SyncProblems;
import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.sync.internal.compare.CompareService;
import org.orchestrator.livesync.sync.internal.transfer.PackageStreamer;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveService;
import org.orchestrator.livesync.sync.internal.transfer.Selection;
import org.orchestrator.livesync.sync.internal.transfer.TransferService;
import org.orchestrator.livesync.system.JsonBodies;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The server-to-server API of the seed: a peer connects with the shared password and gets
 * a session token, reads the inventory, compares, pulls a package ({@code /transfer}) or
 * pushes one ({@code /receive}).
 */
@Tag(name = "Sync peers", description = "Server-to-server API; peer tokens from /sync/connect")
@RestController
@RequestMapping("/api/v1/sync")
class PeerController {

	private final SyncProperties sync;

	private final PeerSessions sessions;

	private final TokenService tokens;

	private final ServerIdentity identity;

	private final InventoryStream inventory;

	private final CompareService compare;

	private final TransferService transfer;

	private final ReceiveService receive;

	private final JsonBodies bodies;

	private final InventoryDigests digests;

	PeerController(SyncProperties sync, PeerSessions sessions, TokenService tokens, ServerIdentity identity,
			InventoryStream inventory, CompareService compare, TransferService transfer, ReceiveService receive,
			JsonBodies bodies, InventoryDigests digests) {
		this.digests = digests;
		this.sync = sync;
		this.sessions = sessions;
		this.tokens = tokens;
		this.identity = identity;
		this.inventory = inventory;
		this.compare = compare;
		this.transfer = transfer;
		this.receive = receive;
		this.bodies = bodies;
	}

	@Operation(summary = "Open a sync session with the shared SYNC_PASSWORD")
	@PostMapping("/connect")
	Mono<PeerMessages.ConnectResponse> connect(@RequestBody PeerMessages.ConnectRequest request) {
		return Mono.fromCallable(() -> {
			if (!this.sync.enabled()) {
				throw SyncProblems.disabled();
			}
			if (!this.sync.hasPassword()) {
				throw SyncProblems.notConfigured();
			}
			String serverId = request.serverId();
			if (serverId == null || !serverId.matches("[A-Za-z0-9._:-]{1,100}")) {
				throw ProblemException.invalid("server_id",
						"must identify the calling server (letters, digits, " + "'.', '_', ':', '-'; at most 100)");
			}
			if (request.password() == null || !ConstantTime.equals(request.password(), this.sync.password())) {
				throw new ProblemException(HttpStatus.UNAUTHORIZED, "bad-sync-password", "Unauthorized",
						"the sync password is wrong or missing");
			}
			PeerSessions.PeerSession session = this.sessions.open(serverId, this.sync.tokenLifetime());
			String token = this.tokens.issue(TokenService.Audience.PEER, serverId, session.sessionId(),
					this.sync.tokenLifetime());
			return new PeerMessages.ConnectResponse(true, token, session.sessionId(), this.sync.tokenExpiry(),
					new PeerMessages.ServerInfo(this.identity.name(), this.identity.version(),
							this.identity.serverId().toString()));
		});
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
	@GetMapping(path = "/inventory",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	ResponseEntity<Flux<DataBuffer>> inventory(ServerWebExchange exchange) {
		boolean lines = exchange.getRequest()
			.getHeaders()
			.getAccept()
			.stream()
			.anyMatch((type) -> type.isCompatibleWith(MediaType.APPLICATION_NDJSON) && !type.isWildcardType());
		DataBufferFactory buffers = exchange.getResponse().bufferFactory();
		return ResponseEntity.ok()
			.contentType(lines ? MediaType.APPLICATION_NDJSON : MediaType.APPLICATION_JSON)
			.body(lines ? this.inventory.lines(buffers) : this.inventory.document(buffers));
	}

	@Operation(summary = "Every item's type, key and content hash, as NDJSON (metadata line first, stats last)",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
							schema = @Schema(type = "string", description = "one JSON object per line"))))
	@GetMapping(path = "/hashes", produces = MediaType.APPLICATION_NDJSON_VALUE)
	ResponseEntity<Flux<DataBuffer>> hashes(@RequestParam(required = false) @Parameter(
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
			description = "The body names per kind \"all\" or a list of keys: {\"nodes\": [\"node-01\"], "
					+ "\"clusters\": \"all\"}.",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
							schema = @Schema(type = "string", description = "one JSON object per line"))))
	@PostMapping(path = "/hashes", produces = MediaType.APPLICATION_NDJSON_VALUE)
	ResponseEntity<Flux<DataBuffer>> hashesInScope(@RequestBody JsonNode scope, ServerWebExchange exchange) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_NDJSON)
			.body(this.inventory.hashLines(Scope.parse(scope), exchange.getResponse().bufferFactory()));
	}

	@Operation(summary = "Per kind, how many items and the XOR of their content hashes",
			description = "Equal digests on two servers mean the same items of that kind.")
	@GetMapping("/digest")
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
	@PostMapping(path = "/items", produces = MediaType.APPLICATION_NDJSON_VALUE)
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

	@Operation(summary = "Compare this server's inventory with the given one (three-way)",
			description = "The body is {remote_inventory} (JSON), or the other server's inventory streamed as NDJSON "
					+ "exactly as GET /sync/inventory writes it.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = PeerMessages.CompareRequest.class)),
					@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
							schema = @Schema(type = "string", description = "one JSON object per line")) }))
	@PostMapping(path = "/compare", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	Mono<CompareService.CompareResponse> compare(ServerWebExchange exchange) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		if (type != null && type.isCompatibleWith(MediaType.APPLICATION_NDJSON)) {
			return this.compare.compareLines(this.bodies.lines(exchange));
		}
		return this.bodies.read(exchange, PeerMessages.CompareRequest.class)
			.flatMap((request) -> this.compare.compareDocument(request.remoteInventory()));
	}

	@Operation(summary = "Build an encrypted package of the selected items, for the session's peer to apply")
	@PostMapping("/transfer")
	Mono<PeerMessages.TransferResponse> transfer(@RequestBody PeerMessages.TransferRequest request,
			ServerWebExchange exchange) {
		return Mono.fromCallable(() -> session(exchange, request.sessionId())).flatMap((session) -> {
			if (request.items() == null) {
				return Mono.error(ProblemException.invalid("items", "name the items to transfer"));
			}
			boolean encrypted = request.encrypted() == null || request.encrypted();
			return this.transfer.build(request.items(), encrypted, session.peerServerId())
				.map((built) -> new PeerMessages.TransferResponse(true, built));
		});
	}

	@Operation(summary = "Verify a package and apply it in one transaction",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = PeerMessages.ReceiveRequest.class))))
	@PostMapping(path = "/receive", consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ReceiveResult> receive(ServerWebExchange exchange) {
		return this.bodies.read(exchange, PeerMessages.ReceiveRequest.class).flatMap((request) -> {
			PeerSessions.PeerSession session = session(exchange, request.sessionId());
			if (request.syncPackage() == null) {
				return Mono.error(ProblemException.invalid("package", "is required"));
			}
			if (request.encrypted() != null && request.encrypted() != request.syncPackage().encrypted()) {
				return Mono.error(ProblemException.invalid("encrypted", "does not match the package"));
			}
			return this.receive.receive(request.syncPackage())
				.doOnSuccess((result) -> this.sessions.revoke(session.sessionId()));
		});
	}

	@Operation(summary = "Verify a streamed package and apply it in one transaction",
			description = "The body is the package's ciphertext stream; its header travels base64url-encoded in "
					+ "X-Sync-Package. With dry_run=true the package is applied in a transaction that is rolled back, "
					+ "and the result says what it would have done.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
							schema = @Schema(type = "string", format = "binary"))))
	@PostMapping(path = "/receive/stream", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	Mono<ReceiveResult> receiveStream(@RequestHeader(PackageStreamer.SESSION_HEADER) String sessionId,
			@RequestHeader(PackageStreamer.HEADER) String header,
			@RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun, ServerWebExchange exchange) {
		return Mono.fromCallable(() -> session(exchange, sessionId)).flatMap((session) -> {
			Flux<byte[]> body = exchange.getRequest().getBody().map((buffer) -> {
				try {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					return bytes;
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			});
			return this.receive.receiveStream(header, body, dryRun).doOnSuccess((result) -> {
				if (!dryRun) {
					this.sessions.revoke(session.sessionId());
				}
			});
		});
	}

	@Operation(summary = "Confirm that a package pulled with /transfer was applied: its hashes become the bases")
	@PostMapping("/confirm")
	Mono<PeerMessages.ConfirmResponse> confirm(@RequestBody PeerMessages.ConfirmRequest request,
			ServerWebExchange exchange) {
		return Mono.fromCallable(() -> session(exchange, request.sessionId()))
			.flatMap((session) -> this.transfer.confirm(request.packageId(), session.peerServerId())
				.doOnSuccess((recorded) -> this.sessions.revoke(session.sessionId())))
			.map((recorded) -> new PeerMessages.ConfirmResponse(true, request.packageId(), recorded));
	}

	/** The request's peer session, which the body must name. */
	private PeerSessions.PeerSession session(ServerWebExchange exchange, String sessionId) {
		PeerSessions.PeerSession session = this.sessions.current(exchange);
		if (sessionId == null || sessionId.isBlank()) {
			throw ProblemException.invalid("session_id", "is required: the session_id from /sync/connect");
		}
		if (session == null || !session.sessionId().equals(sessionId)) {
			throw SyncProblems.wrongSession();
		}
		return session;
	}

}
