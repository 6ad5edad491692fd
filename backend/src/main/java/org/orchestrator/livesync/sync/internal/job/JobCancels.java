package org.orchestrator.livesync.sync.internal.job;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Component;

/**
 * The way to stop each job this process runs: an operator's cancel, a cancel asked
 * through another replica, or the watchdog of a job that stopped moving. Stopping a job
 * cancels what it waits for, on this side (reads, the package stream) and so on the
 * remote's (its upload ends unfinished and is dropped; an apply in progress is rolled
 * back with its connection).
 */
@Component
class JobCancels {

	private final Map<String, Running> running = new ConcurrentHashMap<>();

	/** Emits why the job must stop, if it must; until {@link #forget} is called. */
	Mono<ProblemException> register(SyncJob job) {
		Sinks.One<ProblemException> stop = Sinks.one();
		this.running.put(job.id(), new Running(job, stop));
		return stop.asMono();
	}

	/** The jobs that can be stopped now. */
	Collection<SyncJob> jobs() {
		return this.running.values().stream().map(Running::job).toList();
	}

	void forget(String jobId) {
		this.running.remove(jobId);
	}

	/** Stops the job if this process runs it; whether it did. */
	boolean cancel(String jobId, ProblemException why) {
		Running job = this.running.get(jobId);
		return job != null && job.stop().tryEmitValue(why).isSuccess();
	}

	private record Running(SyncJob job, Sinks.One<ProblemException> stop) {
	}

}
