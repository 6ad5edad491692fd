package org.orchestrator.livesync.sync.internal.peer;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.security.PeerSessions;
import org.orchestrator.livesync.support.ControllerSlice;
import org.orchestrator.livesync.sync.internal.SyncProblems;
import org.orchestrator.livesync.sync.internal.protocol.PeerApi;
import org.orchestrator.livesync.sync.internal.transfer.PullSpools;
import org.orchestrator.livesync.sync.internal.transfer.ReceiveResult;
import org.orchestrator.livesync.sync.internal.transfer.StreamedPackageReceiver;
import org.orchestrator.livesync.sync.internal.transfer.TransferService;
import org.orchestrator.livesync.sync.internal.transfer.WholePackageReceiver;
import org.orchestrator.livesync.system.JsonBodies;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;
import static org.orchestrator.livesync.support.ProblemAssert.unsupportedMediaType;

/**
 * What a peer writes, alone: bodies and headers refused before a package is touched, the
 * receivers' problems answered as they are, and a session that ends only with a package
 * applied for real.
 */
@ControllerSlice(PeerPackageController.class)
@Import(JsonBodies.class)
class PeerPackageControllerTests {

	private static final PeerSessions.PeerSession SESSION = new PeerSessions.PeerSession("s-1", "server-a",
			Instant.now().plusSeconds(3600));

	private static final String PACKAGE = "{\"format_version\":1,\"package_id\":\"7b0c8a52-4c9e-4d55-9a55-8e0f4f4a0c11\","
			+ "\"source_server_id\":\"server-a\",\"items\":0,\"checksum\":\"sha256:00\",\"compression\":\"gzip\","
			+ "\"encrypted\":true,\"payload\":\"AAAA\"}";

	private static final ReceiveResult APPLIED = new ReceiveResult(true, "7b0c8a52-4c9e-4d55-9a55-8e0f4f4a0c11",
			"server-a", KindCounts.ZERO, KindCounts.ZERO, KindCounts.ZERO, List.of(), List.of(), false, false);

	@Autowired
	WebTestClient client;

	@MockitoBean
	PeerSessionCheck check;

	@MockitoBean
	TransferService transfer;

	@MockitoBean
	WholePackageReceiver receive;

	@MockitoBean
	StreamedPackageReceiver receiveStream;

	@MockitoBean
	PullSpools spools;

	@BeforeEach
	void sessionS1IsTheCallersOnly() {
		given(this.check.session(any(), eq("s-1"))).willReturn(SESSION);
		given(this.check.session(any(), eq("s-2"))).willThrow(SyncProblems.wrongSession());
		given(this.check.end(any())).willReturn(Mono.empty());
		given(this.transfer.withdrawFromOffer(any(), any())).willReturn(Mono.empty());
	}

	@Test
	void aPackageForAnotherSessionIsForbidden() {
		problem(post(PeerApi.TRANSFER, "{\"session_id\":\"s-2\",\"items\":{\"nodes\":[\"node-01\"]}}"), 403,
				"wrong-session");
		problem(post(PeerApi.RECEIVE, "{\"session_id\":\"s-2\",\"package\":" + PACKAGE + "}"), 403, "wrong-session");
		problem(post(PeerApi.CONFIRM, "{\"session_id\":\"s-2\",\"package_id\":\"p\"}"), 403, "wrong-session");
		verifyNoInteractions(this.transfer, this.receive);
	}

	@Test
	void aTransferMustNameItsItems() {
		invalidField(post(PeerApi.TRANSFER, "{\"session_id\":\"s-1\"}"), "items");
		verifyNoInteractions(this.transfer);
	}

	@Test
	void aReceivedBodyMustHoldAPackageThatMatchesIt() {
		invalidField(post(PeerApi.RECEIVE, "{\"session_id\":\"s-1\"}"), "package");
		invalidField(post(PeerApi.RECEIVE, "{\"session_id\":\"s-1\",\"encrypted\":false,\"package\":" + PACKAGE + "}"),
				"encrypted");
		problem(post(PeerApi.RECEIVE, "{\"session_id\":\"s-1\",\"package\": "), 400, "malformed-request");
		unsupportedMediaType(this.client, PeerApi.RECEIVE);
		verifyNoInteractions(this.receive);
	}

