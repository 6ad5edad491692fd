package org.orchestrator.livesync.sync.internal.job;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sync", description = "Live Sync between servers, driven by the operator")
@RestController
@RequestMapping("/api/v1/sync/jobs")
class JobController {

	/** How long a cancel waits for the job to end before it answers 202. */
	private static final Duration CANCEL_WAIT = Duration.ofSeconds(10);

	private final JobService jobs;

	private final AuditLog audit;

	JobController(JobService jobs, AuditLog audit) {
		this.jobs = jobs;
		this.audit = audit;
	}

	@Operation(summary = "Start a sync of the selected items between this server and the session's remote",
			description = "Returns at once; follow the job with GET /sync/jobs/{id} or its event stream.")
	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ResponseEntity<JobStarted>> start(@RequestBody StartJobRequest request, Principal operator,
			ServerHttpRequest http) {
		String actor = (operator != null) ? operator.getName() : null;
		return this.jobs
			.start(new JobService.Request(request.sessionId(), request.selection(), request.direction(),
					Boolean.TRUE.equals(request.dryRun()), request.conflictPolicy(), request.conflictPolicies(),
					request.mode(), request.resolutions()), actor)
			.flatMap((job) -> this.audit
				.recordQuietly(AuditLog.Action.JOB_STARTED, actor, AuditLog.client(http),
						JobService.auditDetails(job.view()))
				.thenReturn(job))
			.map((job) -> ResponseEntity.accepted()
				.location(URI.create("/api/v1/sync/jobs/" + job.id()))
				.body(new JobStarted(job.id(), "/api/v1/sync/jobs/" + job.id() + "/events")));
	}

