package org.orchestrator.livesync.sync.internal.compare;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages.HashLine;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.StrictStrings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RemoteItemsTests {

	private static final String HASH = "ab".repeat(32);

	/** The mapper RemoteClient reads peer answers with: snake_case, strings strict. */
	private static final JsonMapper PEER_JSON = StrictStrings
		.refuseScalarsAsStrings(JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
		.build();

	private static HashLine line(String json) {
		return PEER_JSON.readValue(json, HashLine.class);
	}

	@Test
	void readsAHashLineAndSkipsMetadataAndStats() {
		assertThat(RemoteItems.hash(line("{\"type\":\"metadata\",\"server_id\":\"x\"}"))).isNull();
		assertThat(RemoteItems.hash(line("{\"type\":\"stats\",\"total\":1}"))).isNull();
		var item = RemoteItems.hash(line("{\"type\":\"node\",\"key\":\"n-1\",\"content_hash\":\"" + HASH + "\"}"));
		assertThat(item.kind()).isEqualTo(ItemKind.NODE);
		assertThat(item.key()).isEqualTo("n-1");
	}

	@Test
	void refusesAHashLineWhoseKeyOrHashIsNotAString() {
		for (String json : new String[] { "{\"type\":\"node\",\"key\":123,\"content_hash\":\"" + HASH + "\"}",
				"{\"type\":\"node\",\"key\":true,\"content_hash\":\"" + HASH + "\"}",
				"{\"type\":\"node\",\"key\":\"n-1\",\"content_hash\":" + "1".repeat(64) + "}" }) {
			assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> line(json));
		}
	}

	@Test
	void refusesAnItemLineWithoutKeyOrWithABadHash() {
		for (HashLine bad : new HashLine[] { new HashLine("node", null, HASH, null),
				new HashLine("node", "n-1", "XYZ", null), new HashLine("gadget", "n-1", HASH, null) }) {
			assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> RemoteItems.hash(bad))
				.satisfies((problem) -> assertThat(problem.code()).isEqualTo("remote-failed"));
		}
	}

}
