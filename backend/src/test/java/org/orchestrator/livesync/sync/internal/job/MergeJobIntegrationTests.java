package org.orchestrator.livesync.sync.internal.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.internal.cluster.Cluster;
import org.orchestrator.livesync.inventory.internal.node.Node;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.JobStreams;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.Items.find;

/**
 * Per-field merges and the operator's per-field decisions, with two real servers: an item
 * synced once, then changed on both sides, merges when the changes are in different
 * fields and both servers end with both changes; a field changed on both sides
 * differently waits for a decision, which the job applies to both.
 */
class MergeJobIntegrationTests {

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b");

	@Test
	void changesToDifferentFieldsMergeAndABothWaysJobGivesBothSidesBoth() {
		synced("merge-01");
		put(a, node("merge-01", "10.81.0.1", 8));
		put(b, node("merge-01", baseIp("merge-01"), 16));

		JsonNode session = session();
		JsonNode merged = find(session.at("/comparison/nodes/merged"), "key", "merge-01");
		assertThat(merged).as("%s", session.get("comparison")).isNotNull();
		assertThat(session.at("/comparison/summary/merged").asLong()).isPositive();
		assertThat(merged.get("merged_hash").asString()).hasSize(64)
			.isNotIn(merged.get("local_hash").asString(), merged.get("remote_hash").asString());
		assertThat(fields(merged)).containsEntry("ip", "local").containsEntry("hardware.cpu", "remote");
		assertThat(merged.get("changes")).allSatisfy((change) -> assertThat(change.has("conflict")).isFalse());

		List<ServerSentEvent<JsonNode>> events = job(session, "both", Map.of("nodes", List.of("merge-01")), null);
		assertThat(JobStreams.itemStatuses(events)).containsEntry("merge-01", "merged");
		JsonNode completed = last(events);
		assertThat(completed.get("verified").asBoolean()).as("%s", completed).isTrue();
		for (TestServer server : List.of(a, b)) {
			JsonNode node = get(server, "/api/v1/nodes/merge-01");
			assertThat(node.get("ip").asString()).as("this server's change").isEqualTo("10.81.0.1");
			assertThat(node.at("/hardware/cpu").asInt()).as("the remote's change").isEqualTo(16);
			assertThat(node.get("content_hash").asString()).isEqualTo(merged.get("merged_hash").asString());
		}
		JsonNode after = find(session().at("/comparison/nodes/identical"), "key", "merge-01");
		assertThat(after).as("both sides have the merge, and it is their base").isNotNull();
		assertThat(after.get("base_hash").asString()).isEqualTo(merged.get("merged_hash").asString());
	}

	@Test
	void oneWayAMergeIsAConflictThePolicyDecides() {
		synced("oneway-01");
		put(a, node("oneway-01", "10.81.0.2", 8));
		put(b, node("oneway-01", baseIp("oneway-01"), 16));

		List<ServerSentEvent<JsonNode>> push = job(session(), "push", Map.of("nodes", "all"), null);
		assertThat(JobStreams.itemStatuses(push)).containsEntry("oneway-01", "skipped_conflict");
		assertThat(get(b, "/api/v1/nodes/oneway-01").at("/hardware/cpu").asInt()).isEqualTo(16);
		assertThat(get(b, "/api/v1/nodes/oneway-01").get("ip").asString()).isEqualTo(baseIp("oneway-01"));
	}

	@Test
	void clusterMembersMergeMemberByMember() {
		for (String host : List.of("member-01", "member-02", "member-03", "member-04")) {
			create(a, Fixtures.node(host));
		}
		create(a, Fixtures.cluster("merge-cluster", "member-01", "member-02"));
		SyncJobs.complete(a, Map.of("session_id", session().get("session_id").asString(), "selection",
				Map.of("nodes", "all", "clusters", List.of("merge-cluster")), "direction", "push"));
		// Here member-03 joins; there member-02 leaves and member-04 joins.
		put(a, "/api/v1/clusters/merge-cluster",
				Fixtures.cluster("merge-cluster", "member-01", "member-02", "member-03"));
		put(b, "/api/v1/clusters/merge-cluster", Fixtures.cluster("merge-cluster", "member-01", "member-04"));

		JsonNode session = session();
		JsonNode merged = find(session.at("/comparison/clusters/merged"), "key", "merge-cluster");
		assertThat(merged).as("%s", session.at("/comparison/clusters")).isNotNull();
		assertThat(fields(merged)).containsEntry("nodes[member-02]", "remote")
			.containsEntry("nodes[member-03]", "local")
			.containsEntry("nodes[member-04]", "remote");

		JsonNode completed = last(job(session, "both", Map.of("clusters", List.of("merge-cluster")), null));
		assertThat(completed.get("verified").asBoolean()).as("%s", completed).isTrue();
		for (TestServer server : List.of(a, b)) {
			JsonNode members = get(server, "/api/v1/clusters/merge-cluster").get("nodes");
			assertThat(members.findValuesAsString("hostname")).containsExactly("member-01", "member-03", "member-04");
		}
	}

