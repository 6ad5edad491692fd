package org.orchestrator.livesync.system.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.r2dbc.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database in the readiness probe (the {@code r2dbc} component): Spring Boot's R2DBC
 * check, bounded in time, so a database that stopped answering makes the probe DOWN
 * rather than hang. Spring's own check logs a stack trace at every probe while the
 * database is away (silenced in application.yml); this one logs a line when the state
 * changes, and another when it is back.
 */
@Component("r2dbcHealthIndicator")
class DatabaseHealth implements ReactiveHealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

	static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final ReactiveHealthIndicator check;

	private final AtomicReference<Status> last = new AtomicReference<>(Status.UP);

	DatabaseHealth(ConnectionFactory database) {
		this.check = new ConnectionFactoryHealthIndicator(database);
	}

	@Override
	public Mono<Health> health() {
		return this.check.health()
			.timeout(TIMEOUT, Mono.fromSupplier(
					() -> Health.down().withDetail("error", "no answer within " + TIMEOUT.toSeconds() + " s").build()))
			.doOnNext(this::noteChange);
	}

	private void noteChange(Health health) {
		Status previous = this.last.getAndSet(health.getStatus());
		if (previous.equals(health.getStatus())) {
			return;
		}
		if (Status.UP.equals(health.getStatus())) {
			log.info("The database answers again: ready");
		}
		else {
			log.warn("The database does not answer ({}): not ready", health.getDetails().get("error"));
		}
	}

}
