package org.orchestrator.livesync.sync.internal.peer;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.security.PeerSessions;
import org.orchestrator.livesync.security.TokenService;
import org.orchestrator.livesync.support.ControllerSlice;
import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.system.ServerIdentity;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;
import static org.orchestrator.livesync.support.ProblemAssert.unsupportedMediaType;

/**
 * The door of the peer API alone: what each refusal of {@code /sync/connect} says, and
 * that no session or token comes of a refused one.
 */
@ControllerSlice(PeerAuthController.class)
class PeerAuthControllerTests {

	@MockitoBean
	AuditLog audit;

	@BeforeEach
	void theAuditLogRecords() {
		given(this.audit.recordQuietly(any(), any(), any(), any())).willReturn(Mono.empty());
	}

	private static final String PASSWORD = "shared-sync-secret";

	@Autowired
	WebTestClient client;

	@MockitoBean
	SyncProperties sync;

	@MockitoBean
	PeerSessions sessions;

	@MockitoBean
	TokenService tokens;

	@MockitoBean
	ServerIdentity identity;

	@BeforeEach
	void syncIsOnWithAPassword() {
		given(this.sync.enabled()).willReturn(true);
		given(this.sync.hasPassword()).willReturn(true);
		given(this.sync.password()).willReturn(PASSWORD);
		given(this.sync.tokenLifetime()).willReturn(Duration.ofHours(1));
		given(this.sync.tokenExpiry()).willReturn(3600L);
	}

	@Test
	void theRightPasswordOpensASessionWithAPeerToken() {
		given(this.sessions.open("server-a", Duration.ofHours(1)))
			.willReturn(Mono.just(new PeerSessions.PeerSession("s-1", "server-a", Instant.now().plusSeconds(3600))));
		given(this.tokens.issue(eq(TokenService.Audience.PEER), eq("server-a"), eq("s-1"), any())).willReturn("t0ken");
		given(this.identity.serverId()).willReturn(UUID.fromString("7b0c8a52-4c9e-4d55-9a55-8e0f4f4a0c11"));
		given(this.identity.name()).willReturn("target");
		connect("{\"server_id\":\"server-a\",\"password\":\"" + PASSWORD + "\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.token")
			.isEqualTo("t0ken")
			.jsonPath("$.session_id")
			.isEqualTo("s-1")
			.jsonPath("$.expires_in")
			.isEqualTo(3600)
			.jsonPath("$.server_info.server_id")
			.isEqualTo("7b0c8a52-4c9e-4d55-9a55-8e0f4f4a0c11");
	}

	@Test
	void aWrongOrMissingPasswordIsUnauthorizedAndAsksForBearer() {
		for (String body : new String[] { "{\"server_id\":\"server-a\",\"password\":\"guess\"}",
				"{\"server_id\":\"server-a\"}" }) {
			WebTestClient.ResponseSpec response = connect(body);
			response.expectHeader().valueEquals("WWW-Authenticate", "Bearer");
			problem(response, 401, "bad-sync-password");
		}
		verifyNoInteractions(this.sessions, this.tokens);
	}

	@Test
	void theCallerMustNameItselfAsAServer() {
		invalidField(connect("{\"server_id\":\"two words\",\"password\":\"" + PASSWORD + "\"}"), "server_id");
		invalidField(connect("{\"password\":\"" + PASSWORD + "\"}"), "server_id");
		verifyNoInteractions(this.sessions, this.tokens);
	}

	@Test
	void aServerWithSyncOffOrWithoutPasswordAcceptsNoPeers() {
		given(this.sync.hasPassword()).willReturn(false);
		problem(connect("{\"server_id\":\"server-a\",\"password\":\"" + PASSWORD + "\"}"), 403, "sync-not-configured");
		given(this.sync.enabled()).willReturn(false);
		problem(connect("{\"server_id\":\"server-a\",\"password\":\"" + PASSWORD + "\"}"), 403, "sync-disabled");
		verifyNoInteractions(this.sessions, this.tokens);
	}

	@Test
	void aBodyThatIsNotAConnectRequestIsRefusedBeforeAnyCheck() {
		problem(connect("{\"server_id\": "), 400, "malformed-request");
		invalidField(connect("{\"server_id\":\"server-a\",\"password\":\"x\",\"role\":\"admin\"}"), "role");
		unsupportedMediaType(this.client, "/api/v1/sync/connect");
		verifyNoInteractions(this.sessions, this.tokens);
	}

	private WebTestClient.ResponseSpec connect(String body) {
		return this.client.post()
			.uri("/api/v1/sync/connect")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
