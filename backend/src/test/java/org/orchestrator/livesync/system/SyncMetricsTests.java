package org.orchestrator.livesync.system;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the meters hold, with an in-memory registry. */
class SyncMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SyncMetrics metrics = new SyncMetrics(this.registry);

	@Test
	void countsEventStreamReadersWhileTheyAreSubscribed() {
		Disposable first = this.metrics.sseSubscriber(Flux.never()).subscribe();
		Disposable second = this.metrics.sseSubscriber(Flux.never()).subscribe();
		assertThat(subscribers()).isEqualTo(2);
		first.dispose();
		assertThat(subscribers()).isEqualTo(1);
		StepVerifier.create(this.metrics.sseSubscriber(Flux.just(1))).expectNext(1).verifyComplete();
		assertThat(subscribers()).isEqualTo(1);
		second.dispose();
		assertThat(subscribers()).isZero();
	}

	@Test
	void aProblemCodeOutsideThisServersVocabularyIsNotATag() {
		this.metrics.jobFailed("pull", false, "remote-unreachable", Duration.ofMillis(5));
		this.metrics.jobFailed("pull", false, "made-up-by-a-remote-" + System.nanoTime(), Duration.ofMillis(5));
		assertThat(failed("remote-unreachable")).isEqualTo(1);
		assertThat(failed("other")).isEqualTo(1);
		assertThat(this.registry.get("live_sync.jobs.failed").counters()).hasSize(2);
	}

	@Test
	void anApplyIsTimedAsAppliedOrFailed() {
		StepVerifier.create(this.metrics.timeApply(Mono.just("result"), false)).expectNext("result").verifyComplete();
		StepVerifier.create(this.metrics.timeApply(Mono.error(new IllegalStateException("broken")), false))
			.verifyError(IllegalStateException.class);
		// Cancelled before it answered: the transaction rolled back.
		this.metrics.timeApply(Mono.never(), true).subscribe().dispose();
		assertThat(applies("false", "applied")).isEqualTo(1);
		assertThat(applies("false", "failed")).isEqualTo(1);
		assertThat(applies("true", "failed")).isEqualTo(1);
	}

	@Test
	void aDryRunMovesNothing() {
		this.metrics.jobCompleted("push", true, Duration.ofMillis(3), 7, 700);
		this.metrics.jobCompleted("push", false, Duration.ofMillis(3), 2, 200);
		assertThat(this.registry.get("live_sync.items.moved").counter().count()).isEqualTo(2);
		assertThat(this.registry.get("live_sync.moved").counter().count()).isEqualTo(200);
		assertThat(this.registry.get("live_sync.jobs.completed").tag("dry_run", "true").counter().count()).isEqualTo(1);
	}

	private double subscribers() {
		return this.registry.get("live_sync.sse.subscribers").gauge().value();
	}

	private double failed(String code) {
		return this.registry.get("live_sync.jobs.failed").tag("code", code).counter().count();
	}

	private long applies(String dryRun, String outcome) {
		return this.registry.get("live_sync.apply.duration")
			.tag("dry_run", dryRun)
			.tag("outcome", outcome)
			.timer()
			.count();
	}

}
