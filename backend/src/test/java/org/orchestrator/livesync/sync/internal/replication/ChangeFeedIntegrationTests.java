package org.orchestrator.livesync.sync.internal.replication;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.system.internal.startup.DatabaseUrl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;

/**
 * The change feed against a real database: the stable watermark is not handed out while a
 * change numbered below it is still uncommitted, and the feed leaves out what a peer's
 * own package wrote.
 */
class ChangeFeedIntegrationTests {

	@RegisterExtension
	static TestServer server = new TestServer();

	@Test
	void noWatermarkPassesAChangeThatIsNotCommittedYet() throws SQLException {
		ChangeFeed feed = server.bean(ChangeFeed.class);
		create(server, Fixtures.node("feed-open-01", "10.71.0.1", null));
		long before = feed.stableWatermark().block();
		try (Connection open = connect(server.database()); Statement statement = open.createStatement()) {
			open.setAutoCommit(false);
			statement.executeUpdate(changed("feed-open-01"));
			assertThat(feed.stableWatermark().blockOptional())
				.as("a change that takes a number and has not committed holds the watermark back")
				.isEmpty();
			open.commit();
		}
		long after = feed.stableWatermark().block();
		assertThat(after).isGreaterThan(before);
		assertThat(feed.since(before, "some-peer", 100).collectList().block())
			.containsExactly(ItemKey.of(org.orchestrator.livesync.inventory.ItemKind.NODE, "feed-open-01"));
	}

	@Test
	void theFeedLeavesOutWhatThePeersOwnPackageWroteAndListsDeletions() throws SQLException {
		ChangeFeed feed = server.bean(ChangeFeed.class);
		create(server, Fixtures.node("feed-own-01", "10.71.2.1", null));
		create(server, Fixtures.node("feed-own-02", "10.71.2.2", null));
		long before = feed.stableWatermark().block();
		try (Connection connection = connect(server.database()); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute("SELECT set_config('live_sync.origin', 'peer-p', true)");
			statement.executeUpdate(changed("feed-own-01"));
			connection.commit();
			statement.executeUpdate("DELETE FROM nodes WHERE hostname = 'feed-own-02'");
			connection.commit();
		}
		assertThat(feed.since(before, "peer-p", 100).collectList().block()).extracting(ItemKey::key)
			.containsExactly("feed-own-02");
		assertThat(feed.since(before, "peer-q", 100).collectList().block()).extracting(ItemKey::key)
			.containsExactlyInAnyOrder("feed-own-01", "feed-own-02");
	}

	/** An update that changes a node's content (its hash, which the server computes). */
	private static String changed(String hostname) {
		return "UPDATE nodes SET content_hash = encode(sha256(convert_to(content_hash, 'UTF8')), 'hex') "
				+ "WHERE hostname = '" + hostname + "'";
	}

	private static Connection connect(DatabaseUrl database) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", database.username());
		if (database.password() != null) {
			properties.setProperty("password", database.password());
		}
		return DriverManager.getConnection(database.jdbcUrl(), properties);
	}

}
