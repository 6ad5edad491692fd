package org.orchestrator.livesync.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit", description = "Who did what: logins, peer connects, jobs, applied packages, rollbacks")
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

	private final AuditReader audit;

	AuditController(AuditReader audit) {
		this.audit = audit;
	}

	@Operation(summary = "The audit log, newest first, a page at a time")
	@GetMapping
	Mono<AuditReader.AuditPage> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size,
			@Parameter(description = "login, login_failed, peer_connected, peer_refused, job_started, job_finished, "
					+ "job_cancelled, package_applied, rollback, resolutions, peer_saved, peer_removed, "
					+ "broadcast_started, schedule_saved or schedule_removed") @RequestParam(
							required = false) String action,
			@RequestParam(required = false) String actor,
			@Parameter(description = "at or after") @RequestParam(required = false) Instant since,
			@Parameter(description = "before") @RequestParam(required = false) Instant until) {
		return Mono.fromCallable(() -> {
			List<Problem.FieldError> errors = new ArrayList<>();
			if (action != null && AuditLog.Action.of(action) == null) {
				errors.add(new Problem.FieldError("action", "is not an action the audit log records"));
			}
			if (actor != null && actor.length() > 200) {
				errors.add(new Problem.FieldError("actor", "must be at most 200 characters"));
			}
			if (page < 0) {
				errors.add(new Problem.FieldError("page", "must be 0 or more"));
			}
			if (size < 1 || size > 500) {
				errors.add(new Problem.FieldError("size", "must be between 1 and 500"));
			}
			if (!errors.isEmpty()) {
				throw ProblemException.invalid(errors);
			}
			return new AuditReader.Filter(action, actor, since, until);
		}).flatMap((filter) -> this.audit.list(filter, page, size));
	}

	@Operation(summary = "Check the audit log's hash chain from its first entry",
			description = "Each entry's hash is recomputed and compared with the next entry's record of it: an entry "
					+ "edited or deleted in the database is found, and the first broken one named.")
	@GetMapping("/verify")
	Mono<AuditReader.Verification> verify() {
		return this.audit.verify();
	}

}