	@Test
	void aRefusedPackageIsItsProblemAndKeepsTheSessionOpen() {
		given(this.receive.receive(any())).willReturn(Mono.error(new ProblemException(ProblemCode.PACKAGE_REJECTED,
				"the package checksum does not match its contents")));
		Problem rejected = problem(post(PeerApi.RECEIVE, "{\"session_id\":\"s-1\",\"package\":" + PACKAGE + "}"), 422,
				"package-rejected");
		assertThat(rejected.detail()).isEqualTo("the package checksum does not match its contents");
		verify(this.check, never()).end(any());
	}

	@Test
	void anAppliedPackageEndsTheSession() {
		given(this.receive.receive(any())).willReturn(Mono.just(APPLIED));
		post(PeerApi.RECEIVE, "{\"session_id\":\"s-1\",\"package\":" + PACKAGE + "}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.package_id")
			.isEqualTo(APPLIED.packageId());
		verify(this.check).end(SESSION);
	}

	@Test
	void aStreamedPackageNeedsItsHeadersAndAnOctetStream() {
		problem(this.client.post()
			.uri(PeerApi.RECEIVE_STREAM)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(PeerApi.SESSION_HEADER, "s-1")
			.bodyValue(new byte[] { 1, 2, 3 })
			.exchange(), 400, "malformed-request");
		problem(this.client.post()
			.uri(PeerApi.RECEIVE_STREAM)
			.contentType(MediaType.APPLICATION_JSON)
			.header(PeerApi.SESSION_HEADER, "s-1")
			.header(PeerApi.PACKAGE_HEADER, "eyJ9")
			.bodyValue("{}")
			.exchange(), 415, "unsupported-media-type");
		verifyNoInteractions(this.receiveStream);
	}

	@Test
	void aStreamedPackageRefusedOrTriedKeepsTheSessionOpen() {
		given(this.receiveStream.receive(eq("bad"), any(), anyBoolean())).willReturn(Mono
			.error(new ProblemException(ProblemCode.PACKAGE_REJECTED, "X-Sync-Package is not a package header")));
		given(this.receiveStream.receive(eq("good"), any(), anyBoolean())).willReturn(Mono.just(APPLIED));
		Problem rejected = problem(stream("bad", false), 422, "package-rejected");
		assertThat(rejected.detail()).isEqualTo("X-Sync-Package is not a package header");
		stream("good", true).expectStatus().isOk();
		verify(this.check, never()).end(any());
		stream("good", false).expectStatus().isOk();
		verify(this.check).end(SESSION);
	}

	@Test
	void confirmingAnUnknownPackageIsNotFound() {
		given(this.transfer.confirm("p-9", "server-a"))
			.willReturn(Mono.error(ProblemException.notFound("an unconfirmed package p-9")));
		problem(post(PeerApi.CONFIRM, "{\"session_id\":\"s-1\",\"package_id\":\"p-9\"}"), 404, "not-found");
		verify(this.check, never()).end(any());
	}

	@Test
	void confirmingWithAnItemOfNoKindIsAValidationProblem() {
		problem(post(PeerApi.CONFIRM,
				"{\"session_id\":\"s-1\",\"package_id\":\"p-9\",\"left_alone\":[{\"kind\":\"robots\",\"key\":\"r2\"}]}"),
				400, "validation");
		verify(this.transfer, never()).confirm(any(), any());
		verify(this.check, never()).end(any());
	}

	private WebTestClient.ResponseSpec post(String path, String body) {
		return this.client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec stream(String header, boolean dryRun) {
		return this.client.post()
			.uri(PeerApi.RECEIVE_STREAM + "?" + PeerApi.DRY_RUN + "=" + dryRun)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(PeerApi.SESSION_HEADER, "s-1")
			.header(PeerApi.PACKAGE_HEADER, header)
			.bodyValue(new byte[] { 1, 2, 3 })
			.exchange();
	}

}
