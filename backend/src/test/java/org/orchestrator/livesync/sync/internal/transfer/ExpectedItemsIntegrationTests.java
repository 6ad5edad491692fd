package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.support.Items.create;

/**
 * A target applies a line only if it still has what the line expects: an item changed,
 * created or deleted there since the sender's compare is left alone and reported, and the
 * rest of the package applies. This is what keeps an edit made on the target while a job
 * runs from being overwritten.
 */
class ExpectedItemsIntegrationTests {

	private static final String STALE = "0".repeat(64);

	@RegisterExtension
	static TestServer source = new TestServer().with("SYNC_PASSWORD", Peers.SYNC_PASSWORD)
		.with("SERVER_NAME", "source");

	@RegisterExtension
	static TestServer target = new TestServer().with("SYNC_PASSWORD", Peers.SYNC_PASSWORD)
		.with("SERVER_NAME", "target");

	@BeforeAll
	static void inventories() {
		for (int i = 1; i <= 4; i++) {
			create(source, Fixtures.node("exp-0" + i, "10.20.0." + i, null));
		}
		create(target, Fixtures.node("exp-01", "10.21.0.1", null));
		create(target, Fixtures.node("exp-02", "10.21.0.2", null));
		create(target, Fixtures.node("exp-04", "10.21.0.4", null));
		create(target, Fixtures.node("exp-05", "10.21.0.5", null));
	}

	@Test
	void appliesWhatIsAsExpectedAndReportsTheRest() {
		Map<String, String> onTarget = hashes(target, List.of("exp-01", "exp-02", "exp-04", "exp-05"));
		List<PackageLine> lines = new ArrayList<>();
		for (ItemSnapshot item : source.bean(InventoryReader.class)
			.packageView(ItemKind.NODE, List.of("exp-01", "exp-02", "exp-03", "exp-04"))
			.collectList()
			.block()) {
			String expect = switch (item.key()) {
				// As decided: the target had this.
				case "exp-01" -> onTarget.get("exp-01");
				// Edited on the target since the compare.
				case "exp-02" -> STALE;
				// Absent at the compare, and still absent.
				case "exp-03" -> PackageLine.ABSENT;
				// Absent at the compare, created on the target since.
				default -> PackageLine.ABSENT;
			};
			lines.add(new PackageLine("node", PackageLine.UPSERT, item.key(), item.contentHash(), item.content(),
					expect));
		}
		// Deleted here, but edited on the target since the compare.
		lines.add(new PackageLine("node", PackageLine.DELETE, "exp-05", STALE, null, STALE));

		ReceiveResult result = receive(lines);

		assertThat(result.changedSinceCompare()).containsExactly(new ItemKey("nodes", "exp-02"),
				new ItemKey("nodes", "exp-04"), new ItemKey("nodes", "exp-05"));
		assertThat(result.applied().nodes()).isEqualTo(2);
		assertThat(result.deleted().nodes()).isZero();
		Map<String, String> after = hashes(target, List.of("exp-01", "exp-02", "exp-03", "exp-04", "exp-05"));
		Map<String, String> sent = hashes(source, List.of("exp-01", "exp-03"));
		assertThat(after.get("exp-01")).isEqualTo(sent.get("exp-01"));
		assertThat(after.get("exp-03")).isEqualTo(sent.get("exp-03"));
		assertThat(after.get("exp-02")).isEqualTo(onTarget.get("exp-02"));
		assertThat(after.get("exp-04")).isEqualTo(onTarget.get("exp-04"));
		assertThat(after.get("exp-05")).isEqualTo(onTarget.get("exp-05"));
	}

	private static ReceiveResult receive(List<PackageLine> lines) {
		PackageStreamer streamer = source.bean(PackageStreamer.class);
		SyncPackage header = streamer.header(true, Peers.SYNC_PASSWORD);
		ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
		streamer.stream(header, Flux.fromIterable(lines), Peers.SYNC_PASSWORD)
			.doOnNext(ciphertext::writeBytes)
			.blockLast();
		return target.bean(StreamedPackageReceiver.class)
			.receive(PackageStreamer.encodeHeader(header), Flux.just(ciphertext.toByteArray()), false)
			.block();
	}

	private static Map<String, String> hashes(TestServer server, List<String> keys) {
		return server.bean(InventoryReader.class)
			.hashes(ItemKind.NODE, keys)
			.collectMap(ItemSnapshot::key, ItemSnapshot::contentHash)
			.block();
	}

}
