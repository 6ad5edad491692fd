package org.orchestrator.livesync.sync.internal.session;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;
import org.orchestrator.livesync.sync.internal.compare.Comparison;
import org.orchestrator.livesync.sync.internal.compare.ComparisonEntry;
import org.orchestrator.livesync.sync.internal.compare.ComparisonStatus;
import org.orchestrator.livesync.sync.internal.transfer.PackageLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a job expects each side to still have: what the reviewed comparison listed, else
 * what its own compare found, except for a conflict the review did not list, which is
 * expected at its base so that a policy cannot overwrite a change made after the review.
 */
class ReviewedHashesTests {

	private static final String BASE = "b".repeat(64);

	private static final String REVIEWED = "r".repeat(64);

	private static final String NOW_HERE = "h".repeat(64);

	private static final String NOW_THERE = "t".repeat(64);

	private static ClassifiedItem item(String key, ComparisonStatus status) {
		return new ClassifiedItem(ItemKind.NODE, status, new ComparisonEntry(key, NOW_HERE, NOW_THERE, BASE,
				(status == ComparisonStatus.CONFLICT) ? "both" : "local", null));
	}

	@Test
	void aListedItemIsExpectedAsReviewed() {
		Comparison.KindComparison nodes = new Comparison.KindComparison(List.of(), List.of(), List.of(), List.of(),
				List.of(new ComparisonEntry("listed", REVIEWED, REVIEWED, BASE, "both", null)), List.of(), List.of(),
				List.of());
		ReviewedHashes reviewed = new ReviewedHashes(new Comparison(null, false, nodes, null, null, null, null));
		assertThat(reviewed.expect(item("listed", ComparisonStatus.CONFLICT)))
			.isEqualTo(PackageLine.expecting(REVIEWED));
		assertThat(reviewed.expectHere(item("listed", ComparisonStatus.CONFLICT)))
			.isEqualTo(PackageLine.expecting(REVIEWED));
	}

	@Test
	void anUnlistedConflictIsExpectedAtItsBaseAndAnythingElseAsFoundNow() {
		ReviewedHashes reviewed = new ReviewedHashes(null);
		assertThat(reviewed.expect(item("unlisted", ComparisonStatus.CONFLICT))).isEqualTo(PackageLine.expecting(BASE));
		assertThat(reviewed.expectHere(item("unlisted", ComparisonStatus.CONFLICT)))
			.isEqualTo(PackageLine.expecting(BASE));
		assertThat(reviewed.expect(item("unlisted", ComparisonStatus.DIFFERENT)))
			.isEqualTo(PackageLine.expecting(NOW_THERE));
		assertThat(reviewed.expectHere(item("unlisted", ComparisonStatus.DIFFERENT)))
			.isEqualTo(PackageLine.expecting(NOW_HERE));
	}

}