	@Test
	void aConflictingFieldWaitsForTheOperatorWhoseChoicesTheJobAppliesToBothSides() {
		synced("choice-01", "choice-02");
		put(a, node("choice-01", "10.81.0.3", 4));
		put(b, node("choice-01", "10.80.0.3", 16));
		put(a, node("choice-02", "10.81.0.4", 8));
		put(b, node("choice-02", "10.80.0.4", 8));

		JsonNode session = session();
		JsonNode conflict = find(session.at("/comparison/nodes/conflict"), "key", "choice-01");
		assertThat(conflict).as("%s", session.get("comparison")).isNotNull();
		JsonNode ip = find(conflict.get("changes"), "field", "ip");
		assertThat(ip.get("conflict").asBoolean()).isTrue();
		assertThat(ip.get("changed_on").asString()).isEqualTo("both");
		assertThat(ip.get("base").asString()).isEqualTo(baseIp("choice-01"));
		assertThat(ip.get("local").asString()).isEqualTo("10.81.0.3");
		assertThat(ip.get("remote").asString()).isEqualTo("10.80.0.3");

		// Under manual, nothing moves without a decision.
		List<ServerSentEvent<JsonNode>> undecided = job(session, "both", Map.of("nodes", List.of("choice-01")), null);
		assertThat(JobStreams.itemStatuses(undecided)).containsEntry("choice-01", "skipped_conflict");
		assertThat(get(b, "/api/v1/nodes/choice-01").get("ip").asString()).isEqualTo("10.80.0.3");

		List<Map<String, Object>> resolutions = List.of(
				Map.of("kind", "nodes", "key", "choice-01", "fields", Map.of("ip", "remote", "hardware.cpu", "local")),
				Map.of("kind", "node", "key", "choice-02", "values", Map.of("ip", "10.89.0.4")));
		String jobId = SyncJobs.start(a, request(session(), "both", Map.of("nodes", List.of()), resolutions));
		List<ServerSentEvent<JsonNode>> events = JobStreams.events(a, jobId);
		assertThat(JobStreams.itemStatuses(events)).containsEntry("choice-01", "merged")
			.containsEntry("choice-02", "merged");
		assertThat(last(events).get("verified").asBoolean()).as("%s", last(events)).isTrue();
		for (TestServer server : List.of(a, b)) {
			JsonNode first = get(server, "/api/v1/nodes/choice-01");
			assertThat(first.get("ip").asString()).isEqualTo("10.80.0.3");
			assertThat(first.at("/hardware/cpu").asInt()).isEqualTo(4);
			assertThat(get(server, "/api/v1/nodes/choice-02").get("ip").asString()).isEqualTo("10.89.0.4");
		}
		JsonNode job = get(a, "/api/v1/sync/jobs/" + jobId);
		assertThat(job.get("started_by").asString()).as("who decided").isEqualTo("admin");
		assertThat(job.get("resolutions")).hasSize(2);
		assertThat(job.at("/resolutions/0/fields/ip").asString()).isEqualTo("remote");
	}

