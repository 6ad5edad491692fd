package org.orchestrator.livesync.sync.internal.session;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.support.ControllerSlice;
import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient.RemoteSession;
import org.orchestrator.livesync.sync.internal.remote.RemoteServer;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;
import static org.orchestrator.livesync.support.ProblemAssert.unsupportedMediaType;

/**
 * The operator's sessions alone: an unknown session is a 404 problem, what opening one
 * against a remote can fail with is answered with its own code, and bodies that are not a
 * session request are refused before the service is asked.
 */
@ControllerSlice(SessionController.class)
class SessionControllerTests {

	private static final String CREATE = "{\"remote_url\":\"http://b:5001\",\"password\":\"secret\"}";

	@Autowired
	WebTestClient client;

	@MockitoBean
	SessionService sessions;

	@MockitoBean
	SyncProperties sync;

	@MockitoBean
	ServerIdentity identity;

	@Test
	void anUnknownSessionIsNotFound() {
		given(this.sessions.get("nope")).willReturn(Mono.error(ProblemException.notFound("sync session 'nope'")));
		given(this.sessions.forget("nope")).willReturn(Mono.error(ProblemException.notFound("sync session 'nope'")));
		Problem missing = problem(this.client.get().uri("/api/v1/sync/sessions/nope").exchange(), 404, "not-found");
		assertThat(missing.detail()).isEqualTo("sync session 'nope' does not exist");
		problem(this.client.delete().uri("/api/v1/sync/sessions/nope").exchange(), 404, "not-found");
	}

	@Test
	void aCreatedSessionIsFoundAtItsId() {
		SyncSession session = new SyncSession("s-1", new RemoteServer("http://b:5001", "server-b", "b", "1.0.0"),
				"secret", null, Instant.parse("2026-01-02T03:04:05Z"));
		given(this.sessions.create("http://b:5001", "secret", null)).willReturn(Mono.just(session));
		create(CREATE).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Location", "/api/v1/sync/sessions/s-1")
			.expectBody()
			.jsonPath("$.session_id")
			.isEqualTo("s-1")
			.jsonPath("$.remote.server_id")
			.isEqualTo("server-b");
	}

	@Test
	void aPinnedFingerprintGoesToTheServiceAndIsShownInTheSession() {
		String pin = "ab".repeat(32);
		SyncSession session = new SyncSession("s-2", new RemoteServer("https://b:5001", "server-b", "b", "1.0.0"),
				"secret", null, new RemoteSession("peer", "token", 3600, "AB:AB"),
				Instant.parse("2026-01-02T03:04:05Z"));
		given(this.sessions.create("https://b:5001", "secret", pin)).willReturn(Mono.just(session));
		create("{\"remote_url\":\"https://b:5001\",\"password\":\"secret\",\"remote_fingerprint\":\"" + pin + "\"}")
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.remote_fingerprint")
			.isEqualTo("AB:AB");
	}

	@Test
	void whatTheRemoteDidIsAnsweredWithItsOwnCode() {
		given(this.sessions.create("http://b:5001", "secret", null)).willReturn(
				Mono.error(new ProblemException(ProblemCode.REMOTE_UNREACHABLE, "http://b:5001 did not answer")));
		assertThat(problem(create(CREATE), 502, "remote-unreachable").detail())
			.isEqualTo("http://b:5001 did not answer");
		given(this.sessions.create("http://b:5001", "secret", null)).willReturn(Mono
			.error(new ProblemException(ProblemCode.REMOTE_REJECTED_PASSWORD, "the remote refused the password")));
		problem(create(CREATE), 422, "remote-rejected-password");
		given(this.sessions.create("http://b:5001", "secret", null))
			.willReturn(Mono.error(ProblemException.invalid("remote_url", "points at this server itself")));
		invalidField(create(CREATE), "remote_url");
	}

	@Test
	void aBodyThatIsNotASessionRequestIsRefusedBeforeTheServiceIsAsked() {
		problem(create("{\"remote_url\": "), 400, "malformed-request");
		invalidField(create("{\"remote_url\":\"http://b:5001\",\"colour\":\"red\"}"), "colour");
		unsupportedMediaType(this.client, "/api/v1/sync/sessions");
		verifyNoInteractions(this.sessions);
	}

	private WebTestClient.ResponseSpec create(String body) {
		return this.client.post()
			.uri("/api/v1/sync/sessions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
