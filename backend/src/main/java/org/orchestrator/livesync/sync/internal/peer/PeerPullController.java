package org.orchestrator.livesync.sync.internal.peer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.sync.internal.protocol.PeerApi;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages;
import org.orchestrator.livesync.sync.internal.transfer.PackageStreamer;
import org.orchestrator.livesync.sync.internal.transfer.PullSpools;
import org.orchestrator.livesync.sync.internal.transfer.StreamedTransfer;
import org.orchestrator.livesync.system.JsonBodies;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The streamed pull, in the session a peer connected: a package of the items it names
 * ({@code /transfer/stream}), kept for it when it asks for a resumable pull, and the rest
 * of that package from any byte ({@code /transfer/stream/{package_id}}) after its
 * connection dropped. The peer confirms it with {@code /confirm}.
 */
@Tag(name = "Sync peers", description = "Server-to-server API; peer tokens from /sync/connect")
@RestController
class PeerPullController {

	private final PeerSessionCheck check;

	private final StreamedTransfer streamed;

	private final PullSpools spools;

	private final JsonBodies bodies;

	PeerPullController(PeerSessionCheck check, StreamedTransfer streamed, PullSpools spools, JsonBodies bodies) {
		this.check = check;
		this.streamed = streamed;
		this.spools = spools;
		this.bodies = bodies;
	}

	@Operation(summary = "Stream an encrypted package of the selected items, for the session's peer to apply",
			description = "The body is the package's ciphertext stream; its header travels base64url-encoded in "
					+ "X-Sync-Package. The package is sealed under this server's sync password. The peer confirms "
					+ "it with /confirm once applied. With X-Sync-Resume-From: 0 the pull is resumable: this server "
					+ "keeps the package until it is confirmed (or unread for 30 minutes), and a peer whose "
					+ "connection dropped gets the rest with GET .../transfer/stream/{package_id}. The items are "
					+ "named in {session_id, items} (JSON, up to 100,000), or any number of them as NDJSON, one "
					+ "{kind, key} per line, in the session of the token.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = PeerMessages.TransferRequest.class)),
					@Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
							schema = @Schema(type = "string", description = "one {kind, key} object per line")) }),
			responses = @ApiResponse(responseCode = "200",
					content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
							schema = @Schema(type = "string", format = "binary")),
					headers = @Header(name = PeerApi.PACKAGE_HEADER, required = true,
							description = "the package header, base64url", schema = @Schema(type = "string"))))
	@PostMapping(path = PeerApi.TRANSFER_STREAM,
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE },
			produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	Mono<ResponseEntity<Flux<DataBuffer>>> transferStream(
			@Parameter(description = "resumable pull: 0, the byte the package starts at") @RequestHeader(
					name = PeerApi.RESUME_FROM_HEADER, required = false) Long resumeFrom,
			ServerWebExchange exchange) {
		if (resumeFrom != null && resumeFrom != 0) {
			return Mono.error(ProblemException.invalid(PeerApi.RESUME_FROM_HEADER,
					"a pull starts from byte 0: go on with GET " + PeerApi.TRANSFER_STREAM_RESUME));
		}
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		Mono<Pulling> pulling;
		if (type != null && type.isCompatibleWith(MediaType.APPLICATION_NDJSON)) {
			// Only keys in the body: the session is the token's.
			pulling = Mono.fromCallable(() -> this.check.current(exchange).peerServerId())
				.flatMap((peer) -> this.streamed.stream(this.bodies.lines(exchange), peer)
					.map((outgoing) -> new Pulling(peer, outgoing)));
		}
		else {
			pulling = this.bodies.read(exchange, PeerMessages.TransferRequest.class).flatMap((request) -> {
				String peer = this.check.session(exchange, request.sessionId()).peerServerId();
				return this.streamed.stream(request.items(), peer).map((outgoing) -> new Pulling(peer, outgoing));
			});
		}
		return pulling
			.flatMap((pull) -> (resumeFrom == null) ? Mono.just(pull.outgoing())
					: this.spools.keep(pull.outgoing(), pull.peerServerId()))
			.map((outgoing) -> streamed(outgoing, exchange));
	}

	@Operation(summary = "The rest of a resumable streamed package whose connection dropped",
			description = "For a peer that pulled with X-Sync-Resume-From: 0 and lost the connection: the same "
					+ "package's ciphertext from byte X-Sync-Resume-From on, byte for byte, with the same "
					+ "X-Sync-Package header. 404 when this server no longer holds the package (confirmed, unread "
					+ "for 30 minutes, or this server restarted): pull the items again.",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
							schema = @Schema(type = "string", format = "binary")),
					headers = @Header(name = PeerApi.PACKAGE_HEADER, required = true,
							description = "the package header, base64url", schema = @Schema(type = "string"))))
	@GetMapping(path = PeerApi.TRANSFER_STREAM_RESUME, produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	Mono<ResponseEntity<Flux<DataBuffer>>> resumeTransferStream(@PathVariable(PeerApi.PACKAGE_ID) String packageId,
			@Parameter(description = "the byte of the ciphertext to go on from") @RequestHeader(
					name = PeerApi.RESUME_FROM_HEADER) long resumeFrom,
			ServerWebExchange exchange) {
		return Mono.fromCallable(() -> {
			PeerApi.checkPackageId(packageId);
			if (resumeFrom < 0) {
				throw ProblemException.invalid(PeerApi.RESUME_FROM_HEADER, "must not be negative");
			}
			return this.check.current(exchange);
		})
			.flatMap((session) -> this.spools.resume(packageId, session.peerServerId(), resumeFrom))
			.map((outgoing) -> streamed(outgoing, exchange))
			.switchIfEmpty(Mono.error(() -> new ProblemException(ProblemCode.NOT_FOUND,
					"this server no longer holds package " + packageId + ": pull the items again")));
	}

	private static ResponseEntity<Flux<DataBuffer>> streamed(StreamedTransfer.Outgoing outgoing,
			ServerWebExchange exchange) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(PeerApi.PACKAGE_HEADER, PackageStreamer.encodeHeader(outgoing.header()))
			.body(outgoing.ciphertext().map(exchange.getResponse().bufferFactory()::wrap));
	}

	/** A package a peer pulls, and who. */
	private record Pulling(String peerServerId, StreamedTransfer.Outgoing outgoing) {
	}

}
