package org.orchestrator.livesync.sync.internal.compare;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.CanonicalJson;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.inventory.internal.node.Node;
import org.orchestrator.livesync.support.Fixtures;
import org.orchestrator.livesync.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;

class CompareEngineTests {

	private static ItemSnapshot node(Node node) {
		Node normal = node.normalized();
		return new ItemSnapshot(ItemKind.NODE, normal.hostname(), CanonicalJson.sha256Hex(normal),
				CanonicalJson.tree(normal));
	}

	private static ItemSnapshot base(ItemSnapshot item) {
		return new ItemSnapshot(item.kind(), item.key(), item.contentHash(), null);
	}

	private static ClassifiedItem classify(ItemSnapshot local, ItemSnapshot remote, ItemSnapshot base) {
		ItemSnapshot any = (local != null) ? local : remote;
		return CompareEngine.classify(any.kind(), any.key(), local, remote, (base != null) ? base.contentHash() : null);
	}

	private final ItemSnapshot original = node(Fixtures.node("node-02", "192.168.1.11", null));

	private final ItemSnapshot movedIp = node(Fixtures.node("node-02", "192.168.1.12", null));

	private final ItemSnapshot otherIp = node(Fixtures.node("node-02", "192.168.1.13", null));

	@Test
	void identicalWhenHashesAgree() {
		assertThat(classify(this.original, this.original, null).status()).isEqualTo(ComparisonStatus.IDENTICAL);
		assertThat(classify(this.original, this.original, this.movedIp).status()).isEqualTo(ComparisonStatus.IDENTICAL);
	}

	@Test
	void differentSaysWhichSideChanged() {
		ClassifiedItem noBase = classify(this.original, this.movedIp, null);
		assertThat(noBase.status()).isEqualTo(ComparisonStatus.DIFFERENT);
		assertThat(noBase.entry().changedOn()).isEqualTo("unknown");
		assertThat(noBase.entry().changes()).singleElement().satisfies((change) -> {
			assertThat(change.field()).isEqualTo("ip");
			assertThat(change.local().asString()).isEqualTo("192.168.1.11");
			assertThat(change.remote().asString()).isEqualTo("192.168.1.12");
		});
		assertThat(classify(this.original, this.movedIp, this.original).entry().changedOn()).isEqualTo("remote");
		assertThat(classify(this.movedIp, this.original, this.original).entry().changedOn()).isEqualTo("local");
	}

	@Test
	void conflictWhenBothChangedSinceTheBase() {
		ClassifiedItem conflict = classify(this.movedIp, this.otherIp, this.original);
		assertThat(conflict.status()).isEqualTo(ComparisonStatus.CONFLICT);
		assertThat(conflict.entry().changedOn()).isEqualTo("both");
		assertThat(conflict.entry().baseHash()).isEqualTo(this.original.contentHash());
		assertThat(conflict.entry().changes()).extracting(FieldChange::field).containsExactly("ip");
	}

	@Test
	void missingWithoutABaseDeletedWithOne() {
		assertThat(classify(this.original, null, null).status()).isEqualTo(ComparisonStatus.MISSING_ON_REMOTE);
		assertThat(classify(null, this.original, null).status()).isEqualTo(ComparisonStatus.MISSING_ON_LOCAL);
		assertThat(classify(this.original, null, this.original).status()).isEqualTo(ComparisonStatus.DELETED_ON_REMOTE);
		assertThat(classify(null, this.original, this.original).status()).isEqualTo(ComparisonStatus.DELETED_ON_LOCAL);
		// Changed on one side, deleted on the other: both acted, that is a conflict.
		assertThat(classify(this.movedIp, null, this.original).status()).isEqualTo(ComparisonStatus.CONFLICT);
		assertThat(classify(null, this.movedIp, this.original).status()).isEqualTo(ComparisonStatus.CONFLICT);
		assertThat(CompareEngine.classify(ItemKind.NODE, "gone", null, null, "abc")).isNull();
	}

	@Test
	void reportsNestedFieldsWithDottedPaths() {
		Node node = Fixtures.node("node-05");
		ItemSnapshot local = node(node);
		ItemSnapshot remote = node(new Node(node.hostname(), node.ip(), node.username(), node.sshPort(), null,
				node.microk8sStatus(), new Node.WakeOnLan(node.wol().mac(), false, "192.168.1.255", 9),
				Map.of("cpu", 16, "memory_gb", 32.0, "disk_gb", 512, "arch", "amd64", "gpu", "none")));
		assertThat(classify(local, remote, null).entry().changes()).extracting(FieldChange::field)
			.containsExactly("hardware.cpu", "hardware.gpu", "wol.enabled");
	}

