package org.orchestrator.livesync.sync.internal.peer;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.inventory.ConstraintFacts;
import org.orchestrator.livesync.inventory.InventoryDigests;
import org.orchestrator.livesync.support.ControllerSlice;
import org.orchestrator.livesync.sync.internal.compare.CompareService;
import org.orchestrator.livesync.system.JsonBodies;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;
import static org.orchestrator.livesync.support.ProblemAssert.unsupportedMediaType;

/**
 * What a peer reads, alone: which form of the inventory an {@code Accept} header gets,
 * and the problems of reads whose request or service fails.
 */
@ControllerSlice(PeerReadController.class)
@Import(JsonBodies.class)
class PeerReadControllerTests {

	private static final String DOCUMENT = "{\"success\":true,\"inventory\":{}}";

	private static final String LINES = "{\"type\":\"metadata\"}\n{\"type\":\"stats\"}\n";

	@Autowired
	WebTestClient client;

	@MockitoBean
	InventoryStream inventory;

	@MockitoBean
	CompareService compare;

	@MockitoBean
	InventoryDigests digests;

	@MockitoBean
	ServerIdentity identity;

	@MockitoBean
	ConstraintFacts facts;

	@BeforeEach
	void inventoryInBothForms() {
		given(this.inventory.document(any())).willAnswer((call) -> body(call.getArgument(0), DOCUMENT));
		given(this.inventory.lines(any())).willAnswer((call) -> body(call.getArgument(0), LINES));
	}

	@Test
	void theInventoryIsTheDocumentUnlessTheCallerPrefersLines() {
		assertInventory("application/x-ndjson, application/json", MediaType.APPLICATION_NDJSON, LINES);
		assertInventory("application/json;q=0.5, application/x-ndjson", MediaType.APPLICATION_NDJSON, LINES);
		assertInventory("application/json, application/x-ndjson", MediaType.APPLICATION_JSON, DOCUMENT);
		assertInventory("*/*", MediaType.APPLICATION_JSON, DOCUMENT);
		assertInventory(null, MediaType.APPLICATION_JSON, DOCUMENT);
	}

	@Test
	void anInventoryInAFormNobodyOffersIsNotAcceptable() {
		problem(this.client.get()
			.uri("/api/v1/sync/inventory")
			.header(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE)
			.exchange(), 406, "not-acceptable");
		verifyNoInteractions(this.inventory);
	}

	@Test
	void theServicesProblemIsAnsweredAsItIsWithItsHeaders() {
		given(this.digests.digests())
			.willReturn(Mono.error(new ProblemException(ProblemCode.BUSY, "busy reading digests")
				.withHeader(HttpHeaders.RETRY_AFTER, "5")));
		WebTestClient.ResponseSpec response = this.client.get().uri("/api/v1/sync/digest").exchange();
		response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5");
		Problem busy = problem(response, 503, "busy");
		assertThat(busy.detail()).isEqualTo("busy reading digests");
		assertThat(busy.instance()).isEqualTo("/api/v1/sync/digest");
	}

	@Test
	void aStreamedCompareThatFailsIsAProblemWithTheServicesCode() {
		given(this.compare.compareLines(any()))
			.willReturn(Mono.error(ProblemException.invalid("lines[1].key", "is not a valid node key")));
		invalidField(this.client.post()
			.uri("/api/v1/sync/compare")
			.contentType(MediaType.APPLICATION_NDJSON)
			.bodyValue("{\"type\":\"metadata\"}\n")
			.exchange(), "lines[1].key");
	}

	@Test
	void aCompareBodyThatIsNotJsonOrOfAnotherTypeIsRefused() {
		problem(this.client.post()
			.uri("/api/v1/sync/compare")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"remote_inventory\": ")
			.exchange(), 400, "malformed-request");
		unsupportedMediaType(this.client, "/api/v1/sync/compare");
		verifyNoInteractions(this.compare);
	}

	@Test
	void namedItemsMustHaveKeysOfTheirKind() {
		invalidField(this.client.post()
			.uri("/api/v1/sync/items")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"nodes\":[\"Bad_Name\"]}")
			.exchange(), "body.nodes[0]");
		verifyNoInteractions(this.inventory);
	}

	private void assertInventory(String accept, MediaType type, String body) {
		WebTestClient.RequestHeadersSpec<?> request = this.client.get().uri("/api/v1/sync/inventory");
		if (accept != null) {
			request = request.header(HttpHeaders.ACCEPT, accept);
		}
		String answered = request.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(type)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(answered).as(String.valueOf(accept)).isEqualTo(body);
	}

	private static Flux<?> body(DataBufferFactory buffers, String text) {
		return Flux.just(buffers.wrap(text.getBytes(StandardCharsets.UTF_8)));
	}

}
