package org.orchestrator.livesync.system.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request schemas of {@code openapi.yaml} accept what the server accepts and refuse
 * what it refuses, for the bodies Java types cannot describe alone: selections, imports
 * and compared inventories. A generated client can only send what these allow.
 */
class RequestSchemasTests {

	private static final ContractSchemas CONTRACT = new ContractSchemas(Path.of("..", "openapi.yaml"));

	private static final String JOBS = "/api/v1/sync/jobs";

	private static final String IMPORT = "/api/v1/inventory/import";

	@Test
	void aSelectionIsAllOrPerKindAllOrKeys() {
		assertThat(job("\"all\"")).isTrue();
		assertThat(job("{\"nodes\": [\"node-01\"], \"clusters\": \"all\"}")).isTrue();
		assertThat(job("{\"ssh_keys\": [], \"configurations\": \"all\"}")).isTrue();
		assertThat(job("{\"nodes\": [\"node-01\"], \"clusters\": null}")).as("null leaves a kind alone").isTrue();

		assertThat(job("\"everything\"")).isFalse();
		assertThat(job("{}")).isFalse();
		assertThat(job("{\"node\": [\"node-01\"]}")).isFalse();
		assertThat(job("{\"nodes\": \"some\"}")).isFalse();
		assertThat(job("{\"nodes\": [1]}")).isFalse();
		assertThat(job("{\"nodes\": 5}")).isFalse();
		assertThat(job("{\"nodes\": {\"key\": \"node-01\"}}")).isFalse();
		assertThat(job("[\"node-01\"]")).isFalse();
	}

	@Test
	void anImportItemNamesItsKindAndHasItsFields() {
		String node = "{\"type\": \"node\", \"hostname\": \"node-01\", \"ip\": \"10.0.0.1\", \"username\": \"ubuntu\"}";
		String cluster = "{\"type\": \"cluster\", \"name\": \"prod\", \"nodes\": [{\"hostname\": \"node-01\"}]}";
		assertThat(CONTRACT.requestMatches("POST", IMPORT, "application/json", "[" + node + ", " + cluster + "]"))
			.isTrue();
		assertThat(CONTRACT.requestMatches("POST", IMPORT, "application/x-ndjson", node)).isTrue();

		assertThat(importing("{\"hostname\": \"node-01\", \"ip\": \"10.0.0.1\", \"username\": \"ubuntu\"}"))
			.as("no type")
			.isFalse();
		assertThat(importing("{\"type\": \"cluster\", \"hostname\": \"node-01\", \"ip\": \"10.0.0.1\", "
				+ "\"username\": \"ubuntu\"}"))
			.as("a node's fields under the cluster type")
			.isFalse();
		assertThat(importing("{\"type\": \"router\", \"name\": \"r1\"}")).as("unknown type").isFalse();
	}

	@Test
	void aComparedInventoryHasItsMetadataAndHashedItems() {
		String metadata = "{\"server_id\": \"a\", \"server_name\": \"A\", \"version\": \"1\", \"format_version\": 1, "
				+ "\"generated_at\": \"2026-01-01T00:00:00Z\"}";
		String stats = "{\"nodes\": 1, \"clusters\": 0, \"ssh_keys\": 0, \"configurations\": 0, \"total\": 1}";
		String item = "{\"hostname\": \"node-01\", \"ssh_port\": 22, \"hardware\": {\"cpu\": 8}, \"content_hash\": \"ab\"}";
		assertThat(compare("{\"metadata\": " + metadata + ", \"nodes\": [" + item + "], \"clusters\": [], "
				+ "\"ssh_keys\": [], \"configurations\": [], \"stats\": " + stats + "}"))
			.isTrue();
		assertThat(compare("{\"metadata\": " + metadata + ", \"nodes\": [{\"hostname\": \"node-01\"}], "
				+ "\"clusters\": [], \"ssh_keys\": [], \"configurations\": [], \"stats\": " + stats + "}"))
			.as("an item without its hash")
			.isFalse();
	}

	private static boolean job(String selection) {
		return CONTRACT.requestMatches("POST", JOBS, "application/json",
				"{\"session_id\": \"s\", \"selection\": " + selection + "}");
	}

	private static boolean importing(String item) {
		return CONTRACT.requestMatches("POST", IMPORT, "application/json", "[" + item + "]");
	}

	private static boolean compare(String inventory) {
		return CONTRACT.requestMatches("POST", "/api/v1/sync/compare", "application/json",
				"{\"remote_inventory\": " + inventory + "}");
	}

}
