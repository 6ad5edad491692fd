package org.orchestrator.livesync.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** NUL is refused wherever JSON can carry text, and the refusal names the field. */
class NulCharactersTests {

	private static final JsonMapper JSON = NulCharacters
		.refuseNul(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
		.build();

	record Member(String hostname, String role) {
	}

	record Item(String name, List<String> tags, Map<String, Object> settings, JsonNode tree, List<Member> nodes) {
	}

	@Test
	void namesTheFieldHoldingTheNul() {
		assertThat(refusedField("{\"name\":\"a\\u0000b\"}")).isEqualTo("name");
		assertThat(refusedField("{\"tags\":[\"ok\",\"\\u0000\"]}")).isEqualTo("tags[1]");
		assertThat(refusedField("{\"settings\":{\"a\":{\"b\":[1,\"x\\u0000\"]}}}")).isEqualTo("settings.a.b");
		assertThat(refusedField("{\"settings\":{\"a\\u0000\":1}}")).isEqualTo("settings");
		assertThat(refusedField("{\"settings\":{\"a\":{\"\\u0000\":1}}}")).isEqualTo("settings.a");
		assertThat(refusedField("{\"tree\":{\"k\":[\"\\u0000\"]}}")).isEqualTo("tree.k[0]");
		assertThat(refusedField("{\"nodes\":[{\"hostname\":\"n\"},{\"role\":\"\\u0000\"}]}"))
			.isEqualTo("nodes[1].role");
	}

	@Test
	void refusesNulInTreesAndUntypedValues() {
		assertThat(refused(() -> JSON.readerFor(JsonNode.class).readValue("[\"\\u0000\"]"))).isEqualTo("[0]");
		assertThat(refused(() -> JSON.readValue("{\"a\":\"\\u0000\"}", Object.class))).isEqualTo("a");
		// A tree made in code, then bound to an item.
		JsonNode tree = JSON.createObjectNode().put("name", "x\u0000");
		assertThat(refused(() -> JSON.treeToValue(tree, Item.class))).isEqualTo("name");
	}

	@Test
	void keepsEverythingElse() {
		Item item = JSON.readValue("{\"name\":\"a\\\\u0000\",\"settings\":{\"é\":\"\\u0001\"},\"tree\":[1]}",
				Item.class);
		assertThat(item.name()).isEqualTo("a\\u0000");
		assertThat(item.settings()).containsEntry("é", "\u0001");
	}

	private static String refusedField(String json) {
		return refused(() -> JSON.readValue(json, Item.class));
	}

	private static String refused(Runnable read) {
		Throwable failure = catchThrowable(read::run);
		if (failure == null) {
			return null;
		}
		ProblemException problem = Problems.from(failure);
		assertThat(problem.code()).isEqualTo("validation");
		assertThat(problem.errors()).singleElement().satisfies((error) -> assertThat(error.message()).contains("NUL"));
		return problem.errors().get(0).field();
	}

}
