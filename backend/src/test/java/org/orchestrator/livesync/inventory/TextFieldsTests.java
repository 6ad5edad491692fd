package org.orchestrator.livesync.inventory;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.internal.cluster.Cluster;
import org.orchestrator.livesync.inventory.internal.node.Node;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.Problem;

import static org.assertj.core.api.Assertions.assertThat;

class TextFieldsTests {

	private static java.util.List<String> badFields(Class<?> type, String json) {
		Violations violations = new Violations().nested("[2]");
		TextFields.check(type, TestServer.JSON.readTree(json), violations);
		return violations.errors().stream().map(Problem.FieldError::field).toList();
	}

	@Test
	void acceptsItemsWhoseTextFieldsAreStrings() {
		JsonNode node = TestServer.JSON.valueToTree(Fixtures.node("text-01"));
		Violations violations = new Violations();
		TextFields.check(Node.class, node, violations);
		assertThat(violations.errors()).isEmpty();
		assertThat(badFields(Cluster.class, TestServer.JSON.writeValueAsString(Fixtures.cluster("c", "a", "b"))))
			.isEmpty();
	}

	@Test
	void namesEveryTextFieldHoldingANumberBooleanOrStructure() {
		assertThat(badFields(Node.class,
				"{\"hostname\":\"n\",\"ip\":10,\"username\":true,\"ssh_key\":1.5,\"microk8s_status\":{},"
						+ "\"wol\":{\"mac\":112233445566,\"broadcast\":[\"x\"]}}"))
			.containsExactlyInAnyOrder("[2].ip", "[2].username", "[2].ssh_key", "[2].microk8s_status", "[2].wol.mac",
					"[2].wol.broadcast");
		assertThat(badFields(Cluster.class,
				"{\"name\":\"c\",\"description\":false,\"nodes\":[{\"hostname\":\"a\"},{\"hostname\":2,\"role\":3}]}"))
			.containsExactlyInAnyOrder("[2].description", "[2].nodes[1].hostname", "[2].nodes[1].role");
	}

	@Test
	void leavesFreeFormObjectsAndNonTextFieldsAlone() {
		assertThat(badFields(Node.class,
				"{\"hostname\":\"n\",\"ssh_port\":22,\"hardware\":{\"cpu\":8,\"gpu\":true,\"name\":1.5},"
						+ "\"wol\":{\"enabled\":true,\"port\":9}}"))
			.isEmpty();
		assertThat(badFields(Cluster.class, "{\"name\":\"c\",\"ha_enabled\":true,\"settings\":{\"replicas\":3}}"))
			.isEmpty();
	}

}
