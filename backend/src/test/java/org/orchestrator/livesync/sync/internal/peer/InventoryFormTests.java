package org.orchestrator.livesync.sync.internal.peer;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Which form of the inventory a caller gets for its {@code Accept} header. */
class InventoryFormTests {

	@Test
	void theDocumentUnlessTheCallerPrefersLines() {
		assertThat(lines("application/json, application/x-ndjson")).isFalse();
		assertThat(lines("application/x-ndjson, application/json")).isTrue();
		assertThat(lines("application/x-ndjson")).isTrue();
		assertThat(lines("application/json;q=0.5, application/x-ndjson")).isTrue();
		assertThat(lines("application/x-ndjson;q=0.1, application/json")).isFalse();
		assertThat(lines("*/*")).isFalse();
		assertThat(lines("application/*, application/x-ndjson;q=0.9")).isFalse();
		assertThat(lines("text/html")).isFalse();
	}

	private static boolean lines(String accept) {
		return PeerReadController.prefersLines(MediaType.parseMediaTypes(accept));
	}

}
