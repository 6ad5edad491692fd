package org.orchestrator.livesync.sync.internal.job;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.JobStreams;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.SyncJobs;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.sync.internal.HybridClock;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;
import static org.orchestrator.livesync.support.Nodes.ip;
import static org.orchestrator.livesync.support.Nodes.replace;

/**
 * The conflict policy {@code newest} decides by the hybrid logical clock stamped on every
 * change, not by wall-clock time: with this server's clock an hour fast, a change made on
 * the remote after it received a package from here is the newer one, and wins.
 */
class NewestPolicyIntegrationTests {

	private static final Duration SKEW = Duration.ofHours(1);

	@RegisterExtension
	static TestServer a = Peers.server("a");

	@RegisterExtension
	static TestServer b = Peers.server("b");

	@Test
	void theCausallyLaterChangeWinsThoughTheOtherServersClockIsAnHourAhead() {
		create(a, Fixtures.node("newest-01", "10.90.0.1", null));
		push("newest-01");
		skewClockOf(a);

		replace(a, "newest-01", "10.91.0.1");
		long stampHere = stamp(a, "newest-01");
		assertThat(HybridClock.millis(stampHere) - System.currentTimeMillis()).as("this server's clock is an hour fast")
			.isGreaterThan(SKEW.minusMinutes(5).toMillis());
		// Any package from here moves the remote's clock past this server's.
		create(a, Fixtures.node("newest-02"));
		push("newest-02");
		replace(b, "newest-01", "10.92.0.1");
		long stampThere = stamp(b, "newest-01");
		assertThat(stampThere).as("the remote's later change is stamped later, whatever its wall clock")
			.isGreaterThan(stampHere);
		assertThat(HybridClock.millis(stampThere)).as("by its own wall clock it is an hour earlier")
			.isGreaterThan(System.currentTimeMillis() + SKEW.minusMinutes(5).toMillis());

		List<ServerSentEvent<JsonNode>> events = SyncJobs.complete(a,
				Map.of("session_id", session().get("session_id").asString(), "selection",
						Map.of("nodes", List.of("newest-01")), "direction", "both", "conflict_policy", "newest"));
		assertThat(JobStreams.itemStatuses(events)).containsEntry("newest-01", "received");
		assertThat(ip(a, "newest-01")).isEqualTo("10.92.0.1");
		assertThat(ip(b, "newest-01")).isEqualTo("10.92.0.1");

		// And the other way round: a change here after a package from there is newer.
		replace(b, "newest-01", "10.93.0.1");
		create(b, Fixtures.node("newest-03"));
		SyncJobs.complete(a, Map.of("session_id", session().get("session_id").asString(), "selection",
				Map.of("nodes", List.of("newest-03")), "direction", "pull"));
		replace(a, "newest-01", "10.94.0.1");
		SyncJobs.complete(a, Map.of("session_id", session().get("session_id").asString(), "selection",
				Map.of("nodes", "all"), "direction", "both", "conflict_policy", "newest"));
		assertThat(ip(a, "newest-01")).isEqualTo("10.94.0.1");
		assertThat(ip(b, "newest-01")).isEqualTo("10.94.0.1");
	}

	@Test
	void withoutStampsNewestLeavesTheConflictToTheOperator() {
		create(a, Fixtures.node("unstamped-01", "10.95.0.1", null));
		push("unstamped-01");
		replace(a, "unstamped-01", "10.96.0.1");
		replace(b, "unstamped-01", "10.97.0.1");
		// As rows written before the clock existed (past the trigger that keeps stamps).
		for (TestServer server : List.of(a, b)) {
			server.bean(DatabaseClient.class)
				.sql("DO $$ BEGIN SET LOCAL session_replication_role = replica; "
						+ "UPDATE nodes SET changed_hlc = NULL WHERE hostname = 'unstamped-01'; END $$")
				.then()
				.block();
		}
		List<ServerSentEvent<JsonNode>> events = SyncJobs.complete(a,
				Map.of("session_id", session().get("session_id").asString(), "selection",
						Map.of("nodes", List.of("unstamped-01")), "direction", "both", "conflict_policy", "newest"));
		assertThat(JobStreams.itemStatuses(events)).containsEntry("unstamped-01", "skipped_conflict");
		assertThat(ip(a, "unstamped-01")).isEqualTo("10.96.0.1");
		assertThat(ip(b, "unstamped-01")).isEqualTo("10.97.0.1");
	}

	/** Restarts the server with the wall clock its database stamps by an hour fast. */
	private static void skewClockOf(TestServer server) {
		server.bean(DatabaseClient.class)
			.sql("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET live_sync.clock_skew_ms = %L', "
					+ "current_database(), '" + SKEW.toMillis() + "'); END $$")
			.then()
			.block();
		server.stop();
		server.start();
	}

	private static long stamp(TestServer server, String hostname) {
		return server.bean(DatabaseClient.class)
			.sql("SELECT changed_hlc FROM nodes WHERE hostname = $1")
			.bind(0, hostname)
			.map((row) -> row.get(0, Long.class))
			.one()
			.block();
	}

	private static void push(String hostname) {
		SyncJobs.complete(a, Map.of("session_id", session().get("session_id").asString(), "selection",
				Map.of("nodes", List.of(hostname)), "direction", "push"));
	}

	private static JsonNode session() {
		return SyncJobs.session(a, b.baseUrl());
	}

}
