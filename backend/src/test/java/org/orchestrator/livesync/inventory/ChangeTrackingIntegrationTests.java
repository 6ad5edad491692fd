package org.orchestrator.livesync.inventory;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.inventory.internal.node.NodeView;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.TestServer;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What sync builds on: content hashes, change sequence numbers, tombstones, a stable
 * server id.
 */
class ChangeTrackingIntegrationTests {

	@RegisterExtension
	static TestServer server = new TestServer();

	private final WebTestClient api = server.operator();

	@Test
	void numbersRealChangesOnlyAndLeavesATombstoneOnDelete() {
		NodeView created = save("track-01", Fixtures.node("track-01"));
		NodeView same = put("track-01", Fixtures.node("track-01"));
		assertThat(same.changeSeq()).isEqualTo(created.changeSeq());
		assertThat(same.updatedAt()).isEqualTo(created.updatedAt());

		NodeView changed = put("track-01", Fixtures.node("track-01", "10.9.9.9", null));
		assertThat(changed.changeSeq()).isGreaterThan(created.changeSeq());

		this.api.delete().uri("/api/v1/nodes/track-01").exchange().expectStatus().isNoContent();
		Map<String, Object> tombstone = tombstone("track-01");
		assertThat(tombstone).containsEntry("content_hash", changed.contentHash());
		assertThat((Long) tombstone.get("change_seq")).isGreaterThan(changed.changeSeq());

		NodeView recreated = save("track-01", Fixtures.node("track-01"));
		assertThat(recreated.contentHash()).isEqualTo(created.contentHash());
		assertThat(recreated.changeSeq()).isGreaterThan((Long) tombstone.get("change_seq"));
		assertThat(tombstone("track-01")).isNull();
	}

	@Test
	void hashesTheSameContentAlikeWhicheverWayItArrives() {
		NodeView viaApi = save("alike-01", Fixtures.node("alike-01"));
		this.api.delete().uri("/api/v1/nodes/alike-01").exchange().expectStatus().isNoContent();
		Map<String, Object> item = new java.util.LinkedHashMap<>(
				TestServer.JSON.convertValue(Fixtures.node("alike-01"), Map.class));
		item.put("type", "node");
		this.api.post()
			.uri("/api/v1/inventory/import")
			.bodyValue(java.util.List.of(item))
			.exchange()
			.expectStatus()
			.isOk();
		NodeView viaImport = this.api.get()
			.uri("/api/v1/nodes/alike-01")
			.exchange()
			.expectBody(NodeView.class)
			.returnResult()
			.getResponseBody();
		assertThat(viaImport.contentHash()).isEqualTo(viaApi.contentHash());
	}

	@Test
	void keepsDigestsThatFollowEveryChange() {
		InventoryDigests digests = server.bean(InventoryDigests.class);
		InventoryDigests.Digest before = digests.digests().block().get(ItemKind.CONFIGURATION);
		create("/api/v1/configurations", Fixtures.configuration("digest-a"));
		create("/api/v1/configurations", Fixtures.configuration("digest-b"));
		InventoryDigests.Digest two = digests.digests().block().get(ItemKind.CONFIGURATION);
		assertThat(two.items()).isEqualTo(before.items() + 2);
		assertThat(two.digest()).isEqualTo(xorOfHashes("configurations")).isNotEqualTo(before.digest());
		this.api.put()
			.uri("/api/v1/configurations/digest-a")
			.bodyValue(Map.of("content", "changed: true\n"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(digests.digests().block().get(ItemKind.CONFIGURATION).digest())
			.isEqualTo(xorOfHashes("configurations"));
		this.api.delete().uri("/api/v1/configurations/digest-a").exchange().expectStatus().isNoContent();
		this.api.delete().uri("/api/v1/configurations/digest-b").exchange().expectStatus().isNoContent();
		assertThat(digests.digests().block().get(ItemKind.CONFIGURATION)).isEqualTo(before);
	}

	private static String xorOfHashes(String table) {
		long[] xor = new long[4];
		server.bean(DatabaseClient.class)
			.sql("SELECT content_hash FROM " + table)
			.map((row) -> row.get(0, String.class))
			.all()
			.toIterable()
			.forEach((hash) -> {
				for (int i = 0; i < 4; i++) {
					xor[i] ^= Long.parseUnsignedLong(hash.substring(i * 16, i * 16 + 16), 16);
				}
			});
		StringBuilder hex = new StringBuilder();
		for (long quarter : xor) {
			hex.append(java.util.HexFormat.of().toHexDigits(quarter));
		}
		return hex.toString();
	}

	private void create(String path, Object item) {
		this.api.post().uri(path).bodyValue(item).exchange().expectStatus().isCreated();
	}

	@Test
	void keepsItsServerIdAcrossRestarts() {
		String before = serverId();
		server.stop();
		server.start();
		assertThat(serverId()).isEqualTo(before);
	}

	private String serverId() {
		return (String) server.anonymous()
			.get()
			.uri("/api/v1/sync/test")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("server_id");
	}

	private Map<String, Object> tombstone(String key) {
		return server.bean(DatabaseClient.class)
			.sql("SELECT content_hash, change_seq FROM tombstones WHERE kind = 'node' AND key = $1")
			.bind(0, key)
			.fetch()
			.one()
			.block();
	}

	private NodeView save(String hostname, Object node) {
		return this.api.post()
			.uri("/api/v1/nodes")
			.bodyValue(node)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(NodeView.class)
			.returnResult()
			.getResponseBody();
	}

	private NodeView put(String hostname, Object node) {
		return this.api.put()
			.uri("/api/v1/nodes/" + hostname)
			.bodyValue(node)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(NodeView.class)
			.returnResult()
			.getResponseBody();
	}

}
