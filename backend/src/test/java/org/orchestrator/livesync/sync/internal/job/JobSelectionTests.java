package org.orchestrator.livesync.sync.internal.job;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;
import org.orchestrator.livesync.sync.internal.compare.ComparisonEntry;
import org.orchestrator.livesync.sync.internal.compare.ComparisonStatus;
import org.orchestrator.livesync.sync.internal.job.JobSelection.Decision;
import org.orchestrator.livesync.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JobSelectionTests {

	private static final String A = "a".repeat(64);

	private static final String B = "b".repeat(64);

	private static JobSelection parse(String json, String policy) {
		return JobSelection.parse(TestServer.JSON.readTree(json), policy);
	}

	private static JobSelection parse(String json, String policy, String mode) {
		return JobSelection.parse(TestServer.JSON.readTree(json), policy, null, mode);
	}

	private static JobSelection pull(String json, String mode) {
		return JobSelection.parse(TestServer.JSON.readTree(json), null, "pull", mode);
	}

	@Test
	void aPullTakesWhatChangedOnTheRemoteAndLeavesLocalChangesAlone() {
		JobSelection pull = pull("{\"nodes\": \"all\"}", null);
		assertThat(pull.direction()).isEqualTo(JobDirection.PULL);
		assertThat(pull.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.MISSING_ON_LOCAL, null, B, null)))
			.isEqualTo(JobSelection.Decision.UPSERT);
		assertThat(pull.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.DELETED_ON_REMOTE, A, null, A)))
			.isEqualTo(JobSelection.Decision.DELETE);
		assertThat(pull.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.DELETED_ON_LOCAL, null, B, B)))
			.isEqualTo(JobSelection.Decision.SKIP_CHANGED_HERE);
		assertThat(pull.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.MISSING_ON_REMOTE, A, null, null)))
			.isEqualTo(JobSelection.Decision.NONE);
		assertThat(pull("{\"nodes\": [\"n-1\"]}", null)
			.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.MISSING_ON_REMOTE, A, null, null)))
			.isEqualTo(JobSelection.Decision.SKIP_LOCAL_ONLY);
		assertThat(pull("{\"nodes\": \"all\"}", "mirror")
			.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.DELETED_ON_LOCAL, null, B, B)))
			.isEqualTo(JobSelection.Decision.UPSERT);
	}

	private static ClassifiedItem item(ItemKind kind, String key, ComparisonStatus status, String local, String remote,
			String base) {
		return new ClassifiedItem(kind, status, new ComparisonEntry(key, local, remote, base, null, null));
	}

	private static ClassifiedItem different(String key, String changedOn) {
		String base = switch (changedOn) {
			case "remote" -> A;
			case "local" -> B;
			default -> null;
		};
		return new ClassifiedItem(ItemKind.NODE, ComparisonStatus.DIFFERENT,
				new ComparisonEntry(key, A, B, base, changedOn, null));
	}

	@Test
	void allOfAKindPushesChangesAndDeletionsButSkipsConflictsAndRemoteOnlyItems() {
		JobSelection selection = parse("{\"nodes\": \"all\"}", null);
		assertThat(selection.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.DIFFERENT, A, B, B)))
			.isEqualTo(JobSelection.Decision.UPSERT);
		assertThat(selection.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.DELETED_ON_LOCAL, null, B, B)))
			.isEqualTo(JobSelection.Decision.DELETE);
		assertThat(selection.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.CONFLICT, A, B, "c".repeat(64))))
			.isEqualTo(JobSelection.Decision.SKIP_CONFLICT);
		assertThat(selection.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.MISSING_ON_LOCAL, null, B, null)))
			.isEqualTo(JobSelection.Decision.NONE);
		assertThat(selection.decide(item(ItemKind.CLUSTER, "c-1", ComparisonStatus.DIFFERENT, A, B, B)))
			.isEqualTo(JobSelection.Decision.NONE);
	}

	@Test
	void identicalItemsAgreeOnlyUntilTheyAreRecordedAsSynced() {
		JobSelection selection = parse("\"all\"", null);
		assertThat(selection.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.IDENTICAL, A, A, null)))
			.isEqualTo(JobSelection.Decision.AGREE);
		assertThat(selection.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.IDENTICAL, A, A, A)))
			.isEqualTo(JobSelection.Decision.NONE);
	}

	@Test
	void aNamedKeyIsAlwaysMovedAndOverwriteResolvesConflictsFromThisSide() {
		JobSelection named = parse("{\"nodes\": [\"n-1\"]}", null);
		assertThat(named.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.CONFLICT, A, B, "c".repeat(64))))
			.isEqualTo(JobSelection.Decision.UPSERT);
		assertThat(named.decide(item(ItemKind.NODE, "n-1", ComparisonStatus.MISSING_ON_LOCAL, null, B, null)))
			.isEqualTo(JobSelection.Decision.SKIP_REMOTE_ONLY);
		JobSelection overwrite = parse("{\"nodes\": \"all\"}", "overwrite");
		assertThat(overwrite.decide(item(ItemKind.NODE, "n-2", ComparisonStatus.CONFLICT, null, B, A)))
			.isEqualTo(JobSelection.Decision.DELETE);
	}

	@Test
	void aPushLeavesAloneWhatChangedOnTheRemoteOnlyWhetherSelectedByAllOrNamed() {
		ClassifiedItem deletedThere = item(ItemKind.NODE, "n-1", ComparisonStatus.DELETED_ON_REMOTE, A, null, A);
		// What changed here, or cannot be told apart without a base, still goes.
		Map<ClassifiedItem, Decision> expected = Map.of(different("n-1", "remote"), Decision.SKIP_CHANGED_ON_REMOTE,
				deletedThere, Decision.SKIP_CHANGED_ON_REMOTE, different("n-1", "local"), Decision.UPSERT,
				different("n-1", "unknown"), Decision.UPSERT,
				item(ItemKind.NODE, "n-1", ComparisonStatus.MISSING_ON_REMOTE, A, null, null), Decision.UPSERT,
				item(ItemKind.NODE, "n-1", ComparisonStatus.DELETED_ON_LOCAL, null, B, B), Decision.DELETE);
		for (JobSelection selection : List.of(parse("{\"nodes\": \"all\"}", null),
				parse("{\"nodes\": [\"n-1\"]}", null, "sync"), parse("\"all\"", "overwrite"))) {
			expected.forEach(
					(item, decision) -> assertThat(selection.decide(item)).as(item.toString()).isEqualTo(decision));
		}
	}

	@Test
	void aMirrorMakesTheRemoteLikeThisServerForTheSelection() {
		Map<ClassifiedItem, Decision> reverted = Map.of(different("n-1", "remote"), Decision.UPSERT,
				item(ItemKind.NODE, "n-1", ComparisonStatus.DELETED_ON_REMOTE, A, null, A), Decision.UPSERT);
		for (JobSelection mirror : List.of(parse("{\"nodes\": \"all\"}", null, "mirror"),
				parse("{\"nodes\": [\"n-1\"]}", null, "mirror"))) {
			reverted
				.forEach((item, decision) -> assertThat(mirror.decide(item)).as(item.toString()).isEqualTo(decision));
		}
		// Everything else as in a sync: deletions, conflicts, remote-only items, what is
		// not selected.
		JobSelection sync = parse("{\"nodes\": \"all\"}", null);
		JobSelection mirror = parse("{\"nodes\": \"all\"}", null, "mirror");
		for (ClassifiedItem item : List.of(item(ItemKind.NODE, "n-1", ComparisonStatus.DELETED_ON_LOCAL, null, B, B),
				item(ItemKind.NODE, "n-1", ComparisonStatus.CONFLICT, A, B, "c".repeat(64)),
				item(ItemKind.NODE, "n-1", ComparisonStatus.MISSING_ON_LOCAL, null, B, null),
				item(ItemKind.NODE, "n-1", ComparisonStatus.IDENTICAL, A, A, null), different("n-1", "local"),
				item(ItemKind.CLUSTER, "c-1", ComparisonStatus.DELETED_ON_REMOTE, A, null, A))) {
			assertThat(mirror.decide(item)).as(item.toString()).isEqualTo(sync.decide(item));
		}
	}

	@Test
	void theScopeHoldsWholeKindsAndNamedKeys() {
		JobSelection selection = parse("{\"nodes\": [\"n-2\", \"n-1\"], \"clusters\": \"all\"}", null);
		assertThat(selection.scope().toJson()).containsEntry("nodes", List.of("n-1", "n-2"))
			.containsEntry("clusters", "all")
			.hasSize(2);
	}

	@Test
	void aKindGivenNullIsLeftAlone() {
		JobSelection selection = parse("{\"nodes\": [\"n-1\"], \"clusters\": null}", null);
		assertThat(selection.scope().toJson()).containsOnlyKeys("nodes");
	}

	@Test
	void refusesWhatSelectsNothingOrIsMisspelled() {
		for (String json : new String[] { "{}", "{\"gadgets\": \"all\"}", "{\"nodes\": [1]}",
				"{\"nodes\": [\"not a host\"]}", "{\"nodes\": \"some\"}", "42", "null", "{\"nodes\": null}" }) {
			assertThatExceptionOfType(ProblemException.class).as(json)
				.isThrownBy(() -> parse(json, null))
				.satisfies((problem) -> assertThat(problem.code()).isEqualTo("validation"));
		}
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> parse("\"all\"", "merge"))
			.satisfies((problem) -> assertThat(problem.code()).isEqualTo("validation"));
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> parse("\"all\"", null, "push"))
			.satisfies((problem) -> assertThat(problem.code()).isEqualTo("validation"));
	}

}
