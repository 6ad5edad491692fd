package org.orchestrator.livesync.sync.internal.compare;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

class FieldDiffTests {

	private static java.util.List<FieldChange> diff(String local, String remote) {
		return FieldDiff.between(TestServer.JSON.readTree(local), TestServer.JSON.readTree(remote));
	}

	@Test
	void walksIntoObjectsAndNamesTheDeepField() {
		assertThat(diff("{\"ip\": \"10.0.0.1\", \"hardware\": {\"cpu\": 4, \"ram\": 8}}",
				"{\"ip\": \"10.0.0.1\", \"hardware\": {\"cpu\": 8, \"ram\": 8}}"))
			.extracting(FieldChange::field)
			.containsExactly("hardware.cpu");
	}

	@Test
	void comparesNumbersByValueAndListsAsAWhole() {
		assertThat(diff("{\"ram\": 8, \"nodes\": [\"a\", \"b\"]}", "{\"ram\": 8.0, \"nodes\": [\"a\", \"b\"]}"))
			.isEmpty();
		assertThat(diff("{\"nodes\": [\"a\", \"b\"]}", "{\"nodes\": [\"b\", \"a\"]}")).extracting(FieldChange::field)
			.containsExactly("nodes");
	}

	@Test
	void aFieldOnOneSideOnlyShowsWithNullOnTheOther() {
		var changes = diff("{\"ip\": \"10.0.0.1\", \"notes\": null}", "{\"ip\": \"10.0.0.1\", \"os\": \"linux\"}");
		assertThat(changes).hasSize(1);
		assertThat(changes.get(0).field()).isEqualTo("os");
		assertThat(changes.get(0).local()).isNull();
		assertThat(changes.get(0).remote().stringValue()).isEqualTo("linux");
	}

	@Test
	void anObjectReplacedByAScalarIsOneChange() {
		assertThat(diff("{\"hardware\": {\"cpu\": 4}}", "{\"hardware\": \"none\"}")).extracting(FieldChange::field)
			.containsExactly("hardware");
	}

}
