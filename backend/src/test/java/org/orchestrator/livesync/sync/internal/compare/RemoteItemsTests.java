package org.orchestrator.livesync.sync.internal.compare;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RemoteItemsTests {

	private static final String HASH = "ab".repeat(32);

	@Test
	void readsAHashLineAndSkipsMetadataAndStats() {
		assertThat(RemoteItems.hash(TestServer.JSON.readTree("{\"type\":\"metadata\",\"server_id\":\"x\"}"))).isNull();
		assertThat(RemoteItems.hash(TestServer.JSON.readTree("{\"type\":\"stats\",\"total\":1}"))).isNull();
		var item = RemoteItems
			.hash(TestServer.JSON.readTree("{\"type\":\"node\",\"key\":\"n-1\",\"content_hash\":\"" + HASH + "\"}"));
		assertThat(item.kind()).isEqualTo(ItemKind.NODE);
		assertThat(item.key()).isEqualTo("n-1");
	}

	@Test
	void refusesAHashLineWhoseKeyOrHashIsNotAString() {
		for (String line : new String[] { "{\"type\":\"node\",\"key\":123,\"content_hash\":\"" + HASH + "\"}",
				"{\"type\":\"node\",\"key\":true,\"content_hash\":\"" + HASH + "\"}",
				"{\"type\":\"node\",\"key\":\"n-1\",\"content_hash\":" + "1".repeat(64) + "}" }) {
			assertThatExceptionOfType(ProblemException.class)
				.isThrownBy(() -> RemoteItems.hash(TestServer.JSON.readTree(line)))
				.satisfies((problem) -> assertThat(problem.code()).isEqualTo("remote-failed"));
		}
	}

}
