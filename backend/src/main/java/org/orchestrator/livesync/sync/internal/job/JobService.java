package org.orchestrator.livesync.sync.internal.job;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.sync.internal.session.SessionService;
import org.orchestrator.livesync.sync.internal.session.SyncSession;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Service;

/**
 * Starts sync jobs in the background and keeps the last {@value #KEPT} of them for their
 * status and event streams.
 */
@Service
public class JobService {

	static final int KEPT = 200;

	static final Duration EVENT_INTERVAL = Duration.ofMillis(250);

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private final Map<String, SyncJob> jobs = new LinkedHashMap<>();

	private final SessionService sessions;

	private final JobRunner runner;

	private final Clock clock;

	JobService(SessionService sessions, JobRunner runner, Clock clock) {
		this.sessions = sessions;
		this.runner = runner;
		this.clock = clock;
	}

	/** Starts a job and returns it at once; it runs on its own. */
	public Mono<SyncJob> start(String sessionId, JsonNode selection, String direction, boolean dryRun,
			String conflictPolicy, ConflictPolicy.KindPolicies conflictPolicies, String mode) {
		return Mono.fromCallable(() -> {
			SyncSession session = this.sessions.find(sessionId);
			JobSelection parsed = JobSelection.parse(selection, conflictPolicy, conflictPolicies, direction, mode);
			SyncJob job = new SyncJob(UUID.randomUUID().toString(), session.id(), parsed.direction(), dryRun,
					this.clock.instant());
			remember(job);
			this.runner.run(job, session, parsed).subscribe();
			return job;
		});
	}

	public Mono<SyncJob> get(String id) {
		return Mono.fromCallable(() -> find(id));
	}

	public List<SyncJob> recent() {
		synchronized (this.jobs) {
			List<SyncJob> list = new ArrayList<>(this.jobs.values());
			java.util.Collections.reverse(list);
			return list;
		}
	}

	/**
	 * The job's live events: first what a newcomer needs (phases so far, current
	 * progress), then changes a few times a second, a heartbeat comment while quiet, and
	 * the end event, after which the stream closes.
	 */
	public Flux<ServerSentEvent<JobEvent>> events(String id) {
		return Flux.defer(() -> {
			SyncJob job = find(id);
			SyncJob.Cursor cursor = new SyncJob.Cursor();
			Flux<ServerSentEvent<JobEvent>> changes = Flux.interval(Duration.ZERO, EVENT_INTERVAL)
				.concatMapIterable((tick) -> job.since(cursor))
				.map((event) -> ServerSentEvent.<JobEvent>builder(event).event(event.type()).build());
			Flux<ServerSentEvent<JobEvent>> heartbeat = Flux.interval(HEARTBEAT, HEARTBEAT)
				.map((tick) -> ServerSentEvent.<JobEvent>builder().comment("keep-alive").build());
			return Flux.merge(changes, heartbeat)
				.takeUntil((event) -> event.data() instanceof JobEvent.Completed
						|| event.data() instanceof JobEvent.Failed);
		});
	}

	private SyncJob find(String id) {
		synchronized (this.jobs) {
			SyncJob job = this.jobs.get(id);
			if (job == null) {
				throw ProblemException.notFound("sync job '" + id + "'");
			}
			return job;
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
