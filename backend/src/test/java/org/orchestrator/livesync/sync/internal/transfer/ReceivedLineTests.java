package org.orchestrator.livesync.sync.internal.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReceivedLineTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void readsTheFieldsAndFindsTheItemInTheBytes() {
		ReceivedLine line = parse(
				"{\"action\":\"upsert\",\"content_hash\":\"ab\",\"item\":{\"a\":{\"b\":[1,{\"c\":\"}\"}]},"
						+ "\"d\":\"x\"},\"key\":\"node-01\",\"type\":\"node\"}");
		assertThat(line.type()).isEqualTo("node");
		assertThat(line.action()).isEqualTo("upsert");
		assertThat(line.key()).isEqualTo("node-01");
		assertThat(line.contentHash()).isEqualTo("ab");
		assertThat(line.hasItem()).isTrue();
		assertThat(line.item(JSON, Map.class))
			.isEqualTo(Map.of("a", Map.of("b", java.util.List.of(1, Map.of("c", "}"))), "d", "x"));
	}

	@Test
	void readsDeletesAndTheTrailer() {
		ReceivedLine delete = parse("{\"action\":\"delete\",\"content_hash\":null,\"key\":\"k\",\"type\":\"node\"}");
		assertThat(delete.isDelete()).isTrue();
		assertThat(delete.hasItem()).isFalse();
		ReceivedLine trailer = parse("{\"checksum\":\"sha256:00\",\"items\":12,\"type\":\"end\"}");
		assertThat(trailer.items()).isEqualTo(12);
		assertThat(trailer.checksum()).isEqualTo("sha256:00");
	}

	@Test
	void refusesWhatIsNotAPackageLine() {
		assertRejected("{\"type\":\"node\"", "line 7 of the package is not JSON");
		assertRejected("not json", "line 7 of the package is not JSON");
		assertRejected("[1, 2]", "is not a package line");
		assertRejected("{\"type\":5}", "is not a package line");
		assertRejected("{\"item\":\"text\"}", "is not a package line");
		assertRejected("{\"items\":\"many\"}", "is not a package line");
		assertRejected("{\"type\":\"node\"} {\"type\":\"node\"}", "is not a package line");
	}

	@Test
	void refusesControlCharactersAndBytesThatAreNotUtf8AsNotJson() {
		assertRejected("{\"type\":\"node\",\"key\":\"a\u0000b\"}", "line 7 of the package is not JSON");
		assertRejected("{\"type\":\"node\",\"key\":\"a\tb\"}", "line 7 of the package is not JSON");
		byte[] notUtf8 = "{\"type\":\"node\",\"key\":\"a?b\"}".getBytes(StandardCharsets.UTF_8);
		notUtf8[24] = (byte) 0xFF;
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> ReceivedLine.parse(JSON, notUtf8, 6))
			.withMessage("line 7 of the package is not JSON");
	}

	@Test
	void anEscapedNulIsTextForTheChecksThatFollow() {
		assertThat(parse("{\"type\":\"node\",\"key\":\"a\\u0000b\"}").key()).isEqualTo("a\u0000b");
	}

	@Test
	void refusesBlankLinesAndKeepsUnknownFieldsOut() {
		assertRejected("", "line 7 of the package is not a package line");
		assertRejected("   ", "line 7 of the package is not a package line");
		ReceivedLine line = parse("{\"type\":\"node\",\"base\":false,\"extra\":{\"a\":[1]},\"key\":\"k\"}");
		assertThat(line.key()).isEqualTo("k");
		assertThat(line.hasItem()).isFalse();
	}

	private static void assertRejected(String line, String reason) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> parse(line))
			.satisfies((ex) -> assertThat(ex.getMessage() + " " + ex.toString()).contains(reason));
	}

	private static ReceivedLine parse(String line) {
		return ReceivedLine.parse(JSON, line.getBytes(StandardCharsets.UTF_8), 6);
	}

}