	@Test
	void comparesWholeListsSuchAsAClustersNodes() {
		ItemSnapshot two = cluster(Fixtures.cluster("staging", "n-1", "n-2"));
		ItemSnapshot three = cluster(Fixtures.cluster("staging", "n-1", "n-2", "n-3"));
		List<FieldChange> changes = classify(two, three, null).entry().changes();
		assertThat(changes).singleElement().satisfies((change) -> {
			assertThat(change.field()).isEqualTo("nodes");
			assertThat(change.local().size()).isEqualTo(2);
			assertThat(change.remote().size()).isEqualTo(3);
		});
	}

	@Test
	void mergesThreeSortedStreamsIntoOneEntryPerItem() {
		ItemSnapshot a = node(Fixtures.node("a-node"));
		ItemSnapshot b = node(Fixtures.node("b-node"));
		ItemSnapshot bChanged = node(Fixtures.node("b-node", "10.0.0.99", null));
		ItemSnapshot c = node(Fixtures.node("c-node"));
		ItemSnapshot d = node(Fixtures.node("d-node"));
		ItemSnapshot cluster = cluster(Fixtures.cluster("prod", "a-node"));
		Flux<ItemSnapshot> local = Flux.just(a, b, c, cluster);
		Flux<ItemSnapshot> remote = Flux.just(a, bChanged, d);
		Flux<ItemSnapshot> bases = Flux.just(base(b), base(c));
		Comparison comparison = CompareEngine.compare(local, remote, bases)
			.reduce(new Comparison.Collector(), Comparison.Collector::add)
			.map(Comparison.Collector::build)
			.block();
		assertThat(comparison.summary().total()).isEqualTo(5);
		assertThat(comparison.nodes().identical()).extracting("key").containsExactly("a-node");
		assertThat(comparison.nodes().different()).extracting("key", "changedOn")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("b-node", "remote"));
		assertThat(comparison.nodes().deletedOnRemote()).extracting("key").containsExactly("c-node");
		assertThat(comparison.nodes().missingOnLocal()).extracting("key").containsExactly("d-node");
		assertThat(comparison.clusters().missingOnRemote()).extracting("key").containsExactly("prod");
		assertThat(comparison.summary().identical()).isEqualTo(1);
		assertThat(comparison.summary().deletedOnRemote()).isEqualTo(1);
		assertThat(comparison.counts().nodes().total()).isEqualTo(4);
		assertThat(comparison.counts().nodes().different()).isEqualTo(1);
		assertThat(comparison.counts().clusters().missingOnRemote()).isEqualTo(1);
		assertThat(comparison.counts().clusters().total()).isEqualTo(1);
		assertThat(comparison.counts().sshKeys().total()).isZero();
	}

	@Test
	void anItemDeletedOnBothSidesIsNothingToDoButItsStaleBaseIsTold() {
		ItemSnapshot a = node(Fixtures.node("a-node"));
		ItemSnapshot gone = node(Fixtures.node("gone-node"));
		assertThat(
				CompareEngine.compare(Flux.just(a), Flux.just(a), Flux.just(base(a), base(gone))).collectList().block())
			.extracting((item) -> item.entry().key())
			.containsExactly("a-node");
		List<ClassifiedItem> all = CompareEngine
			.compareWithStaleBases(Flux.just(a), Flux.just(a), Flux.just(base(a), base(gone)))
			.collectList()
			.block();
		assertThat(all).extracting(ClassifiedItem::deletedOnBoth).containsExactly(false, true);
		assertThat(all.get(1).status()).isEqualTo(ComparisonStatus.IDENTICAL);
		assertThat(all.get(1).entry().baseHash()).isEqualTo(gone.contentHash());
		// Once that base is gone, the item re-created on one side is new there.
		assertThat(classify(gone, null, null).status()).isEqualTo(ComparisonStatus.MISSING_ON_REMOTE);
	}

	@Test
	void refusesARemoteInventoryOutOfOrder() {
		ItemSnapshot a = node(Fixtures.node("a-node"));
		ItemSnapshot b = node(Fixtures.node("b-node"));
		StepVerifier.create(CompareEngine.compare(Flux.just(a), Flux.just(b, a), Flux.empty()))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProblemException.class)
				.hasMessageContaining("'a-node' comes after node 'b-node'"))
			.verify();
		StepVerifier.create(CompareEngine.compare(Flux.empty(), Flux.just(a, a), Flux.empty()))
			.expectError(ProblemException.class)
			.verify();
	}

	private static ItemSnapshot cluster(org.orchestrator.livesync.inventory.internal.cluster.Cluster cluster) {
		var normal = cluster.normalized();
		JsonNode content = CanonicalJson.tree(normal);
		return new ItemSnapshot(ItemKind.CLUSTER, normal.name(), CanonicalJson.sha256Hex(normal), content);
	}

}
