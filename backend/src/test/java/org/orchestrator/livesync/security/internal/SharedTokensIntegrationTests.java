package org.orchestrator.livesync.security.internal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replicas of one server on one database accept each other's operator tokens, and tokens
 * outlive a restart; another server's tokens stay foreign. The signing key is stored
 * encrypted, never in the clear.
 */
class SharedTokensIntegrationTests {

	@RegisterExtension
	static TestServer first = new TestServer();

	@RegisterExtension
	static TestServer other = new TestServer();

	static TestServer replica;

	@BeforeAll
	static void replica() {
		replica = first.replica().start();
	}

	@AfterAll
	static void stop() {
		if (replica != null) {
			replica.close();
		}
	}

	@Test
	void aReplicaWithAnotherMasterKeysetDoesNotStart() {
		TestServer stranger = new TestServer().with("DATABASE_URL", first.database().toUrlWithPassword());
		assertThatThrownBy(stranger::start).rootCause()
			.isInstanceOf(StartupProblem.class)
			.hasMessageContaining("MASTER_KEY_FILE is not the keyset of this database");
	}

	@Test
	void aTokenFromOneReplicaOpensTheOtherButNoOtherServer() {
		String token = first.operatorToken();
		for (TestServer server : new TestServer[] { first, replica }) {
			server.anonymous()
				.get()
				.uri("/api/v1/nodes")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isOk();
		}
		other.anonymous()
			.get()
			.uri("/api/v1/nodes")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		String stored = first.bean(org.springframework.r2dbc.core.DatabaseClient.class)
			.sql("SELECT secret FROM server_secrets")
			.map((row) -> row.get(0, String.class))
			.one()
			.block();
		assertThat(stored).isNotBlank();
		assertThat(first.rows("server_secrets")).isOne();
	}

}
