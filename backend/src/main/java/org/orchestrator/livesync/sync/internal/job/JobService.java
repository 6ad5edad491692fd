package org.orchestrator.livesync.sync.internal.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.sync.internal.compare.ThreeWayMerge;
import org.orchestrator.livesync.sync.internal.constraint.ConstraintConflict;
import org.orchestrator.livesync.sync.internal.session.SessionService;
import org.orchestrator.livesync.sync.internal.session.SyncSession;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.SyncMetrics;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Service;

/**
 * Starts sync jobs in the background. A running job's status and events come from memory
 * (the last {@value #KEPT} are kept there); every job is also saved (see
 * {@link JobStore}), so a finished one is found after a restart, or on another replica.
 */
@Service
public class JobService {

	private static final Logger log = LoggerFactory.getLogger(JobService.class);

	static final int KEPT = 200;

	static final Duration EVENT_INTERVAL = Duration.ofMillis(250);

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private final Map<String, SyncJob> jobs = new LinkedHashMap<>();

	private final SessionService sessions;

	private final JobRunner runner;

	private final Clock clock;

	private final JobStore store;

	private final AuditLog audit;

	private final SyncMetrics metrics;

	private final JobCancels cancels;

	JobService(SessionService sessions, JobRunner runner, Clock clock, JobStore store, AuditLog audit,
			SyncMetrics metrics, JobCancels cancels) {
		this.cancels = cancels;
		this.metrics = metrics;
		this.audit = audit;
		this.sessions = sessions;
		this.runner = runner;
		this.clock = clock;
		this.store = store;
	}

	/** How often the saved state of a job another replica runs is read again. */
	private static final Duration SAVED_INTERVAL = Duration.ofMillis(500);

	/** Starts a job and returns it at once; it runs on its own. */
	public Mono<SyncJob> start(String sessionId, JsonNode selection, String direction, boolean dryRun,
			String conflictPolicy, ConflictPolicy.KindPolicies conflictPolicies, String mode) {
		return start(new Request(sessionId, selection, direction, dryRun, conflictPolicy, conflictPolicies, mode, null),
				null);
	}

	/**
	 * Starts a job for {@code actor} (a schedule) and returns its id at once, with a Mono
	 * that completes when the job has ended and been saved: a schedule does not start its
	 * next run while one still goes.
	 */
	public Mono<Started> start(String sessionId, JsonNode selection, String direction, String conflictPolicy,
			String actor) {
		Sinks.Empty<Void> ended = Sinks.empty();
		return start(new Request(sessionId, selection, direction, false, conflictPolicy, null, null, null), actor,
				() -> ended.tryEmitEmpty())
			.map((job) -> new Started(job.id(), ended.asMono()));
	}

	/**
	 * What is wrong with a job's selection, direction and conflict policy, as a start
	 * would say it; empty when a job could start with them.
	 */
	public static List<Problem.FieldError> check(JsonNode selection, String direction, String conflictPolicy) {
		try {
			JobSelection.parse(selection, conflictPolicy, null, direction, null, null);
			return List.of();
		}
		catch (ProblemException ex) {
			return (ex.errors() != null) ? ex.errors() : List.of();
		}
	}

	/** A started job's id, and its end. */
	public record Started(String jobId, Mono<Void> ended) {
	}

	/**
	 * Records a job that did not run because the session's compare found conflicts that
	 * its starter wanted an operator to see first: it ends failed at once with the code
	 * {@code needs-attention}, so that the jobs list and the audit log show it like any
	 * other.
	 */
	public Mono<String> needsAttention(String sessionId, String direction, String actor, String detail,
			List<ConstraintConflict> constraintConflicts) {
		return this.sessions.find(sessionId).map((session) -> {
			JobDirection way = (JobDirection.of(direction) != null) ? JobDirection.of(direction) : JobDirection.PUSH;
			SyncJob job = new SyncJob(UUID.randomUUID().toString(), session.id(), way, false, this.clock.instant())
				.startedBy(actor, List.of())
				.remote(session.remote());
			job.failed(new JobEvent.Failed(ProblemCode.NEEDS_ATTENTION.exception(detail).toProblem(null), 0,
					(constraintConflicts != null && !constraintConflicts.isEmpty()) ? constraintConflicts : null));
			remember(job);
			return job;
		})
			.flatMap((job) -> this.store.started(job)
				.then(Mono.defer(() -> this.store.finished(job)))
				.then(Mono.defer(() -> this.audit.recordQuietly(AuditLog.Action.JOB_FINISHED, actor, null,
						auditDetails(job.view()))))
				.thenReturn(job.id()));
	}

