package org.orchestrator.livesync.sync.internal.job;

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

/**
 * Conflict policies: who wins an item both sides changed, in each direction, for the job
 * and per kind; a conflict is never decided for the operator under {@code manual}.
 */
class ConflictPolicyTests {

	private static final String LOCAL = "a".repeat(64);

	private static final String REMOTE = "b".repeat(64);

	private static final String BASE = "c".repeat(64);

	/** Changed on both sides. */
	private static final ClassifiedItem EDITED = conflict(ItemKind.NODE, LOCAL, REMOTE);

	/** Deleted here, changed there. */
	private static final ClassifiedItem DELETED_HERE = conflict(ItemKind.NODE, null, REMOTE);

	/** Created on both sides, differently (no base). */
	private static final ClassifiedItem CREATED_TWICE = new ClassifiedItem(ItemKind.NODE, ComparisonStatus.DIFFERENT,
			new ComparisonEntry("n-1", LOCAL, REMOTE, null, "unknown", null));

	private static ClassifiedItem conflict(ItemKind kind, String local, String remote) {
		return new ClassifiedItem(kind, ComparisonStatus.CONFLICT,
				new ComparisonEntry("n-1", local, remote, BASE, "both", null));
	}

	private static JobSelection job(String direction, String policy) {
		return job(direction, policy, null);
	}

	private static JobSelection job(String direction, String policy, ConflictPolicy.KindPolicies byKind) {
		return JobSelection.parse(TestServer.JSON.readTree("\"all\""), policy, byKind, direction, null, null);
	}

	@Test
	void underManualEveryConflictIsSkippedInEveryDirection() {
		for (String direction : new String[] { "push", "pull", "both" }) {
			for (String manual : new String[] { null, "manual", "skip" }) {
				JobSelection selection = job(direction, manual);
				assertThat(selection.decide(EDITED)).as("%s %s", direction, manual).isEqualTo(Decision.SKIP_CONFLICT);
				assertThat(selection.decide(DELETED_HERE)).isEqualTo(Decision.SKIP_CONFLICT);
			}
		}
		assertThat(job("both", "manual").decide(CREATED_TWICE)).isEqualTo(Decision.SKIP_CONFLICT);
	}

	@Test
	void aPreferredVersionWinsWhereTheJobCanCarryIt() {
		assertThat(job("push", "prefer_local").decide(EDITED)).isEqualTo(Decision.UPSERT);
		assertThat(job("push", "prefer_local").decide(DELETED_HERE)).as("the deletion wins").isEqualTo(Decision.DELETE);
		assertThat(job("push", "prefer_remote").decide(EDITED)).as("the remote's version is there already")
			.isEqualTo(Decision.SKIP_CONFLICT);
		assertThat(job("pull", "prefer_remote").decide(EDITED)).isEqualTo(Decision.UPSERT);
		assertThat(job("pull", "prefer_remote").decide(DELETED_HERE)).isEqualTo(Decision.UPSERT);
		assertThat(job("pull", "prefer_local").decide(EDITED)).isEqualTo(Decision.SKIP_CONFLICT);
		assertThat(job("push", "overwrite").decide(EDITED)).as("the push's source").isEqualTo(Decision.UPSERT);
		assertThat(job("pull", "overwrite").decide(EDITED)).as("the pull's source").isEqualTo(Decision.UPSERT);
	}

	@Test
	void bothWaysTheWinningVersionGoesToTheOtherSide() {
		JobSelection local = job("both", "prefer_local");
		assertThat(local.decide(EDITED)).isEqualTo(Decision.UPSERT);
		assertThat(local.way(EDITED)).isEqualTo(JobDirection.PUSH);
		assertThat(local.decide(DELETED_HERE)).as("deleted there too").isEqualTo(Decision.DELETE);
		assertThat(local.way(DELETED_HERE)).isEqualTo(JobDirection.PUSH);
		assertThat(local.decide(CREATED_TWICE)).isEqualTo(Decision.UPSERT);
		assertThat(local.side(JobDirection.PUSH).decide(EDITED)).isEqualTo(Decision.UPSERT);
		assertThat(local.side(JobDirection.PULL).decide(EDITED)).isEqualTo(Decision.NONE);

		JobSelection remote = job("both", "prefer_remote");
		assertThat(remote.decide(DELETED_HERE)).as("re-created here").isEqualTo(Decision.UPSERT);
		assertThat(remote.way(DELETED_HERE)).isEqualTo(JobDirection.PULL);
		assertThat(remote.way(CREATED_TWICE)).isEqualTo(JobDirection.PULL);
		assertThat(remote.side(JobDirection.PULL).decide(EDITED)).isEqualTo(Decision.UPSERT);
		assertThat(remote.side(JobDirection.PUSH).decide(EDITED)).isEqualTo(Decision.NONE);
	}

	@Test
	void aKindsOwnPolicyOverridesTheJobs() {
		JobSelection selection = job("both", "prefer_remote",
				new ConflictPolicy.KindPolicies(null, null, null, "manual"));
		assertThat(selection.decide(EDITED)).isEqualTo(Decision.UPSERT);
		assertThat(selection.decide(conflict(ItemKind.CONFIGURATION, LOCAL, REMOTE))).isEqualTo(Decision.SKIP_CONFLICT);
		JobSelection nodesLocal = job("both", null, new ConflictPolicy.KindPolicies("prefer_local", null, null, null));
		assertThat(nodesLocal.way(EDITED)).isEqualTo(JobDirection.PUSH);
		assertThat(nodesLocal.decide(conflict(ItemKind.CLUSTER, LOCAL, REMOTE))).isEqualTo(Decision.SKIP_CONFLICT);
	}

	@Test
	void anUnknownPolicyOrOverwriteBothWaysIsRefusedByName() {
		refused(() -> job("push", "newest-ish"), "conflict_policy");
		refused(() -> job("both", "overwrite"), "conflict_policy");
		refused(() -> job("push", null, new ConflictPolicy.KindPolicies(null, "overwrite", null, null)),
				"conflict_policies.clusters");
	}

	private static void refused(Runnable parse, String field) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(parse::run)
			.satisfies((ex) -> assertThat(ex.errors()).extracting(Problem.FieldError::field).containsExactly(field));
	}

}
