package org.orchestrator.livesync.inventory.internal.cluster;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

class ClusterApiIntegrationTests {

	@RegisterExtension
	static TestServer server = new TestServer();

	private final WebTestClient api = server.operator();

	@BeforeAll
	static void nodes() {
		for (String hostname : List.of("c-01", "c-02", "c-03", "c-04")) {
			server.operator()
				.post()
				.uri("/api/v1/nodes")
				.bodyValue(Fixtures.node(hostname))
				.exchange()
				.expectStatus()
				.isCreated();
		}
	}

	@Test
	void createsAClusterWithNodeRolesAndReplacesItsMembers() {
		ClusterView created = this.api.post()
			.uri("/api/v1/clusters")
			.bodyValue(Fixtures.cluster("staging", "c-02", "c-01"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ClusterView.class)
			.returnResult()
			.getResponseBody();
		assertThat(created.nodes()).containsExactly(new Cluster.Member("c-01", "worker"),
				new Cluster.Member("c-02", "control-plane"));
		assertThat(created.settings()).containsEntry("addons", List.of("dns", "ingress"));

		ClusterView updated = this.api.put()
			.uri("/api/v1/clusters/staging")
			.bodyValue(Map.of("ha_enabled", true, "nodes",
					List.of(Map.of("hostname", "c-01"), Map.of("hostname", "c-02"), Map.of("hostname", "c-03"))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ClusterView.class)
			.returnResult()
			.getResponseBody();
		assertThat(updated.nodes()).extracting(Cluster.Member::role).containsOnly("control-plane");
		assertThat(updated.nodes()).hasSize(3);
		assertThat(updated.haEnabled()).isTrue();
		assertThat(updated.contentHash()).isNotEqualTo(created.contentHash());

		this.api.delete().uri("/api/v1/clusters/staging").exchange().expectStatus().isNoContent();
		// Its nodes are free again.
		this.api.post()
			.uri("/api/v1/clusters")
			.bodyValue(Fixtures.cluster("again", "c-01"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.api.delete().uri("/api/v1/clusters/again").exchange().expectStatus().isNoContent();
	}

	@Test
	void namesNodesThatDoNotExistOrBelongElsewhere() {
		this.api.post()
			.uri("/api/v1/clusters")
			.bodyValue(Fixtures.cluster("owner", "c-04"))
			.exchange()
			.expectStatus()
			.isCreated();
		var problem = problem(this.api.post()
			.uri("/api/v1/clusters")
			.bodyValue(Fixtures.cluster("greedy", "c-03", "ghost-01", "c-04"))
			.exchange(), 400, "validation");
		assertThat(problem.errors()).extracting("field", "message")
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("nodes[1].hostname", "no node named 'ghost-01' exists"),
					org.assertj.core.groups.Tuple.tuple("nodes[2].hostname",
							"node 'c-04' already belongs to cluster 'owner'"));
		problem(this.api.get().uri("/api/v1/clusters/greedy").exchange(), 404, "not-found");
	}

	@Test
	void refusesInvalidClusters() {
		var problem = problem(this.api.post()
			.uri("/api/v1/clusters")
			.bodyValue(Map.of("name", "", "nodes",
					List.of(Map.of("hostname", "c-01", "role", "boss"), Map.of("hostname", "c-01"))))
			.exchange(), 400, "validation");
		assertThat(problem.errors()).extracting("field")
			.containsExactlyInAnyOrder("name", "nodes[0].role", "nodes[1].hostname");
		var notText = problem(this.api.post()
			.uri("/api/v1/clusters")
			.bodyValue(Map.of("name", "typed", "nodes", List.of(Map.of("hostname", "c-01"), Map.of("hostname", 2))))
			.exchange(), 400, "validation");
		assertThat(notText.errors()).extracting("field", "message")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("nodes[1].hostname", "expected a string"));
		invalidField(this.api.post().uri("/api/v1/clusters").bodyValue(Map.of("name", true)).exchange(), "name");
		invalidField(this.api.post()
			.uri("/api/v1/clusters")
			.bodyValue(Map.of("name", "typed", "description", 1.5))
			.exchange(), "description");
		problem(this.api.get().uri("/api/v1/clusters/typed").exchange(), 404, "not-found");
		invalidField(this.api.put().uri("/api/v1/clusters/x").bodyValue(Fixtures.cluster("y")).exchange(), "name");
		this.api.post().uri("/api/v1/clusters").bodyValue(Map.of("name", "dup")).exchange().expectStatus().isCreated();
		problem(this.api.post().uri("/api/v1/clusters").bodyValue(Map.of("name", "dup")).exchange(), 409, "conflict");
		problem(this.api.delete().uri("/api/v1/clusters/nope").exchange(), 404, "not-found");
	}

}