	@Operation(summary = "Jobs, newest first, a page at a time",
			description = "Every job this server (or a replica on its database) ran, kept across restarts; a job "
					+ "whose server stopped while it ran is failed with the code job-interrupted. X-Total-Count "
					+ "says how many match.")
	@GetMapping
	Mono<ResponseEntity<List<SyncJob.JobView>>> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size,
			@Parameter(description = "running, completed or failed") @RequestParam(required = false) String status,
			@Parameter(description = "the remote's URL or name") @RequestParam(required = false) String remote,
			@Parameter(description = "push, pull or both") @RequestParam(required = false) String direction,
			@Parameter(description = "started at or after") @RequestParam(required = false) Instant since,
			@Parameter(description = "started before") @RequestParam(required = false) Instant until) {
		return Mono.fromCallable(() -> filter(page, size, status, remote, direction, since, until))
			.flatMap((filter) -> this.jobs.list(filter, page, size))
			.map((found) -> ResponseEntity.ok()
				.header("X-Total-Count", Long.toString(found.total()))
				.body(found.jobs()));
	}

	private static JobStore.Filter filter(int page, int size, String status, String remote, String direction,
			Instant since, Instant until) {
		List<Problem.FieldError> errors = new ArrayList<>();
		JobStatus wantedStatus = null;
		if (status != null) {
			wantedStatus = Arrays.stream(JobStatus.values())
				.filter((each) -> each.jsonName().equals(status))
				.findFirst()
				.orElse(null);
			if (wantedStatus == null) {
				errors.add(new Problem.FieldError("status", "must be running, completed or failed"));
			}
		}
		JobDirection wantedDirection = (direction != null) ? JobDirection.of(direction) : null;
		if (direction != null && wantedDirection == null) {
			errors.add(new Problem.FieldError("direction", "must be push, pull or both"));
		}
		if (page < 0) {
			errors.add(new Problem.FieldError("page", "must be 0 or more"));
		}
		if (size < 1 || size > 500) {
			errors.add(new Problem.FieldError("size", "must be between 1 and 500"));
		}
		if (remote != null && remote.length() > 2000) {
			errors.add(new Problem.FieldError("remote", "must be at most 2000 characters"));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid(errors);
		}
		return new JobStore.Filter(wantedStatus, remote, wantedDirection, since, until);
	}

	@Operation(summary = "Cancel a running job",
			description = "Stops the job wherever it runs (this server or a replica on its database): what is in "
					+ "flight on both sides is rolled back, a package the remote had not applied yet is not "
					+ "applied. Answers 200 with the job once it has ended (failed, code job-cancelled), or 202 "
					+ "with it still running if it has not ended within a few seconds; 409 when the job has "
					+ "ended already.")
	@ApiResponse(responseCode = "200", description = "the job, ended")
	@ApiResponse(responseCode = "202", description = "the job, still stopping")
	@DeleteMapping("/{id}")
	Mono<ResponseEntity<SyncJob.JobView>> cancel(@PathVariable String id, Principal operator, ServerHttpRequest http) {
		String actor = (operator != null) ? operator.getName() : null;
		return this.jobs.cancel(id, actor, CANCEL_WAIT)
			.flatMap((view) -> this.audit
				.recordQuietly(AuditLog.Action.JOB_CANCELLED, actor, AuditLog.client(http), Map.of("job_id", id))
				.thenReturn(view))
			.map((view) -> ResponseEntity
				.status((view.status() == JobStatus.RUNNING) ? HttpStatus.ACCEPTED : HttpStatus.OK)
				.body(view));
	}

	@Operation(summary = "A job's status, progress and result")
	@GetMapping("/{id}")
	Mono<SyncJob.JobView> get(@PathVariable String id) {
		return this.jobs.view(id);
	}

	@Operation(summary = "A job's live events (phase, progress, item, completed, failed)",
			description = "Each event has an id; a client that reconnects with Last-Event-ID resumes after that "
					+ "event (with the current progress again). The stream closes after the end event, whose id "
					+ "is 'end': reconnecting after it answers 204, which makes an EventSource stop.",
			responses = @ApiResponse(responseCode = "200",
					content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
							schema = @Schema(ref = "#/components/schemas/" + JobSchemas.EVENT))))
	@GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<JobEvent>> events(@PathVariable String id,
			@Parameter(description = "the id of the last event this client got") @RequestHeader(name = "Last-Event-ID",
					required = false) String lastEventId,
			ServerHttpResponse response) {
		if (SyncJob.Cursor.END.equals(lastEventId)) {
			// Checked to exist, so that a wrong id is still a 404.
			return this.jobs.view(id)
				.doOnNext((job) -> response.setStatusCode(HttpStatus.NO_CONTENT))
				.thenMany(Flux.empty());
		}
		return this.jobs.events(id, lastEventId);
	}

	record StartJobRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sessionId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					ref = "#/components/schemas/" + JobSchemas.SELECTION) JsonNode selection,
			@Schema(description = "push (default): from this server to the remote; pull: from the remote to this "
					+ "server; both: each item from the side that changed it since the last sync to the other "
					+ "(items only one side has are copied, deletions propagate, conflicts go as conflict_policy says)",
					allowableValues = {
							"push", "pull", "both" }) String direction,
			@Schema(description = "apply on the target in a transaction that is rolled back; default false") Boolean dryRun,
			@Schema(description = "who wins an item changed on both sides since the last sync: manual (default: "
					+ "nobody; the conflict is skipped and reported), prefer_local (this server's version), "
					+ "prefer_remote (the remote's) or newest (the later change by the hybrid logical clock stamped "
					+ "on every change; manual when that cannot be told). Both ways the policy decides only the "
					+ "fields changed on both sides, and the item merges. A push can only carry this server's "
					+ "version and a pull the remote's: the other preference leaves the conflict where the winning "
					+ "version is. skip is manual; overwrite makes the job's source win (push or pull only). A key "
					+ "named explicitly goes even under manual.",
					allowableValues = { "manual", "prefer_local", "prefer_remote", "newest", "skip",
							"overwrite" }) String conflictPolicy,
			@Schema(description = "per kind, a conflict policy that overrides conflict_policy") ConflictPolicy.KindPolicies conflictPolicies,
			@Schema(description = "sync (default): items changed or deleted on the remote only since the last sync "
					+ "are left alone and reported (skipped_changed_on_remote); mirror: the remote is made like this "
					+ "server for the selection, overwriting those changes (push or pull only)",
					allowableValues = { "sync", "mirror" }) String mode,
			@Schema(description = "both ways only: the operator's decision on the conflicting fields of items, "
					+ "which count as selected; each such item is merged with these choices and the result "
					+ "applied to both sides") List<Resolution> resolutions){
	}

	record JobStarted(String jobId, String eventsUrl) {
	}

}
