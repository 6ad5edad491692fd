package org.orchestrator.livesync.sync.internal.peer;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.sync.internal.history.Provenance;
import org.orchestrator.livesync.security.PeerSessions;
import org.orchestrator.livesync.sync.internal.protocol.PeerApi;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages;
import org.orchestrator.livesync.sync.internal.transfer.BodyBytes;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.sync.internal.transfer.PullSpools;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;
import org.orchestrator.livesync.sync.internal.transfer.StreamedPackageReceiver;
import org.orchestrator.livesync.sync.internal.transfer.TransferService;
import org.orchestrator.livesync.sync.internal.transfer.WholePackageReceiver;
import org.orchestrator.livesync.system.JsonBodies;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * What a peer writes, in the session it connected: pull a package ({@code /transfer},
 * then {@code /confirm}; the streamed pull is {@link PeerPullController}'s), push one
 * ({@code /receive}), or stream one ({@code /receive/stream}, resumable:
 * {@code /receive/stream/{package_id}} says how much arrived). A session ends with the
 * package it moved.
 */
@Tag(name = "Sync peers", description = "Server-to-server API; peer tokens from /sync/connect")
@RestController
class PeerPackageController {

	private final PeerSessionCheck check;

	private final TransferService transfer;

	private final WholePackageReceiver receive;

	private final StreamedPackageReceiver receiveStream;

	private final PullSpools spools;

	private final JsonBodies bodies;

	PeerPackageController(PeerSessionCheck check, TransferService transfer, WholePackageReceiver receive,
			StreamedPackageReceiver receiveStream, PullSpools spools, JsonBodies bodies) {
		this.check = check;
		this.transfer = transfer;
		this.receive = receive;
		this.receiveStream = receiveStream;
		this.spools = spools;
		this.bodies = bodies;
	}

	@Operation(summary = "Build an encrypted package of the selected items, for the session's peer to apply")
	@PostMapping(PeerApi.TRANSFER)
	Mono<PeerMessages.TransferResponse> transfer(@RequestBody PeerMessages.TransferRequest request,
			ServerWebExchange exchange) {
		return Mono.fromCallable(() -> this.check.session(exchange, request.sessionId())).flatMap((session) -> {
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
	@PostMapping(path = PeerApi.RECEIVE, consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ReceiveResult> receive(ServerWebExchange exchange) {
		return this.bodies.read(exchange, PeerMessages.ReceiveRequest.class).flatMap((request) -> {
			PeerSessions.PeerSession session = this.check.session(exchange, request.sessionId());
			if (request.syncPackage() == null) {
				return Mono.error(ProblemException.invalid("package", "is required"));
			}
			if (request.encrypted() != null && request.encrypted() != request.syncPackage().encrypted()) {
				return Mono.error(ProblemException.invalid("encrypted", "does not match the package"));
			}
			return this.receive.receive(request.syncPackage())
				.flatMap((result) -> this.check.end(session).thenReturn(result));
		});
	}

	@Operation(summary = "Verify a streamed package and apply it in one transaction",
			description = "The body is the package's ciphertext stream; its header travels base64url-encoded in "
					+ "X-Sync-Package. With dry_run=true the package is applied in a transaction that is rolled back, "
					+ "and the result says what it would have done. With X-Sync-Resume-From the upload is resumable: "
					+ "the body is the ciphertext from that byte on (0 at first); each chunk is checked and kept as it "
					+ "arrives, a dropped connection keeps what arrived (GET .../receive/stream/{package_id} says how "
					+ "much), and the package is applied in one transaction once all of it is here. A resumable "
					+ "upload must be encrypted, and cannot be a dry run; a wrong offset is a 409.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
							schema = @Schema(type = "string", format = "binary"))))
	@PostMapping(path = PeerApi.RECEIVE_STREAM, consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
	Mono<ReceiveResult> receiveStream(@RequestHeader(PeerApi.SESSION_HEADER) String sessionId,
			@RequestHeader(PeerApi.PACKAGE_HEADER) String header,
			@Parameter(description = "resumable upload: the byte of the ciphertext the body starts at") @RequestHeader(
					name = PeerApi.RESUME_FROM_HEADER, required = false) Long resumeFrom,
			@Parameter(description = "the sender's job, for this server's history") @RequestHeader(
					name = PeerApi.JOB_HEADER, required = false) UUID jobId,
			@Parameter(description = "who started the sender's job, for this server's history") @RequestHeader(
					name = PeerApi.STARTED_BY_HEADER, required = false) String startedBy,
			@RequestParam(name = PeerApi.DRY_RUN, defaultValue = "false") boolean dryRun, ServerWebExchange exchange) {
		if (startedBy != null && startedBy.length() > 200) {
			return Mono.error(ProblemException.invalid(PeerApi.STARTED_BY_HEADER, "must be at most 200 characters"));
		}
		return Mono.fromCallable(() -> this.check.session(exchange, sessionId)).flatMap((session) -> {
			Flux<byte[]> body = BodyBytes.of(exchange.getRequest().getBody());
			if (resumeFrom == null) {
				return this.receiveStream.receive(header, body, dryRun)
					.flatMap((result) -> (dryRun ? Mono.<Void>empty() : this.check.end(session)).thenReturn(result));
			}
			if (resumeFrom < 0) {
				return Mono.error(ProblemException.invalid(PeerApi.RESUME_FROM_HEADER, "must not be negative"));
			}
			if (dryRun) {
				return Mono.error(ProblemException.invalid(PeerApi.DRY_RUN, "a resumable upload is never a dry run"));
			}
			return this.receiveStream.receiveResumable(header, resumeFrom, body, session.peerServerId())
				.flatMap((result) -> this.check.end(session).thenReturn(result));
		}).contextWrite(Provenance.pushed(jobId, startedBy).context());
	}

	@Operation(summary = "How much of a resumable streamed package this server holds",
			description = "For a sender whose connection dropped: it resumes POST /receive/stream from "
					+ "received_bytes. 404 when this server holds nothing of the package.")
	@GetMapping(PeerApi.RECEIVE_STREAM_STATUS)
	Mono<PeerMessages.UploadStatus> uploadStatus(@PathVariable(PeerApi.PACKAGE_ID) String packageId,
			ServerWebExchange exchange) {
		return Mono.fromCallable(() -> {
			PeerApi.checkPackageId(packageId);
			return this.check.current(exchange);
		})
			.flatMap((session) -> this.receiveStream.state(packageId, session.peerServerId()))
			.map((state) -> new PeerMessages.UploadStatus(packageId, state.receivedBytes(), state.complete(),
					state.applied()))
			.switchIfEmpty(Mono.error(() -> new ProblemException(ProblemCode.NOT_FOUND,
					"this server holds nothing of package " + packageId + ": send it from byte 0")));
	}

	@Operation(summary = "Confirm that a package pulled with /transfer was applied: its hashes become the bases")
	@PostMapping(PeerApi.CONFIRM)
	Mono<PeerMessages.ConfirmResponse> confirm(@RequestBody PeerMessages.ConfirmRequest request,
			ServerWebExchange exchange) {
		return Mono.fromCallable(() -> this.check.session(exchange, request.sessionId()))
			.flatMap((session) -> this.transfer.withdrawFromOffer(request.packageId(), leftAlone(request))
				.then(this.transfer.confirm(request.packageId(), session.peerServerId()))
				.flatMap((recorded) -> this.spools.release(request.packageId(), session.peerServerId())
					.thenReturn(recorded))
				.flatMap((recorded) -> this.check.end(session).thenReturn(recorded)))
			.map((recorded) -> new PeerMessages.ConfirmResponse(true, request.packageId(), recorded));
	}

	/** The items the peer left alone, each of a known kind with a key. */
	private static List<ItemKey> leftAlone(PeerMessages.ConfirmRequest request) {
		List<ItemKey> items = (request.leftAlone() != null) ? request.leftAlone() : List.of();
		for (int i = 0; i < items.size(); i++) {
			ItemKey item = items.get(i);
			if (item == null || item.itemKind() == null || item.key() == null) {
				throw ProblemException.invalid("left_alone[" + i + "]",
						"must name a kind (nodes, clusters, ssh_keys or configurations) and a key");
			}
		}
		return items;
	}

}
