package org.orchestrator.livesync.inventory.internal.configuration;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.system.Problem;

import static org.assertj.core.api.Assertions.assertThat;

class YamlContentTests {

	private static java.util.List<Problem.FieldError> errorsOf(String kind, String content) {
		Violations violations = new Violations();
		new Configuration("c", kind, content, null).validate(violations);
		return violations.errors();
	}

	@Test
	void acceptsYamlConfigsAndMultiDocumentFiles() {
		assertThat(errorsOf("config", "replicas: 3\nimage: {tag: '1.29'}\n")).isEmpty();
		assertThat(errorsOf("template", "a: 1\n---\nb: \"{{ value }}\"\n")).isEmpty();
	}

	@Test
	void pointsAtTheLineOfBrokenYaml() {
		assertThat(errorsOf("config", "a: 1\nb: [unclosed\n")).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("not valid YAML").contains("line 3"));
	}

	@Test
	void rejectsDuplicateKeys() {
		assertThat(errorsOf("config", "a: 1\na: 2\n")).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("duplicate key"));
	}

	@Test
	void refusesAliasBombs() {
		StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
		char previous = 'a';
		for (char name = 'b'; name <= 'z'; name++) {
			bomb.append(name).append(": &").append(name).append(" [");
			for (int i = 0; i < 9; i++) {
				bomb.append((i > 0) ? ", " : "").append('*').append(previous);
			}
			bomb.append("]\n");
			previous = name;
		}
		assertThat(errorsOf("config", bomb.toString())).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("not valid YAML"));
	}

	@Test
	void wantsAPlaybookToBeAListOfPlays() {
		assertThat(errorsOf("playbook", "- hosts: all\n  tasks: []\n")).isEmpty();
		assertThat(errorsOf("playbook", "hosts: all\n")).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("list of plays"));
	}

	@Test
	void rejectsUnknownKinds() {
		assertThat(errorsOf("script", "a: 1")).extracting(Problem.FieldError::field).containsExactly("kind");
	}

}
