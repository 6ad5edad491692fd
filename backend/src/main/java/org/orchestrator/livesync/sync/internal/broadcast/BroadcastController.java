package org.orchestrator.livesync.sync.internal.broadcast;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.sync.internal.job.ConflictPolicy;
import org.orchestrator.livesync.sync.internal.job.JobSchemas;
import org.orchestrator.livesync.sync.internal.job.JobService;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** One sync to many registered peers, followed in one event stream. */
@Tag(name = "Sync", description = "Live Sync between servers, driven by the operator")
@RestController
@RequestMapping("/api/v1/sync/broadcasts")
class BroadcastController {

	private final BroadcastService broadcasts;

	private final AuditLog audit;

	BroadcastController(BroadcastService broadcasts, AuditLog audit) {
		this.broadcasts = broadcasts;
		this.audit = audit;
	}

	@Operation(summary = "Sync the selection with each of the named peers: one job per peer",
			description = "Returns at once. At most SYNC_BROADCAST_PARALLELISM peers run at a time; a peer that is "
					+ "down or refuses fails on its own and neither stops nor undoes the others.")
	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ResponseEntity<BroadcastStarted>> start(@RequestBody StartBroadcastRequest request, Principal operator,
			ServerHttpRequest http) {
		String actor = (operator != null) ? operator.getName() : null;
		JobService.Request job = new JobService.Request(null, request.selection(), request.direction(),
				Boolean.TRUE.equals(request.dryRun()), request.conflictPolicy(), request.conflictPolicies(),
				request.mode(), null);
		return this.broadcasts.start(new BroadcastService.Request(request.peers(), job), actor)
			.flatMap((broadcast) -> this.audit
				.recordQuietly(AuditLog.Action.BROADCAST_STARTED, actor, AuditLog.client(http),
						Map.of("broadcast_id", broadcast.id(), "peers", request.peers()))
				.thenReturn(broadcast))
			.map((broadcast) -> ResponseEntity.accepted()
				.location(URI.create("/api/v1/sync/broadcasts/" + broadcast.id()))
				.body(new BroadcastStarted(broadcast.id(), "/api/v1/sync/broadcasts/" + broadcast.id() + "/events")));
	}

	@Operation(summary = "A broadcast and each peer's job and result")
	@GetMapping("/{id}")
	Mono<BroadcastView> get(@PathVariable String id) {
		return this.broadcasts.view(id);
	}

	@Operation(summary = "A broadcast's live events: each peer's state (peer), its progress, and the end (finished)",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
							schema = @Schema(ref = "#/components/schemas/" + BroadcastSchemas.EVENT))))
	@GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<BroadcastEvent>> events(@PathVariable String id) {
		return this.broadcasts.events(id);

	}

	record StartBroadcastRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "registered peers (GET /sync/peers), 1 to 100") List<String> peers,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					ref = "#/components/schemas/" + JobSchemas.SELECTION) JsonNode selection,
			@Schema(allowableValues = {
					"push", "pull", "both" }) @Nullable String direction,
			@Nullable Boolean dryRun, @Nullable String conflictPolicy,
			ConflictPolicy.@Nullable KindPolicies conflictPolicies, @Nullable String mode){
	}

	record BroadcastStarted(String broadcastId, String eventsUrl) {
	}

}
