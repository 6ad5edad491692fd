package org.orchestrator.livesync.sync.internal.history;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.audit.AuditLog;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sync", description = "Live Sync between servers, driven by the operator")
@RestController
@RequestMapping("/api/v1/sync/history")
class HistoryController {

	private final HistoryService history;

	private final Rollback rollback;

	HistoryController(HistoryService history, Rollback rollback) {
		this.history = history;
		this.rollback = rollback;
	}

	@Operation(summary = "What syncs (and rollbacks) changed on this server, newest first")
	@GetMapping
	Mono<HistoryViews.HistoryPage> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size,
			@Parameter(description = "push, pull or rollback") @RequestParam(required = false) String operation,
			@Parameter(description = "the peer's server id or name") @RequestParam(required = false) String peer,
			@Parameter(description = "the job that moved it") @RequestParam(required = false) UUID job,
			@Parameter(description = "applied at or after") @RequestParam(required = false) Instant since,
			@Parameter(description = "applied before") @RequestParam(required = false) Instant until) {
		return Mono.fromCallable(() -> new HistoryService.Filter(operation, peer, job, since, until))
			.flatMap((filter) -> this.history.list(filter, page, size));
	}

	@Operation(summary = "One history entry with a page of the items it changed, before and after")
	@GetMapping("/{id}")
	Mono<HistoryViews.HistoryDetail> get(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return Mono.defer(() -> this.history.detail(id, page, size));
	}

	@Operation(summary = "Undo a history entry on this server alone",
			description = "Every item the entry changed gets its content from before back, in one transaction. "
					+ "An item changed again since is a conflict: nothing is rolled back (409) unless force "
					+ "overwrites such items or keep leaves them as they are. A dry run changes nothing and lists "
					+ "the conflicts. The rollback is a history entry of its own.")
	@PostMapping("/{id}/rollback")
	Mono<HistoryViews.RollbackResult> rollback(@PathVariable UUID id,
			@RequestBody(required = false) RollbackRequest request, Principal operator, ServerHttpRequest http) {
		RollbackRequest asked = (request != null) ? request : new RollbackRequest(null, null, null);
		return Mono.defer(() -> this.rollback.run(id,
				new Rollback.Request(Boolean.TRUE.equals(asked.dryRun()), Boolean.TRUE.equals(asked.force()),
						asked.keep(), (operator != null) ? operator.getName() : null, AuditLog.client(http))));
	}

	record RollbackRequest(
			@Schema(description = "change nothing; say what would be restored and what conflicts",
					defaultValue = "false") Boolean dryRun,
			@Schema(description = "overwrite items changed again since the entry",
					defaultValue = "false") Boolean force,
			@Schema(description = "items to leave as they are now") List<Rollback.RollbackKeep> keep) {
	}

}
