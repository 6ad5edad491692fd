package org.orchestrator.livesync.sync.internal.job;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.support.ControllerSlice;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;
import static org.orchestrator.livesync.support.ProblemAssert.unsupportedMediaType;

/**
 * The operator's jobs alone: an unknown job (or its event stream) is a 404 problem, the
 * service's refusals are answered as they are, and bodies that are not a job request are
 * refused before a job starts. Selections are the service's to read, so they are only
 * passed through here.
 */
@ControllerSlice(JobController.class)
class JobControllerTests {

	@MockitoBean
	AuditLog audit;

	@BeforeEach
	void theAuditLogRecords() {
		given(this.audit.recordQuietly(any(), any(), any(), any())).willReturn(Mono.empty());
	}

	private static final String START = "{\"session_id\":\"s-1\",\"selection\":\"all\"}";

	@Autowired
	WebTestClient client;

	@MockitoBean
	JobService jobs;

	@Test
	void anUnknownJobAndItsEventsAreNotFound() {
		given(this.jobs.view("nope")).willReturn(Mono.error(ProblemException.notFound("sync job 'nope'")));
		given(this.jobs.events("nope", null)).willReturn(Flux.error(ProblemException.notFound("sync job 'nope'")));
		Problem missing = problem(this.client.get().uri("/api/v1/sync/jobs/nope").exchange(), 404, "not-found");
		assertThat(missing.detail()).isEqualTo("sync job 'nope' does not exist");
		problem(this.client.get().uri("/api/v1/sync/jobs/nope/events").accept(MediaType.TEXT_EVENT_STREAM).exchange(),
				404, "not-found");
	}

	@Test
	void aStartedJobIsFoundAtItsIdWithItsEvents() {
		given(this.jobs.start(
				argThat((request) -> request != null && "s-1".equals(request.sessionId()) && !request.dryRun()), any()))
			.willReturn(Mono
				.just(new SyncJob("j-1", "s-1", JobDirection.PUSH, false, Instant.parse("2026-01-02T03:04:05Z"))));
		start(START).expectStatus()
			.isAccepted()
			.expectHeader()
			.valueEquals("Location", "/api/v1/sync/jobs/j-1")
			.expectBody()
			.jsonPath("$.job_id")
			.isEqualTo("j-1")
			.jsonPath("$.events_url")
			.isEqualTo("/api/v1/sync/jobs/j-1/events");
	}

	@Test
	void theServicesRefusalIsAnsweredAsItIs() {
		given(this.jobs.start(argThat((request) -> request != null && "gone".equals(request.sessionId())), any()))
			.willReturn(Mono.error(ProblemException.notFound("sync session 'gone'")));
		given(this.jobs.start(argThat((request) -> request != null && "s-1".equals(request.sessionId())), any()))
			.willReturn(Mono.error(ProblemException.invalid("conflict_policy", "must be skip or overwrite")));
		problem(start("{\"session_id\":\"gone\",\"selection\":\"all\"}"), 404, "not-found");
		invalidField(start(START), "conflict_policy");
	}

	@Test
	void aBodyThatIsNotAJobRequestIsRefusedBeforeAJobStarts() {
		problem(start("{\"session_id\": "), 400, "malformed-request");
		invalidField(start("{\"session_id\":\"s-1\",\"selection\":\"all\",\"colour\":\"red\"}"), "colour");
		unsupportedMediaType(this.client, "/api/v1/sync/jobs");
		verifyNoInteractions(this.jobs);
	}

	private WebTestClient.ResponseSpec start(String body) {
		return this.client.post()
			.uri("/api/v1/sync/jobs")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
