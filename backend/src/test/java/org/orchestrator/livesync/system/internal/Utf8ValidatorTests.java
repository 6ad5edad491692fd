package org.orchestrator.livesync.system.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8ValidatorTests {

	@Test
	void acceptsWellFormedTextSplitAnywhere() {
		byte[] text = "{\"description\":\"Zürich – 東京 🚀 plain ascii that runs for a while\"}"
			.getBytes(StandardCharsets.UTF_8);
		for (int split = 0; split <= text.length; split++) {
			assertThat(check(text, split)).as("split at %d", split).isTrue();
		}
	}

	@Test
	void refusesWhatIsNotUtf8() {
		int[][] malformed = { { 0xFF }, { 0x80 }, { 0xC0, 0xAF }, { 0xC1, 0xBF }, { 0xE0, 0x80, 0xAF },
				{ 0xED, 0xA0, 0x80 }, { 0xF0, 0x80, 0x80, 0xAF }, { 0xF4, 0x90, 0x80, 0x80 },
				{ 0xF5, 0x80, 0x80, 0x80 }, { 0xE2, 0x82 }, { 0xE2, 0x28, 0xA1 }, { 0xC3 } };
		byte[] prefix = "{\"hostname\":\"a".getBytes(StandardCharsets.US_ASCII);
		for (int[] sequence : malformed) {
			byte[] bytes = Arrays.copyOf(prefix, prefix.length + sequence.length);
			for (int i = 0; i < sequence.length; i++) {
				bytes[prefix.length + i] = (byte) sequence[i];
			}
			for (int split = 0; split <= bytes.length; split++) {
				assertThat(check(bytes, split)).as("%s split at %d", Arrays.toString(sequence), split).isFalse();
			}
		}
	}

	/** The JDK's UTF-8 decoder, which refuses what RFC 3629 refuses, is the reference. */
	@Test
	void agreesWithTheJdkOnRandomBytes() {
		Random random = new Random(42);
		int valid = 0;
		for (int round = 0; round < 20_000; round++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(8); i > 0; i--) {
				int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
				text.appendCodePoint(Character.isSurrogate((char) codePoint) ? 'x' : codePoint);
			}
			byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
			if (bytes.length > 0 && random.nextBoolean()) {
				bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
			}
			boolean expected = jdkAccepts(bytes);
			valid += expected ? 1 : 0;
			assertThat(check(bytes, random.nextInt(bytes.length + 1))).as(Arrays.toString(bytes)).isEqualTo(expected);
		}
		assertThat(valid).as("valid samples").isBetween(5_000, 15_000);
	}

	private static boolean check(byte[] bytes, int split) {
		Utf8Validator validator = new Utf8Validator();
		validator.accept(ByteBuffer.wrap(bytes, 0, split));
		validator.accept(ByteBuffer.wrap(bytes, split, bytes.length - split));
		return validator.complete();
	}

	private static boolean jdkAccepts(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