	/** What an operator asks a job to do. */
	public record Request(String sessionId, JsonNode selection, String direction, boolean dryRun, String conflictPolicy,
			ConflictPolicy.KindPolicies conflictPolicies, String mode, List<Resolution> resolutions) {
	}

	/**
	 * Checks a request as {@link #start} does, without starting a job: a problem names
	 * what is wrong.
	 */
	public void check(Request request) {
		JobSelection.parse(request.selection(), request.conflictPolicy(), request.conflictPolicies(),
				request.direction(), request.mode(), request.resolutions());
	}

	/**
	 * Starts a job for {@code actor}, who decides its resolutions, and returns it at
	 * once.
	 */
	public Mono<SyncJob> start(Request request, String actor) {
		return start(request, actor, () -> {
		});
	}

	/** The same; {@code ended} runs once the job's end is saved (or could not be). */
	private Mono<SyncJob> start(Request request, String actor, Runnable ended) {
		return this.sessions.find(request.sessionId()).flatMap((session) -> {
			JobSelection parsed = JobSelection.parse(request.selection(), request.conflictPolicy(),
					request.conflictPolicies(), request.direction(), request.mode(), request.resolutions());
			SyncJob job = new SyncJob(UUID.randomUUID().toString(), session.id(), parsed.direction(), request.dryRun(),
					this.clock.instant())
				.startedBy(actor, request.resolutions())
				.remote(session.remote());
			Mono<Void> resolutions = Mono.empty();
			if (!parsed.choices().isEmpty()) {
				resolutions = this.audit.recordQuietly(AuditLog.Action.RESOLUTIONS, actor, null, Map.of("job_id",
						job.id(), "items", parsed.choices().size(), "decided", describe(parsed.choices())));
			}
			remember(job);
			this.metrics.jobStarted(parsed.direction().jsonName(), request.dryRun());
			log.info("Sync job {} ({}{}) with {} started by {}", job.id(), parsed.direction().jsonName(),
					request.dryRun() ? ", dry run" : "", session.remote().url(), (actor != null) ? actor : "-");
			// Saved before it is answered: every replica knows the job its id names.
			Mono<Void> saved = resolutions.then(this.store.started(job)).onErrorResume((failure) -> {
				log.warn("Could not save sync job {}: {}", job.id(), failure.getMessage());
				return Mono.empty();
			});
			return saved.doOnSuccess((done) -> stoppable(job, this.runner.run(job, session, parsed))
				.then(Mono.fromRunnable(() -> measured(job)))
				.then(Mono.defer(() -> this.store.finished(job)))
				.then(Mono.defer(() -> this.audit.recordQuietly(AuditLog.Action.JOB_FINISHED, job.startedBy(), null,
						auditDetails(job.view()))))
				.onErrorResume((failure) -> {
					log.warn("Could not save the end of sync job {}: {}", job.id(), failure.getMessage());
					return Mono.empty();
				})
				.doFinally((signal) -> ended.run())
				.subscribe()).thenReturn(job);
		});
	}

	/**
	 * The job's run, unless it is stopped first ({@link JobCancels}): then the run is
	 * cancelled, which cancels what it waits for on both sides, and the job fails with
	 * why.
	 */
	private Mono<Void> stoppable(SyncJob job, Mono<Void> run) {
		Mono<ProblemException> stopped = this.cancels.register(job);
		return Mono.firstWithSignal(run.then(Mono.<ProblemException>empty()), stopped).doOnNext((why) -> {
			log.info("Sync job {} stopped: {}", job.id(), why.getMessage());
			job.failed(new JobEvent.Failed(why.toProblem(null),
					Duration.between(job.startedAt(), this.clock.instant()).toMillis(), null));
		}).then().doFinally((signal) -> this.cancels.forget(job.id()));
	}

