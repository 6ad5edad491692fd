package org.orchestrator.livesync.system;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.stereotype.Component;

/**
 * What this server counts for operators, scraped at {@code /actuator/prometheus} (README
 * "Operating it"): every meter is named {@code live_sync.*}, which Prometheus reads as
 * {@code live_sync_*}. Tags take only a few values each (directions, outcomes, problem
 * codes of this server's vocabulary), never a key, a URL or a client, so that the number
 * of series stays small whatever the traffic.
 */
@Component
public class SyncMetrics {

	private static final Set<String> PROBLEM_CODES = Arrays.stream(ProblemCode.values())
		.map(ProblemCode::code)
		.collect(Collectors.toUnmodifiableSet());

	private final MeterRegistry registry;

	private final AtomicInteger sseSubscribers = new AtomicInteger();

	private final Counter peerRequests;

	private final Counter peerRateLimited;

	public SyncMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.peerRequests = Counter.builder("live_sync.peer.requests")
			.description("Requests to the peer API (and /sync/connect) this server received")
			.register(registry);
		this.peerRateLimited = Counter.builder("live_sync.peer.rate.limited")
			.description("Peer API requests refused with 429 by the rate limit")
			.register(registry);
		Gauge.builder("live_sync.sse.subscribers", this.sseSubscribers, AtomicInteger::get)
			.description("Readers of job event streams (SSE) connected now")
			.register(registry);
	}

	/** A job began; {@code direction} is push, pull or both. */
	public void jobStarted(String direction, boolean dryRun) {
		Counter.builder("live_sync.jobs.started")
			.description("Sync jobs started")
			.tag("direction", direction)
			.tag("dry_run", String.valueOf(dryRun))
			.register(this.registry)
			.increment();
	}

	/**
	 * A job ended well, having moved {@code items} (applied or deleted on the targets) in
	 * {@code bytes} of ciphertext; a dry run moves nothing.
	 */
	public void jobCompleted(String direction, boolean dryRun, Duration took, long items, long bytes) {
		Counter.builder("live_sync.jobs.completed")
			.description("Sync jobs that ended well")
			.tag("direction", direction)
			.tag("dry_run", String.valueOf(dryRun))
			.register(this.registry)
			.increment();
		jobDuration(direction, "completed", took);
		if (!dryRun) {
			Counter.builder("live_sync.items.moved")
				.description("Items applied or deleted on the target by sync jobs")
				.tag("direction", direction)
				.register(this.registry)
				.increment(items);
			Counter.builder("live_sync.moved")
				.description("Package bytes (compressed and encrypted) sync jobs moved")
				.baseUnit("bytes")
				.tag("direction", direction)
				.register(this.registry)
				.increment(bytes);
		}
	}

	/** A job failed with the problem {@code code}. */
	public void jobFailed(String direction, boolean dryRun, String code, Duration took) {
		Counter.builder("live_sync.jobs.failed")
			.description("Sync jobs that failed, by problem code")
			.tag("direction", direction)
			.tag("dry_run", String.valueOf(dryRun))
			// A remote's problem is relayed: only our own vocabulary becomes a tag.
			.tag("code", PROBLEM_CODES.contains(code) ? code : "other")
			.register(this.registry)
			.increment();
		jobDuration(direction, "failed", took);
	}

	private void jobDuration(String direction, String outcome, Duration took) {
		Timer.builder("live_sync.job.duration")
			.description("How long sync jobs took, from start to their end event")
			.tag("direction", direction)
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(took);
	}

	/**
	 * Times applying one received package on this server (the target of a push, or the
	 * puller of a pull), until it is committed or has failed.
	 */
	public <T> Mono<T> timeApply(Mono<T> apply, boolean dryRun) {
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(this.registry);
			AtomicBoolean answered = new AtomicBoolean();
			return apply.doOnNext((result) -> answered.set(true)).doFinally((signal) -> {
				// An apply cancelled before its answer (the sender went away) rolled
				// back.
				boolean applied = answered.get() || signal == SignalType.ON_COMPLETE;
				String outcome = applied ? "applied" : "failed";
				sample.stop(Timer.builder("live_sync.apply.duration")
					.description("Applying a received package, until committed or rolled back")
					.tag("dry_run", String.valueOf(dryRun))
					.tag("outcome", outcome)
					.publishPercentileHistogram()
					.register(this.registry));
			});
		});
	}

	/**
	 * A compare done, with {@code method}: incremental, full, or inventory (a peer sent
	 * its whole inventory).
	 */
	public void compared(String method, Duration took) {
		Timer.builder("live_sync.compare.duration")
			.description("Comparing this server's inventory with a peer's")
			.tag("method", method)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(took);
	}

	/**
	 * A request to the peer API arrived; {@code refused}: the rate limit answered 429.
	 */
	public void peerRequest(boolean refused) {
		this.peerRequests.increment();
		if (refused) {
			this.peerRateLimited.increment();
		}
	}

	/**
	 * An operator login failed: {@code bad_credentials}, or {@code throttled} (refused
	 * after too many failures from one address).
	 */
	public void loginFailed(String reason) {
		Counter.builder("live_sync.login.failures")
			.description("Operator logins refused")
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

	/** Counts the readers of a job's event stream while they are subscribed. */
	public <T> Flux<T> sseSubscriber(Flux<T> events) {
		return events.doOnSubscribe((subscription) -> this.sseSubscribers.incrementAndGet())
			.doFinally((signal) -> this.sseSubscribers.decrementAndGet());
	}

}