	@Test
	void resolutionsAreCheckedAndNeedBothWays() {
		JsonNode session = session();
		Map<String, Object> oneWay = request(session, "push", Map.of("nodes", List.of()),
				List.of(Map.of("kind", "nodes", "key", "node-01", "fields", Map.of("ip", "local"))));
		problem(oneWay, "resolutions");
		problem(request(session, "both", Map.of("nodes", List.of()),
				List.of(Map.of("kind", "nodes", "key", "node-01", "fields", Map.of("ip", "mine")))),
				"resolutions[0].fields.ip");
		problem(request(session, "both", Map.of("nodes", List.of()),
				List.of(Map.of("kind", "racks", "key", "r1", "fields", Map.of("ip", "local")))), "resolutions[0].kind");
	}

	@Test
	void baseContentsAreKeptOnBothSidesWithoutPrivateKeys() {
		create(a, Fixtures.sshKey("merge-key"));
		SyncJobs.complete(a, Map.of("session_id", session().get("session_id").asString(), "selection",
				Map.of("ssh_keys", List.of("merge-key")), "direction", "push"));
		String hash = get(a, "/api/v1/ssh-keys/merge-key").get("content_hash").asString();
		for (TestServer server : List.of(a, b)) {
			List<String> contents = server.bean(org.springframework.r2dbc.core.DatabaseClient.class)
				.sql("SELECT content FROM sync_base_contents WHERE content_hash = $1")
				.bind(0, hash)
				.map((row) -> row.get(0, String.class))
				.all()
				.collectList()
				.block();
			assertThat(contents).singleElement().satisfies((content) -> {
				assertThat(content).contains("\"private_key_fingerprint\":\"SHA256:").doesNotContain("PRIVATE KEY");
				assertThat(content).contains("\"name\":\"merge-key\"");
			});
		}
	}

	/** The nodes created here at their {@link #baseIp} with 8 CPUs and pushed there. */
	private static void synced(String... keys) {
		for (String key : keys) {
			create(a, node(key, baseIp(key), 8));
		}
		SyncJobs.complete(a, Map.of("session_id", session().get("session_id").asString(), "selection",
				Map.of("nodes", List.of(keys)), "direction", "push"));
	}

	/**
	 * One IP per node, in 10.70/16: a job checks what it would write against every node,
	 * the other tests' too, and refuses duplicate IPs.
	 */
	private static String baseIp(String hostname) {
		int spread = Math.floorMod(hostname.hashCode(), 250 * 250);
		return "10.70." + spread / 250 + "." + (spread % 250 + 1);
	}

	private static Node node(String hostname, String ip, int cpus) {
		Node node = Fixtures.node(hostname, ip, null);
		Map<String, Object> hardware = new HashMap<>(node.hardware());
		hardware.put("cpu", cpus);
		return new Node(hostname, ip, node.username(), node.sshPort(), null, node.microk8sStatus(), node.wol(),
				hardware);
	}

	private static void put(TestServer server, Node node) {
		put(server, "/api/v1/nodes/" + node.hostname(), node);
	}

	private static void put(TestServer server, String path, Object item) {
		server.operator().put().uri(path).bodyValue(item).exchange().expectStatus().isOk();
	}

	private static JsonNode get(TestServer server, String path) {
		return server.operator().get().uri(path).exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	/** Which side changed each differing field. */
	private static Map<String, String> fields(JsonNode entry) {
		Map<String, String> fields = new HashMap<>();
		entry.get("changes")
			.forEach((change) -> fields.put(change.get("field").asString(), change.get("changed_on").asString()));
		return fields;
	}

	private static List<ServerSentEvent<JsonNode>> job(JsonNode session, String direction, Object selection,
			List<Map<String, Object>> resolutions) {
		return SyncJobs.complete(a, request(session, direction, selection, resolutions));
	}

	private static Map<String, Object> request(JsonNode session, String direction, Object selection,
			List<Map<String, Object>> resolutions) {
		Map<String, Object> request = new HashMap<>(Map.of("session_id", session.get("session_id").asString(),
				"selection", selection, "direction", direction));
		if (resolutions != null) {
			request.put("resolutions", resolutions);
		}
		return request;
	}

	private static void problem(Map<String, Object> request, String field) {
		a.operator()
			.post()
			.uri("/api/v1/sync/jobs")
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == '" + field + "')]")
			.exists();
	}

	private static JsonNode session() {
		return SyncJobs.session(a, b.baseUrl());
	}

	private static JsonNode last(List<ServerSentEvent<JsonNode>> events) {
		return events.get(events.size() - 1).data();
	}

}
