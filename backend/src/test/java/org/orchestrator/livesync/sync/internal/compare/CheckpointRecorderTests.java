package org.orchestrator.livesync.sync.internal.compare;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.sync.internal.replication.Checkpoints.Checkpoint;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;

import static org.assertj.core.api.Assertions.assertThat;

/** What a compare leaves to its next checkpoint, and when it need not record one. */
class CheckpointRecorderTests {

	private static final ComparePlan INCREMENTAL = new ComparePlan(new Checkpoint(UUID.randomUUID(), 10, 20), null,
			Map.of(ItemKind.NODE, Set.of("n-1", "n-2")), 15L, 25L);

	private static final Scope EVERYTHING = Scope.of(Set.of(ItemKind.values()), Map.of());

	@Test
	void theResidueIsWhatDidNotSettle() {
		CheckpointRecorder recorder = new CheckpointRecorder(INCREMENTAL, EVERYTHING);
		recorder.observe(node("n-1", "h1", "h2", "h0"), false);
		recorder.observe(node("n-2", "h3", "h3", "h3"), true);
		assertThat(recorder.residue(100)).containsExactly(ItemKey.of(ItemKind.NODE, "n-1"));
	}

	@Test
	void noNewCheckpointWhenEveryCandidateStaysOne() {
		CheckpointRecorder recorder = new CheckpointRecorder(INCREMENTAL, EVERYTHING);
		recorder.observe(node("n-1", "h1", "h2", "h0"), false);
		recorder.observe(node("n-2", "h1", "h2", "h0"), false);
		assertThat(recorder.residue(100)).as("the checkpoint held finds the same candidates").isNull();

		// An item that changed meanwhile and is no candidate makes a new one worth it.
		recorder.unsettle(ItemKey.of(ItemKind.NODE, "n-3"));
		assertThat(recorder.residue(100)).hasSize(3);
	}

	@Test
	void aSpoiledOrPartialFullCompareRecordsNothing() {
		CheckpointRecorder spoiled = new CheckpointRecorder(INCREMENTAL, EVERYTHING);
		spoiled.observe(node("n-2", "h3", "h3", "h3"), true);
		spoiled.spoil();
		assertThat(spoiled.residue(100)).isNull();

		ComparePlan full = ComparePlan.full("first sync", 15L, 25L);
		Scope someNodes = Scope.of(Set.of(), Map.of(ItemKind.NODE, List.of("n-1")));
		assertThat(new CheckpointRecorder(full, someNodes).residue(100)).isNull();
		assertThat(new CheckpointRecorder(full, EVERYTHING).residue(100)).isEmpty();
	}

	private static ClassifiedItem node(String key, String local, String remote, String base) {
		ComparisonStatus status = local.equals(remote) ? ComparisonStatus.IDENTICAL : ComparisonStatus.DIFFERENT;
		return new ClassifiedItem(ItemKind.NODE, status, new ComparisonEntry(key, local, remote, base, null, null));
	}

}
