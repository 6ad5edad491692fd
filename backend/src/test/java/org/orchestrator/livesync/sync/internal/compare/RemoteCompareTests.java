package org.orchestrator.livesync.sync.internal.compare;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.orchestrator.livesync.inventory.InventoryDigests.Digest;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages.DigestResponse;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages.HashLine;
import org.orchestrator.livesync.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts of a remote compare that need no server: the digest shortcut and the hash
 * stream.
 */
class RemoteCompareTests {

	private static final String HASH = "ab".repeat(32);

	private static final RemoteCompare.Remote REMOTE = new RemoteCompare.Remote("http://b:5000", "server-b", null);

	private static Map<ItemKind, Digest> local() {
		Map<ItemKind, Digest> digests = new EnumMap<>(ItemKind.class);
		digests.put(ItemKind.NODE, new Digest(2, "1".repeat(64)));
		digests.put(ItemKind.CLUSTER, new Digest(1, "2".repeat(64)));
		digests.put(ItemKind.SSH_KEY, Digest.EMPTY);
		digests.put(ItemKind.CONFIGURATION, Digest.EMPTY);
		return digests;
	}

	@Test
	void kindsWithEqualDigestsAgree() {
		DigestResponse remote = new DigestResponse("server-b", Map.of("nodes", new Digest(2, "1".repeat(64)),
				"clusters", new Digest(1, "3".repeat(64)), "ssh_keys", Digest.EMPTY));
		assertThat(RemoteCompare.agreeing(local(), remote, "server-b", EnumSet.allOf(ItemKind.class)))
			.containsExactlyInAnyOrder(ItemKind.NODE, ItemKind.SSH_KEY);
		assertThat(RemoteCompare.agreeing(local(), remote, "server-b", EnumSet.of(ItemKind.CLUSTER))).isEmpty();
	}

	@Test
	void digestsOfAnotherServerAgreeOnNothing() {
		DigestResponse remote = new DigestResponse("server-c", Map.of("nodes", new Digest(2, "1".repeat(64))));
		assertThat(RemoteCompare.agreeing(local(), remote, "server-b", EnumSet.allOf(ItemKind.class))).isEmpty();
	}

	@Test
	void theHashStreamYieldsItemsAndSkipsMetadataAndStats() {
		Flux<HashLine> lines = Flux.just(new HashLine("metadata", null, null, "server-b"),
				new HashLine("node", "n-1", HASH, null), new HashLine("stats", null, null, null));
		StepVerifier.create(RemoteCompare.remoteHashes(lines, REMOTE))
			.assertNext((item) -> assertThat(item.key()).isEqualTo("n-1"))
			.verifyComplete();
	}

	@Test
	void aHashStreamFromAnotherServerFailsAsRemoteChanged() {
		Flux<HashLine> lines = Flux.just(new HashLine("metadata", null, null, "server-c"),
				new HashLine("node", "n-1", HASH, null));
		StepVerifier.create(RemoteCompare.remoteHashes(lines, REMOTE))
			.expectErrorSatisfies((ex) -> assertThat(((ProblemException) ex).code()).isEqualTo("remote-changed"))
			.verify();
	}

}