	/**
	 * Cancels a running job, wherever it runs: here at once, on another replica with its
	 * next heartbeat. Answers once the job has ended (or after {@code wait}, still
	 * running); a job that has ended already is a conflict.
	 */
	Mono<SyncJob.JobView> cancel(String id, String actor, Duration wait) {
		ProblemException why = ProblemCode.JOB_CANCELLED
			.exception("cancelled by " + ((actor != null) ? actor : "an operator")
					+ "; a package the remote had not applied yet was not applied, one it had applied stays applied: "
					+ "compare again to see where the two stand");
		Mono<Void> asked = this.cancels.cancel(id, why) ? Mono.empty() : this.store.requestCancel(id, actor)
			.flatMap((requested) -> requested ? Mono.<Void>empty() : view(id).flatMap((view) -> Mono.error(
					ProblemException.conflict("sync job '" + id + "' has ended (" + view.status().jsonName() + ")"))));
		return asked
			.then(view(id)
				.expand((view) -> (view.status() == JobStatus.RUNNING)
						? Mono.delay(Duration.ofMillis(100)).then(view(id)) : Mono.empty())
				.takeUntil((view) -> view.status() != JobStatus.RUNNING)
				.take(wait)
				.last());
	}

	/** The job's end in the metrics: how it ended, how long it took, what it moved. */
	private void measured(SyncJob job) {
		String direction = job.view().direction().jsonName();
		if (job.end() instanceof JobEvent.Completed completed) {
			long items = completed.applied().total() + completed.deleted().total();
			this.metrics.jobCompleted(direction, job.dryRun(), Duration.ofMillis(completed.durationMs()), items,
					job.view().progress().bytes());
		}
		else if (job.end() instanceof JobEvent.Failed failed) {
			this.metrics.jobFailed(direction, job.dryRun(), failed.problem().code(),
					Duration.ofMillis(failed.durationMs()));
		}
	}

