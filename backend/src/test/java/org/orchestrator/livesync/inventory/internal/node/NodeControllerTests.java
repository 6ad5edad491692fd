package org.orchestrator.livesync.inventory.internal.node;

import org.junit.jupiter.api.Test;
import org.orchestrator.livesync.support.ControllerSlice;
import org.orchestrator.livesync.system.ProblemException;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

/**
 * The node endpoints alone (the shared item controller, the problem handler and the JSON
 * codec): paging and bodies are refused with problems before the service is asked, and a
 * created node's location is its host name. Access control is the security module's
 * concern and is tested there.
 */
@ControllerSlice(NodeController.class)
class NodeControllerTests {

	@Autowired
	WebTestClient client;

	@MockitoBean
	NodeService nodes;

	@Test
	void refusesPagesOutsideTheLimitsWithAFieldError() {
		invalidField(this.client.get().uri("/api/v1/nodes?size=501").exchange(), "size");
		invalidField(this.client.get().uri("/api/v1/nodes?page=-1").exchange(), "page");
		verifyNoInteractions(this.nodes);
	}

	@Test
	void refusesANumberThatIsNotOne() {
		problem(this.client.get().uri("/api/v1/nodes?size=ten").exchange(), 400, "malformed-request");
		verifyNoInteractions(this.nodes);
	}

	@Test
	void refusesMalformedAndUnknownJsonWithTheOffendingField() {
		problem(this.client.post()
			.uri("/api/v1/nodes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"hostname\": ")
			.exchange(), 400, "malformed-request");
		invalidField(this.client.post()
			.uri("/api/v1/nodes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"hostname\":\"node-01\",\"colour\":\"red\"}")
			.exchange(), "colour");
		verifyNoInteractions(this.nodes);
	}

	@Test
	void answersTheServicesProblemAsItIs() {
		given(this.nodes.get("node-09")).willReturn(Mono.error(ProblemException.notFound("node node-09")));
		problem(this.client.get().uri("/api/v1/nodes/node-09").exchange(), 404, "not-found");
	}

	@Test
	void createdNodeIsFoundAtItsHostName() {
		NodeView created = new NodeView("node-01", "192.168.1.10", "ubuntu", 22, null, "unknown", null, null, "h", 1,
				null, null);
		given(this.nodes.create(any())).willReturn(Mono.just(created));
		given(this.nodes.keyOf(created)).willReturn("node-01");
		String location = this.client.post()
			.uri("/api/v1/nodes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"hostname\":\"node-01\",\"ip\":\"192.168.1.10\",\"username\":\"ubuntu\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("Location");
		assertThat(location).isEqualTo("/api/v1/nodes/node-01");
	}

}
