package org.orchestrator.livesync.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;

/**
 * The audit log on two real servers: logins, peer connects, jobs, applied packages and
 * rollbacks are recorded with who and from where, without a secret, and an entry edited
 * or deleted in the database breaks the chain where it was.
 */
class AuditIntegrationTests {

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b");

	@Test
	void whatOperatorsAndPeersDoIsRecordedAndAnEditedOrDeletedEntryIsFound() {
		a.anonymous()
			.post()
			.uri("/api/v1/auth/login")
			.bodyValue(Map.of("username", "admin", "password", "not-the-password"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		create(a, Fixtures.node("audit-01", "10.65.0.1", null));
		String job = SyncJobs.completeJob(a,
				Map.of("session_id", SyncJobs.session(a, b.baseUrl()).get("session_id").asString(), "selection",
						Map.of("nodes", List.of("audit-01")), "direction", "push"));
		String entry = b.operator()
			.get()
			.uri("/api/v1/sync/history?job=" + job)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.at("/items/0/id")
			.asString();
		b.operator()
			.post()
			.uri("/api/v1/sync/history/{id}/rollback", entry)
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isOk();

		JsonNode onA = audit(a, "");
		assertThat(actions(onA)).contains("login_failed", "login", "job_started", "job_finished");
		JsonNode failed = first(onA, "login_failed");
		assertThat(failed.get("actor").asString()).as("the admin's name was tried").isEqualTo("admin");
		assertThat(failed.get("client_address").asString()).isEqualTo("127.0.0.1");
		JsonNode finished = first(onA, "job_finished");
		assertThat(finished.at("/details/job_id").asString()).isEqualTo(job);
		assertThat(finished.at("/details/status").asString()).isEqualTo("completed");
		assertThat(finished.get("actor").asString()).isEqualTo("admin");

		JsonNode onB = audit(b, "");
		assertThat(actions(onB)).contains("peer_connected", "package_applied", "rollback");
		JsonNode applied = first(onB, "package_applied");
		assertThat(applied.at("/details/job_id").asString()).isEqualTo(job);
		assertThat(applied.at("/details/history_id").asString()).isEqualTo(entry);
		assertThat(applied.get("actor").asString()).as("who started the job on A").isEqualTo("admin");
		assertThat(first(onB, "rollback").at("/details/rollback_of").asString()).isEqualTo(entry);
		assertThat(audit(b, "?action=rollback").get("items")).hasSize(1);
		for (JsonNode log : List.of(onA, onB)) {
			assertThat(log.toString()).doesNotContain(Peers.SYNC_PASSWORD)
				.doesNotContain("not-the-password")
				.doesNotContain(a.operatorToken());
		}
		assertThat(verify(b).get("valid").asBoolean()).isTrue();

		// Edited in the database: the entry is found.
		DatabaseClient database = b.bean(DatabaseClient.class);
		long edited = first(onB, "package_applied").get("seq").asLong();
		database.sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = $1").bind(0, edited).then().block();
		JsonNode broken = verify(b);
		assertThat(broken.get("valid").asBoolean()).isFalse();
		assertThat(broken.get("first_broken_seq").asLong()).isEqualTo(edited);
		assertThat(broken.get("reason").asString()).contains("changed");

		// Deleted: the entry after it no longer follows its predecessor.
		database.sql("UPDATE audit_log SET actor = 'admin' WHERE seq = $1").bind(0, edited).then().block();
		assertThat(verify(b).get("valid").asBoolean()).isTrue();
		long next = database.sql("SELECT min(seq) FROM audit_log WHERE seq > $1")
			.bind(0, edited)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
		database.sql("DELETE FROM audit_log WHERE seq = $1").bind(0, edited).then().block();
		JsonNode gap = verify(b);
		assertThat(gap.get("valid").asBoolean()).isFalse();
		assertThat(gap.get("first_broken_seq").asLong()).isEqualTo(next);
		assertThat(gap.get("reason").asString()).contains("deleted");
	}

	@Test
	void badFiltersAreProblems() {
		a.operator().get().uri("/api/v1/audit?action=dance").exchange().expectStatus().isBadRequest();
		a.operator().get().uri("/api/v1/audit?size=501").exchange().expectStatus().isBadRequest();
		a.anonymous().get().uri("/api/v1/audit").exchange().expectStatus().isUnauthorized();
	}

	private static JsonNode audit(TestServer server, String query) {
		return server.operator()
			.get()
			.uri("/api/v1/audit" + query + (query.isEmpty() ? "?" : "&") + "size=500")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static JsonNode verify(TestServer server) {
		return server.operator()
			.get()
			.uri("/api/v1/audit/verify")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<String> actions(JsonNode page) {
		return page.get("items").findValuesAsString("action");
	}

	/** The oldest entry of an action (entries come newest first). */
	private static JsonNode first(JsonNode page, String action) {
		JsonNode found = null;
		for (JsonNode entry : page.get("items")) {
			if (action.equals(entry.get("action").asString())) {
				found = entry;
			}
		}
		assertThat(found).as("an entry %s in %s", action, page).isNotNull();
		return found;
	}

}