	/** What the audit log says of a job: never a resolution's values, nor any secret. */
	static Map<String, Object> auditDetails(SyncJob.JobView job) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("job_id", job.jobId());
		details.put("direction", job.direction().jsonName());
		details.put("dry_run", job.dryRun());
		details.put("status", job.status().jsonName());
		if (job.remote() != null) {
			details.put("remote", job.remote().url());
		}
		if (job.result() != null) {
			details.put("applied", job.result().applied().total());
			details.put("deleted", job.result().deleted().total());
			details.put("skipped", job.result().skipped());
			details.put("duration_ms", job.result().durationMs());
		}
		if (job.problem() != null) {
			details.put("problem", job.problem().code());
		}
		return details;
	}

	/** Which item's fields were decided how (never the values: they may be anything). */
	private static String describe(Map<ItemKey, Map<String, ThreeWayMerge.Choice>> choices) {
		return choices.entrySet()
			.stream()
			.limit(20)
			.map((item) -> item.getKey().kind() + " '" + item.getKey().key() + "' ("
					+ item.getValue()
						.entrySet()
						.stream()
						.map((field) -> field.getKey() + "="
								+ ((field.getValue() instanceof ThreeWayMerge.Choice.Side side)
										? (side.local() ? "local" : "remote") : "value"))
						.sorted()
						.collect(java.util.stream.Collectors.joining(", "))
					+ ")")
			.collect(java.util.stream.Collectors.joining("; "))
				+ ((choices.size() > 20) ? "; and " + (choices.size() - 20) + " more" : "");
	}

	public Mono<SyncJob> get(String id) {
		return Mono.fromCallable(() -> find(id));
	}

	/**
	 * A job as {@code GET /sync/jobs/{id}} shows it: live while it runs here, else saved.
	 */
	Mono<SyncJob.JobView> view(String id) {
		return Mono.fromCallable(() -> live(id))
			.map(SyncJob::view)
			.switchIfEmpty(Mono.defer(() -> this.store.find(id).map(JobStore.Stored::view)))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("sync job '" + id + "'")));
	}

	/**
	 * A page of jobs, newest first, from the saved ones; a job running here shows its
	 * live state.
	 */
	Mono<JobStore.JobPage> list(JobStore.Filter filter, int page, int size) {
		return this.store.list(filter, page, size)
			.map((found) -> new JobStore.JobPage(found.jobs().stream().map((saved) -> {
				SyncJob running = live(saved.jobId());
				return (running != null) ? running.view() : saved;
			}).toList(), found.total()));
	}

	/**
	 * The job's live events: first what a newcomer needs (phases so far, current
	 * progress), then changes a few times a second, a heartbeat comment while quiet, and
	 * the end event, after which the stream closes.
	 */
	public Flux<ServerSentEvent<JobEvent>> events(String id) {
		return events(id, null);
	}

	/**
	 * The same, for a reader that saw the events up to {@code lastEventId} (SSE's
	 * {@code Last-Event-ID}; null: none): it resumes after that event.
	 */
	Flux<ServerSentEvent<JobEvent>> events(String id, String lastEventId) {
		return this.metrics.sseSubscriber(Flux.defer(() -> {
			SyncJob job = live(id);
			SyncJob.Cursor cursor = SyncJob.Cursor.after(lastEventId);
			Flux<ServerSentEvent<JobEvent>> changes = (job == null) ? saved(id, cursor)
					: Flux.interval(Duration.ZERO, EVENT_INTERVAL)
						.concatMapIterable((tick) -> job.since(cursor))
						.map(JobService::event);
			Flux<ServerSentEvent<JobEvent>> heartbeat = Flux.interval(HEARTBEAT, HEARTBEAT)
				.map((tick) -> ServerSentEvent.<JobEvent>builder().comment("keep-alive").build());
			return Flux.merge(changes, heartbeat)
				.takeUntil((event) -> event.data() instanceof JobEvent.Completed
						|| event.data() instanceof JobEvent.Failed);
		}));
	}

	/**
	 * The saved events of a job this process does not hold, after {@code cursor}: its
	 * phases, progress and end. While another replica runs it, it is read again every
	 * moment, its new phases and changed progress sent, until its end.
	 */
	private Flux<ServerSentEvent<JobEvent>> saved(String id, SyncJob.Cursor cursor) {
		int[] phasesSent = { cursor.phases() };
		JobEvent.Progress[] progressSent = { null };
		Mono<JobStore.Stored> read = this.store.find(id);
		return read.switchIfEmpty(Mono.error(() -> ProblemException.notFound("sync job '" + id + "'")))
			.concatWith(Flux.interval(SAVED_INTERVAL, SAVED_INTERVAL).concatMap((tick) -> read))
			.concatMapIterable((stored) -> {
				List<SyncJob.Identified> events = new ArrayList<>();
				List<JobPhase> phases = stored.phases();
				for (int i = phasesSent[0]; i < phases.size(); i++) {
					events.add(new SyncJob.Identified(SyncJob.Cursor.id(i + 1, 0), new JobEvent.Phase(phases.get(i))));
				}
				phasesSent[0] = Math.max(phasesSent[0], phases.size());
				if (!stored.view().progress().equals(progressSent[0])) {
					progressSent[0] = stored.view().progress();
					events.add(new SyncJob.Identified(SyncJob.Cursor.id(phases.size(), 0), progressSent[0]));
				}
				if (stored.end() != null) {
					events.add(new SyncJob.Identified(SyncJob.Cursor.END, stored.end()));
				}
				return events;
			})
			.takeUntil((identified) -> SyncJob.Cursor.END.equals(identified.id()))
			.map(JobService::event);
	}

	private static ServerSentEvent<JobEvent> event(SyncJob.Identified identified) {
		return ServerSentEvent.<JobEvent>builder(identified.event())
			.id(identified.id())
			.event(identified.event().type())
			.build();
	}

	private SyncJob find(String id) {
		SyncJob job = live(id);
		if (job == null) {
			throw ProblemException.notFound("sync job '" + id + "'");
		}
		return job;
	}

	private SyncJob live(String id) {
		synchronized (this.jobs) {
			return this.jobs.get(id);
		}
	}

	private void remember(SyncJob job) {
		synchronized (this.jobs) {
			this.jobs.put(job.id(), job);
			if (this.jobs.size() > KEPT) {
				this.jobs.values()
					.stream()
					.filter(SyncJob::finished)
					.findFirst()
					.ifPresent((oldest) -> this.jobs.remove(oldest.id()));
			}
		}
	}

}
