package org.orchestrator.livesync.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemCodeTests {

	private static final Path MAIN = Path.of("src", "main", "java", "org", "orchestrator", "livesync");

	@Test
	void codesAreUniqueKebabCaseWireValues() {
		List<String> codes = Arrays.stream(ProblemCode.values()).map(ProblemCode::code).toList();
		assertThat(codes).doesNotHaveDuplicates().allMatch((code) -> code.matches("[a-z]+(-[a-z0-9]+)*"));
		assertThat(ProblemCode.values()).allSatisfy((code) -> {
			assertThat(code.title()).isNotBlank();
			assertThat(code.status().isError()).as(code.code()).isTrue();
		});
	}

	@Test
	void anExceptionFromACodeCarriesItsDefaults() {
		ProblemException problem = ProblemCode.RATE_LIMITED.exception("slow down");
		assertThat(problem.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(problem.toProblem("/x").code()).isEqualTo("rate-limited");
		assertThat(problem.toProblem("/x").type()).isEqualTo("urn:live-sync:problem:rate-limited");
		assertThat(problem.toProblem("/x").title()).isEqualTo("Too many requests");
		assertThat(problem.toProblem("/x").detail()).isEqualTo("slow down");
	}

	/** Every module uses the enum, sync included. */
	@Test
	void noCodeIsSpelledAsALiteralOutsideTheEnum() throws IOException {
		try (Stream<Path> files = Files.walk(MAIN)) {
			List<Path> sources = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.endsWith("ProblemCode.java"))
				.toList();
			assertThat(sources).isNotEmpty();
			for (Path source : sources) {
				String text = Files.readString(source);
				for (ProblemCode code : ProblemCode.values()) {
					assertThat(text).as("%s spells \"%s\": use ProblemCode.%s", source, code.code(), code.name())
						.doesNotContain("\"" + code.code() + "\"");
				}
			}
		}
	}

}
