package org.orchestrator.livesync.system.internal;

import java.time.Duration;

import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness for load balancers and scripts: up only while the database answers. */
@Tag(name = "System", description = "Health")
@RestController
class HealthController {

	private final DatabaseClient database;

	HealthController(DatabaseClient database) {
		this.database = database;
	}

	@GetMapping("/api/v1/health")
	Mono<ResponseEntity<Health>> health() {
		return this.database.sql("SELECT 1")
			.map((row) -> 1)
			.first()
			.timeout(Duration.ofSeconds(3))
			.map((ignored) -> ResponseEntity.ok(new Health("up", "up")))
			.onErrorResume((ex) -> Mono
				.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("down", "down"))));
	}

	record Health(String status, String database) {
	}

}
