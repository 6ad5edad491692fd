package org.orchestrator.livesync.inventory.internal.configuration;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.ProblemAssert.invalidField;
import static org.orchestrator.livesync.support.ProblemAssert.problem;

class ConfigurationApiIntegrationTests {

	@RegisterExtension
	static TestServer server = new TestServer();

	private final WebTestClient api = server.operator();

	@Test
	void createsReadsUpdatesAndDeletesConfigurations() {
		ConfigurationView created = this.api.post()
			.uri("/api/v1/configurations")
			.bodyValue(Fixtures.playbook("install-microk8s"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ConfigurationView.class)
			.returnResult()
			.getResponseBody();
		assertThat(created.kind()).isEqualTo("playbook");
		assertThat(created.content()).isEqualTo(Fixtures.playbook("x").content());

		ConfigurationView updated = this.api.put()
			.uri("/api/v1/configurations/install-microk8s")
			.bodyValue(Map.of("content", "replicas: 5\n"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(ConfigurationView.class)
			.returnResult()
			.getResponseBody();
		assertThat(updated.kind()).isEqualTo("config");
		assertThat(updated.content()).isEqualTo("replicas: 5\n");

		this.api.get()
			.uri("/api/v1/configurations?search=replicas")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(1);
		this.api.delete().uri("/api/v1/configurations/install-microk8s").exchange().expectStatus().isNoContent();
	}

	@Test
	void explainsWhereTheYamlIsBroken() {
		var problem = invalidField(this.api.post()
			.uri("/api/v1/configurations")
			.bodyValue(Map.of("name", "broken", "content", "a: 1\nb: [oops\n"))
			.exchange(), "content");
		assertThat(problem.errors().get(0).message()).contains("line 3");
		invalidField(this.api.post()
			.uri("/api/v1/configurations")
			.bodyValue(Map.of("name", "not-a-playbook", "kind", "playbook", "content", "hosts: all\n"))
			.exchange(), "content");
		invalidField(this.api.post()
			.uri("/api/v1/configurations")
			.bodyValue(Map.of("name", "big", "content", "a: \"" + "x".repeat(1024 * 1024) + "\"\n"))
			.exchange(), "content");
		problem(this.api.get().uri("/api/v1/configurations/broken").exchange(), 404, "not-found");
	}

}
