package org.orchestrator.livesync.sync.internal.peer;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.security.PeerSessions;
import org.orchestrator.livesync.sync.internal.SyncProblems;
import org.orchestrator.livesync.sync.internal.protocol.PeerApi;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages;
import org.orchestrator.livesync.sync.internal.replication.ChangeFeed;
import org.orchestrator.livesync.sync.internal.replication.Checkpoints;
import org.orchestrator.livesync.sync.internal.replication.Checkpoints.Checkpoint;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.system.JsonBodies;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The replication state a peer reads and writes: this server's change feed since the
 * checkpoint the two hold, and new checkpoints. Neither ends the peer session.
 */
@Tag(name = "Sync peers", description = "Server-to-server API; peer tokens from /sync/connect")
@RestController
class PeerReplicationController {

	/**
	 * The most items the feed lists: past that, a full compare costs about as much, and
	 * the caller falls back to one.
	 */
	static final int MAX_CHANGES = 50_000;

	private final PeerSessions sessions;

	private final ChangeFeed feed;

	private final Checkpoints checkpoints;

	private final ServerIdentity identity;

	private final JsonBodies bodies;

	PeerReplicationController(PeerSessions sessions, ChangeFeed feed, Checkpoints checkpoints, ServerIdentity identity,
			JsonBodies bodies) {
		this.sessions = sessions;
		this.feed = feed;
		this.checkpoints = checkpoints;
		this.identity = identity;
		this.bodies = bodies;
	}

	@Operation(summary = "What changed here since the replication checkpoint with the caller, as NDJSON",
			description = "The first line is the metadata line: this server's id, its stable watermark (the change "
					+ "sequence number up to which every change is visible) and whether the checkpoint asked about is "
					+ "current here. Only when it is current, one line per item changed since it (or left different "
					+ "at it) follows, at most " + MAX_CHANGES + " and one more to show there are more. With since "
					+ "and no checkpoint, the items changed after since (a window of the feed, without the residue).",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
							schema = @Schema(type = "string", description = "one JSON object per line"))))
	@GetMapping(path = PeerApi.CHANGES, produces = MediaType.APPLICATION_NDJSON_VALUE)
	Flux<PeerMessages.ChangeLine> changes(
			@RequestParam(name = PeerApi.SINCE, required = false) @Parameter(
					description = "the change sequence number of this server that the checkpoint holds") Long since,
			@RequestParam(name = PeerApi.CHECKPOINT_ID, required = false) @Parameter(
					description = "the id of the checkpoint the caller holds with this server") String checkpoint,
			ServerWebExchange exchange) {
		String peer = caller(exchange);
		UUID asked = (checkpoint != null) ? checkpointId(checkpoint, PeerApi.CHECKPOINT_ID) : null;
		if (asked != null && (since == null || since < 0)) {
			throw ProblemException.invalid(PeerApi.SINCE, "is required with checkpoint: a change sequence number");
		}
		return this.checkpoints.find(peer)
			.map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMapMany((held) -> this.feed.stableWatermark()
				.map(java.util.Optional::of)
				.defaultIfEmpty(java.util.Optional.empty())
				.flatMapMany((watermark) -> {
					String stale = staleness(held.orElse(null), asked, since, peer);
					PeerMessages.ChangeLine metadata = new PeerMessages.ChangeLine(PeerApi.METADATA_LINE, null,
							this.identity.serverId().toString(), watermark.orElse(null),
							(asked == null) ? "none" : ((stale == null) ? "current" : "stale"), stale);
					if (asked == null && since != null) {
						// A window of the feed only (what changed after the caller's own
						// sync with this server applied), without the residue.
						return Flux.just(metadata).concatWith(lines(this.feed.since(since, peer, MAX_CHANGES + 1)));
					}
					if (asked == null || stale != null) {
						return Flux.just(metadata);
					}
					return Flux.just(metadata)
						.concatWith(lines(this.feed.since(since, peer, MAX_CHANGES + 1)
							.concatWith(this.checkpoints.residue(peer, MAX_CHANGES + 1))));
				}));
	}

	private static Flux<PeerMessages.ChangeLine> lines(Flux<ItemKey> items) {
		return items.take(MAX_CHANGES + 1)
			.map((item) -> new PeerMessages.ChangeLine(item.itemKind().type(), item.key(), null, null, null, null));
	}

	/** Why the caller's checkpoint is not current here; null when it is. */
	private static String staleness(Checkpoint held, UUID asked, Long since, String peer) {
		if (asked == null) {
			return null;
		}
		if (held == null) {
			return "this server holds no replication state with " + peer
					+ " (its database was recreated or restored from before the first sync)";
		}
		if (!held.id().equals(asked) || held.localSeq() != since) {
			return "this server holds other replication state with " + peer
					+ " (its database was restored from a backup, or a sync did not finish on both sides)";
		}
		return null;
	}

	@Operation(summary = "Record a new replication checkpoint with the caller",
			description = "Replaces the checkpoint this server holds with the caller (and the residue it kept).")
	@PostMapping(path = PeerApi.CHECKPOINT, consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<PeerMessages.CheckpointResponse> checkpoint(ServerWebExchange exchange) {
		String peer = caller(exchange);
		return this.bodies.read(exchange, PeerMessages.CheckpointRequest.class).flatMap((request) -> {
			UUID id = checkpointId(request.checkpointId(), "checkpoint_id");
			if (request.seq() == null || request.seq() < 0) {
				throw ProblemException.invalid("seq", "is required: this server's change sequence number");
			}
			if (request.peerSeq() == null || request.peerSeq() < 0) {
				throw ProblemException.invalid("peer_seq", "is required: the caller's change sequence number");
			}
			return this.checkpoints
				.save(peer, new Checkpoint(id, request.seq(), request.peerSeq()), java.util.List.of())
				.thenReturn(new PeerMessages.CheckpointResponse(true, id.toString()));
		});
	}

	private String caller(ServerWebExchange exchange) {
		PeerSessions.PeerSession session = this.sessions.current(exchange);
		if (session == null) {
			throw SyncProblems.wrongSession();
		}
		return session.peerServerId();
	}

	private static UUID checkpointId(String text, String field) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw ProblemException.invalid(field, "must be a checkpoint id (UUID)");
		}
	}

}
