package org.orchestrator.livesync.sync.internal.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.support.TestServer;
import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;
import org.orchestrator.livesync.sync.internal.compare.ComparisonEntry;
import org.orchestrator.livesync.sync.internal.compare.ComparisonStatus;
import org.orchestrator.livesync.sync.internal.job.JobSelection.Decision;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A both-ways selection's decisions, and how they split into the push and the pull. */
class BothWaysSelectionTests {

	private static final String A = "a".repeat(64);

	private static final String B = "b".repeat(64);

	private static final String C = "c".repeat(64);

	private static JobSelection both(String json) {
		return JobSelection.parse(TestServer.JSON.readTree(json), null, "both", null);
	}

	private static ClassifiedItem item(ComparisonStatus status, String local, String remote, String base,
			String changedOn) {
		return new ClassifiedItem(ItemKind.NODE, status,
				new ComparisonEntry("n-1", local, remote, base, changedOn, null));
	}

	/** Each status, with the decision and the package that carries it (null: neither). */
	private static Map<ClassifiedItem, Object[]> table() {
		Map<ClassifiedItem, Object[]> table = new LinkedHashMap<>();
		table.put(item(ComparisonStatus.DIFFERENT, B, A, A, "local"),
				new Object[] { Decision.UPSERT, JobDirection.PUSH });
		table.put(item(ComparisonStatus.DIFFERENT, A, B, A, "remote"),
				new Object[] { Decision.UPSERT, JobDirection.PULL });
		table.put(item(ComparisonStatus.MISSING_ON_REMOTE, A, null, null, null),
				new Object[] { Decision.UPSERT, JobDirection.PUSH });
		table.put(item(ComparisonStatus.MISSING_ON_LOCAL, null, B, null, null),
				new Object[] { Decision.UPSERT, JobDirection.PULL });
		table.put(item(ComparisonStatus.DELETED_ON_LOCAL, null, B, B, null),
				new Object[] { Decision.DELETE, JobDirection.PUSH });
		table.put(item(ComparisonStatus.DELETED_ON_REMOTE, A, null, A, null),
				new Object[] { Decision.DELETE, JobDirection.PULL });
		table.put(item(ComparisonStatus.IDENTICAL, A, A, null, null),
				new Object[] { Decision.AGREE, JobDirection.PUSH });
		table.put(item(ComparisonStatus.IDENTICAL, A, A, A, null), new Object[] { Decision.NONE, null });
		table.put(item(ComparisonStatus.CONFLICT, A, B, C, "both"), new Object[] { Decision.SKIP_CONFLICT, null });
		table.put(item(ComparisonStatus.CONFLICT, null, B, C, "both"), new Object[] { Decision.SKIP_CONFLICT, null });
		// Created on both sides, differently: neither is newer.
		table.put(item(ComparisonStatus.DIFFERENT, A, B, null, "unknown"),
				new Object[] { Decision.SKIP_CONFLICT, null });
		return table;
	}

	@Test
	void theSideThatChangedAnItemSinceTheBaseWinsAndConflictsAreSkipped() {
		for (JobSelection selection : List.of(both("\"all\""), both("{\"nodes\": \"all\"}"),
				both("{\"nodes\": [\"n-1\"]}"))) {
			assertThat(selection.direction()).isEqualTo(JobDirection.BOTH);
			table().forEach((item, expected) -> {
				assertThat(selection.decide(item)).as("%s", item).isEqualTo(expected[0]);
				if (expected[1] != null) {
					assertThat(selection.way(item)).as("%s", item).isEqualTo(expected[1]);
				}
			});
		}
	}

	@Test
	void eachPackageDecidesOnlyItsOwnItemsAndNeitherTheSkippedOnes() {
		JobSelection selection = both("\"all\"");
		for (JobDirection way : List.of(JobDirection.PUSH, JobDirection.PULL)) {
			JobSelection side = selection.side(way);
			assertThat(side.direction()).isEqualTo(way);
			table().forEach((item, expected) -> assertThat(side.decide(item)).as("%s %s", way, item)
				.isEqualTo((expected[1] == way) ? expected[0] : Decision.NONE));
		}
	}

	@Test
	void whatIsNotSelectedStaysWhereItIs() {
		ClassifiedItem cluster = new ClassifiedItem(ItemKind.CLUSTER, ComparisonStatus.MISSING_ON_LOCAL,
				new ComparisonEntry("c-1", null, B, null, null, null));
		assertThat(both("{\"nodes\": \"all\"}").decide(cluster)).isEqualTo(Decision.NONE);
		assertThat(both("{\"nodes\": [\"n-2\"]}").decide(item(ComparisonStatus.MISSING_ON_LOCAL, null, B, null, null)))
			.isEqualTo(Decision.NONE);
	}

	@Test
	void mirrorAndOverwriteNeedASideToWinSoBothWaysRefusesThem() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> JobSelection.parse(TestServer.JSON.readTree("\"all\""), null, "both", "mirror"))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(Problem.FieldError::field).containsExactly("mode"));
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> JobSelection.parse(TestServer.JSON.readTree("\"all\""), "overwrite", "both", null))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(Problem.FieldError::field)
				.containsExactly("conflict_policy"));
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> JobSelection.parse(TestServer.JSON.readTree("\"all\""), null, "sideways", null))
			.satisfies(
					(ex) -> assertThat(ex.errors()).extracting(Problem.FieldError::field).containsExactly("direction"));
	}

}
