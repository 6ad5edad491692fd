package org.orchestrator.livesync.inventory.internal.node;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.inventory.internal.Page;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

class NodeApiIntegrationTests {

	@RegisterExtension
	static TestServer server = new TestServer();

	private final WebTestClient api = server.operator();

	@Test
	void createsReadsListsUpdatesAndDeletesANode() {
		NodeView created = this.api.post()
			.uri("/api/v1/nodes")
			.bodyValue(Fixtures.node("crud-01"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.location("/api/v1/nodes/crud-01")
			.expectBody(NodeView.class)
			.returnResult()
			.getResponseBody();
		assertThat(created.hostname()).isEqualTo("crud-01");
		assertThat(created.wol().mac()).startsWith("aa:bb:cc:dd:ee:");
		assertThat(created.hardware()).containsEntry("cpu", 8);
		assertThat(created.contentHash()).hasSize(64);

		NodeView read = this.api.get()
			.uri("/api/v1/nodes/crud-01")
			.exchange()
			.expectBody(NodeView.class)
			.returnResult()
			.getResponseBody();
		assertThat(read).isEqualTo(created);

		Page<NodeView> page = list("crud-");
		assertThat(page.total()).isEqualTo(1);
		assertThat(page.items()).containsExactly(created);

		NodeView updated = this.api.put()
			.uri("/api/v1/nodes/crud-01")
			.bodyValue(Map.of("ip", "192.168.1.12", "username", "ops"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(NodeView.class)
			.returnResult()
			.getResponseBody();
		assertThat(updated.ip()).isEqualTo("192.168.1.12");
		assertThat(updated.wol()).isNull();
		assertThat(updated.contentHash()).isNotEqualTo(created.contentHash());
		assertThat(updated.changeSeq()).isGreaterThan(created.changeSeq());
		assertThat(updated.createdAt()).isEqualTo(created.createdAt());

		this.api.delete().uri("/api/v1/nodes/crud-01").exchange().expectStatus().isNoContent();
		problem(this.api.get().uri("/api/v1/nodes/crud-01").exchange(), 404, "not-found");
	}

	@Test
	void pagesAndSearches() {
		for (int i = 1; i <= 7; i++) {
			this.api.post()
				.uri("/api/v1/nodes")
				.bodyValue(Fixtures.node("page-0" + i))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		Page<NodeView> second = this.api.get()
			.uri("/api/v1/nodes?search=PAGE-&page=1&size=3")
			.exchange()
			.expectBody(new ParameterizedTypeReference<Page<NodeView>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(second.total()).isEqualTo(7);
		assertThat(second.items()).extracting(NodeView::hostname).containsExactly("page-04", "page-05", "page-06");
		assertThat(list("no-such-thing").items()).isEmpty();
		assertThat(list("100%_").items()).isEmpty();
		invalidField(this.api.get().uri("/api/v1/nodes?size=501").exchange(), "size");
		invalidField(this.api.get().uri("/api/v1/nodes?page=-1").exchange(), "page");
	}

	@Test
	void refusesInvalidNodesNamingEveryBadField() {
		long before = list("").total();
		Map<String, Object> bad = Map.of("hostname", "Bad_Host", "ip", "300.1.1.1", "username", "Root", "ssh_port",
				70000, "microk8s_status", "sleeping", "wol", Map.of("mac", "not-a-mac", "port", 0));
		var problem = problem(this.api.post().uri("/api/v1/nodes").bodyValue(bad).exchange(), 400, "validation");
		assertThat(problem.errors()).extracting("field")
			.containsExactlyInAnyOrder("hostname", "ip", "username", "ssh_port", "microk8s_status", "wol.mac",
					"wol.port");
		assertThat(list("").total()).isEqualTo(before);
	}

	@Test
	void refusesMalformedRequests() {
		problem(this.api.post()
			.uri("/api/v1/nodes")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"hostname\":")
			.exchange(), 400, "malformed-request");
		invalidField(this.api.post().uri("/api/v1/nodes").bodyValue(Map.of("hostname", "n", "ssh_prot", 22)).exchange(),
				"ssh_prot");
		invalidField(
				this.api.post().uri("/api/v1/nodes").bodyValue(Map.of("hostname", "n", "ssh_port", "abc")).exchange(),
				"ssh_port");
		problem(this.api.post().uri("/api/v1/nodes").contentType(MediaType.APPLICATION_JSON).exchange(), 400,
				"malformed-request");
		problem(this.api.post().uri("/api/v1/nodes").contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange(),
				415, "unsupported-media-type");
		problem(this.api.patch().uri("/api/v1/nodes").exchange(), 405, "method-not-allowed");
	}

	@Test
	void refusesNumbersAndBooleansWhereTextIsExpected() {
		long before = list("").total();
		for (Object notText : new Object[] { 123, true, 1.5 }) {
			var problem = invalidField(this.api.post()
				.uri("/api/v1/nodes")
				.bodyValue(Map.of("hostname", notText, "ip", "10.9.0.1", "username", "ubuntu"))
				.exchange(), "hostname");
			assertThat(problem.errors()).singleElement()
				.satisfies((error) -> assertThat(error.message()).isEqualTo("expected a string"));
		}
		invalidField(this.api.post()
			.uri("/api/v1/nodes")
			.bodyValue(Map.of("hostname", "typed-01", "ip", 10, "username", "ubuntu"))
			.exchange(), "ip");
		invalidField(this.api.post()
			.uri("/api/v1/nodes")
			.bodyValue(Map.of("hostname", "typed-01", "ip", "10.9.0.1", "username", "ubuntu", "wol",
					Map.of("mac", 112233445566L)))
			.exchange(), "wol.mac");
		invalidField(this.api.put()
			.uri("/api/v1/nodes/typed-01")
			.bodyValue(Map.of("hostname", "typed-01", "ip", "10.9.0.1", "username", false))
			.exchange(), "username");
		assertThat(list("").total()).isEqualTo(before);

		// Free-form hardware facts still take any JSON value.
		NodeView created = this.api.post()
			.uri("/api/v1/nodes")
			.bodyValue(Map.of("hostname", "typed-02", "ip", "10.9.0.2", "username", "ubuntu", "hardware",
					Map.of("cpu", 8, "gpu", true, "ghz", 3.5, "model", "x")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(NodeView.class)
			.returnResult()
			.getResponseBody();
		assertThat(created.hardware()).containsEntry("cpu", 8).containsEntry("gpu", true).containsEntry("ghz", 3.5);
	}

	@Test
	void refusesDuplicatesUnknownKeysAndRenames() {
		this.api.post().uri("/api/v1/nodes").bodyValue(Fixtures.node("dup-01")).exchange().expectStatus().isCreated();
		var duplicate = problem(this.api.post().uri("/api/v1/nodes").bodyValue(Fixtures.node("dup-01")).exchange(), 409,
				"conflict");
		assertThat(duplicate.detail()).contains("dup-01");
		var unknownKey = invalidField(this.api.post()
			.uri("/api/v1/nodes")
			.bodyValue(Fixtures.node("dup-02", "10.0.0.2", "no-such-key"))
			.exchange(), "ssh_key");
		assertThat(unknownKey.errors().get(0).message()).contains("no-such-key");
		invalidField(this.api.put().uri("/api/v1/nodes/dup-01").bodyValue(Fixtures.node("dup-03")).exchange(),
				"hostname");
		problem(this.api.put().uri("/api/v1/nodes/missing").bodyValue(Fixtures.node("missing")).exchange(), 404,
				"not-found");
		problem(this.api.delete().uri("/api/v1/nodes/missing").exchange(), 404, "not-found");
		assertThat(list("dup-").items()).extracting(NodeView::hostname).containsExactly("dup-01");
	}

	@Test
	void refusesToDeleteANodeThatBelongsToACluster() {
		this.api.post()
			.uri("/api/v1/nodes")
			.bodyValue(Fixtures.node("member-01"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.api.post()
			.uri("/api/v1/clusters")
			.bodyValue(Fixtures.cluster("holds-member", "member-01"))
			.exchange()
			.expectStatus()
			.isCreated();
		var conflict = problem(this.api.delete().uri("/api/v1/nodes/member-01").exchange(), 409, "conflict");
		assertThat(conflict.detail()).contains("holds-member");
		this.api.get().uri("/api/v1/nodes/member-01").exchange().expectStatus().isOk();
	}

	private Page<NodeView> list(String search) {
		return this.api.get()
			.uri((uri) -> uri.path("/api/v1/nodes").queryParam("search", search).build())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Page<NodeView>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
