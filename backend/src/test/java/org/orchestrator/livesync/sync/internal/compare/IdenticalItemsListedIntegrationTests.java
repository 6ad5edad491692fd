package org.orchestrator.livesync.sync.internal.compare;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.Items.keys;

/**
 * A comparison lists the identical items its summary counts, also those it did not
 * compare one by one: the items of a kind whose digests agree (the demo's SSH keys), and
 * after a sync everything an incremental compare did not look at. Between real servers A
 * and B.
 */
class IdenticalItemsListedIntegrationTests {

	static final Map<String, String> EVERYTHING = Map.of("nodes", "all", "clusters", "all", "ssh_keys", "all",
			"configurations", "all");

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b");

	@Test
	void theIdenticalItemsAreListedAsTheSummaryCountsThem() {
		for (TestServer server : List.of(a, b)) {
			create(server, Fixtures.sshKey("alike-key"));
			create(server, Fixtures.node("alike-01", "10.70.0.1", "alike-key"));
			create(server, Fixtures.node("alike-02", "10.70.0.2", null));
		}
		create(a, Fixtures.node("only-on-a", "10.70.0.3", null));

		JsonNode session = SyncJobs.session(a, b.baseUrl());
		JsonNode first = session.get("comparison");
		assertThat(first.at("/method/mode").asString()).isEqualTo("full");
		// The nodes differ, so they are compared by hashes; the SSH keys' digests agree.
		assertThat(keys(first.at("/nodes/identical"))).containsExactlyInAnyOrder("alike-01", "alike-02");
		assertThat(keys(first.at("/ssh_keys/identical"))).containsExactly("alike-key");
		assertThat(first.at("/ssh_keys/identical/0/local_hash").asString())
			.isEqualTo(first.at("/ssh_keys/identical/0/remote_hash").asString())
			.isNotEmpty();
		assertThat(first.at("/summary/identical").asLong()).isEqualTo(3).isEqualTo(listedIdentical(first));
		assertThat(first.get("truncated").asBoolean()).as("nothing was cut").isFalse();

		SyncJobs.complete(a, Map.of("session_id", session.get("session_id").asString(), "selection", EVERYTHING,
				"direction", "push"));
		JsonNode after = SyncJobs.session(a, b.baseUrl()).get("comparison");
		assertThat(after.at("/method/mode").asString()).isEqualTo("incremental");
		assertThat(after.at("/summary/identical").asLong()).isEqualTo(after.at("/summary/total").asLong())
			.isEqualTo(4)
			.isEqualTo(listedIdentical(after));
		assertThat(keys(after.at("/nodes/identical"))).containsExactlyInAnyOrder("alike-01", "alike-02", "only-on-a");
		assertThat(after.get("truncated").asBoolean()).isFalse();
	}

	/** How many identical items the lists of every kind hold. */
	private static long listedIdentical(JsonNode comparison) {
		return List.of("nodes", "clusters", "ssh_keys", "configurations")
			.stream()
			.mapToLong((kind) -> comparison.path(kind).path("identical").size())
			.sum();
	}

}
