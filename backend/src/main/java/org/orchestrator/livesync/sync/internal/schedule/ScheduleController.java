package org.orchestrator.livesync.sync.internal.schedule;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.audit.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sync jobs that run on a cron schedule with registered peers. */
@Tag(name = "Sync", description = "Live Sync between servers, driven by the operator")
@RestController
@RequestMapping("/api/v1/sync/schedules")
class ScheduleController {

	private final ScheduleService schedules;

	private final ScheduleRunner runner;

	private final AuditLog audit;

	ScheduleController(ScheduleService schedules, ScheduleRunner runner, AuditLog audit) {
		this.schedules = schedules;
		this.runner = runner;
		this.audit = audit;
	}

	@Operation(summary = "The sync schedules, by name")
	@GetMapping
	Flux<ScheduleView> list() {
		return this.schedules.list();
	}

	@Operation(summary = "Create a sync schedule")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<ResponseEntity<ScheduleView>> create(@RequestBody CreateScheduleRequest request, Principal operator,
			ServerHttpRequest http) {
		return this.schedules.create(request.name(), request.settings())
			.flatMap((schedule) -> saved(schedule, operator, http))
			.map((schedule) -> ResponseEntity.created(URI.create("/api/v1/sync/schedules/" + schedule.name()))
				.body(schedule));
	}

	@Operation(summary = "A sync schedule, with its next five due times and its last run")
	@GetMapping("/{name}")
	Mono<ScheduleView> get(@PathVariable String name) {
		return this.schedules.get(name);
	}

	@Operation(summary = "Replace a sync schedule's settings (its next due time follows the new cron)")
	@PutMapping("/{name}")
	Mono<ScheduleView> update(@PathVariable String name, @RequestBody ScheduleRequest request, Principal operator,
			ServerHttpRequest http) {
		return this.schedules.update(name, request.settings()).flatMap((schedule) -> saved(schedule, operator, http));
	}

	@Operation(summary = "Remove a sync schedule (its jobs stay)")
	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable String name, Principal operator, ServerHttpRequest http) {
		return this.schedules.delete(name)
			.then(this.audit.recordQuietly(AuditLog.Action.SCHEDULE_REMOVED, actor(operator), AuditLog.client(http),
					Map.of("name", name)));
	}

	@Operation(summary = "Pause a sync schedule: no runs until resumed")
	@PostMapping("/{name}/pause")
	Mono<ScheduleView> pause(@PathVariable String name, Principal operator, ServerHttpRequest http) {
		return this.schedules.paused(name, true).flatMap((schedule) -> saved(schedule, operator, http));
	}

	@Operation(summary = "Resume a paused sync schedule from its next due time")
	@PostMapping("/{name}/resume")
	Mono<ScheduleView> resume(@PathVariable String name, Principal operator, ServerHttpRequest http) {
		return this.schedules.paused(name, false).flatMap((schedule) -> saved(schedule, operator, http));
	}

	@Operation(summary = "Run a sync schedule now, whether due or paused",
			description = "Answers once each peer's job has started (or was recorded as needing attention); "
					+ "follow them with GET /sync/jobs/{id}.")
	@PostMapping("/{name}/run")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<ScheduleRun> run(@PathVariable String name) {
		return this.schedules.found(name)
			.flatMap(this.runner::run)
			.zipWhen((ids) -> this.schedules.get(name))
			.map((both) -> new ScheduleRun(both.getT1(), both.getT2().lastError()));
	}

	private Mono<ScheduleView> saved(ScheduleView schedule, Principal operator, ServerHttpRequest http) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", schedule.name());
		details.put("cron", schedule.cron());
		details.put("peers", schedule.peers());
		details.put("direction", schedule.direction());
		details.put("conflict_policy", schedule.conflictPolicy());
		details.put("apply", schedule.apply());
		details.put("paused", schedule.paused());
		return this.audit.recordQuietly(AuditLog.Action.SCHEDULE_SAVED, actor(operator), AuditLog.client(http), details)
			.thenReturn(schedule);
	}

	private static @Nullable String actor(@Nullable Principal operator) {
		return (operator != null) ? operator.getName() : null;
	}

	record CreateScheduleRequest(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "nightly-eu",
					description = "1 to 63 lower-case letters, digits and hyphens") String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0 0 2 * * *",
					description = "in UTC: six fields from seconds, five from minutes, or a macro such as @hourly") String cron,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "names of registered peers (GET /sync/peers)") List<String> peers,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "as for POST /sync/jobs") JsonNode selection,
			@Schema(description = "push (default), pull or both") @Nullable String direction,
			@Schema(description = "as for POST /sync/jobs; default manual") @Nullable String conflictPolicy,
			@Schema(description = "always (default), or only_if_conflict_free: a run whose compare finds "
					+ "conflicts applies nothing and records a failed job with the code needs-attention",
					allowableValues = {
							"always", "only_if_conflict_free" }) @Nullable String apply){

		ScheduleService.Settings settings() {
			return new ScheduleService.Settings(this.cron, this.peers, this.selection, this.direction,
					this.conflictPolicy, this.apply);
		}

	}

	record ScheduleRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0 0 2 * * *") String cron,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> peers,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) JsonNode selection, @Nullable String direction,
			@Nullable String conflictPolicy, @Schema(allowableValues = {
					"always", "only_if_conflict_free" }) @Nullable String apply){

		ScheduleService.Settings settings() {
			return new ScheduleService.Settings(this.cron, this.peers, this.selection, this.direction,
					this.conflictPolicy, this.apply);
		}

	}

	record ScheduleRun(
			@Schema(description = "the jobs the run recorded, one per peer that answered") List<String> jobIds,
			@Schema(description = "the peers the run could not reach, and why") @Nullable String errors) {
	}

}
