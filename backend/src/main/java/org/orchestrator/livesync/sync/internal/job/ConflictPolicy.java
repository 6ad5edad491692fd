package org.orchestrator.livesync.sync.internal.job;

import java.util.EnumMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;

/**
 * Who wins an item both sides changed since their last sync (or created differently):
 * {@code manual} (the default: nobody; the conflict is skipped and reported for the
 * operator to decide), {@code prefer_local} (this server's version) or
 * {@code prefer_remote} (the remote's), or {@code newest} (the later change by the hybrid
 * logical clock, never by wall-clock time alone), for the whole job and per kind. A
 * version wins by moving: a push carries this server's, a pull the remote's, a both-ways
 * job whichever wins. So under {@code prefer_remote} a push leaves the conflict alone, as
 * a pull does under {@code prefer_local}: the winning version is where it is already.
 * <p>
 * The older names stay: {@code skip} is {@code manual}; {@code overwrite} makes the job's
 * source win (this server for a push, the remote for a pull), so it needs one.
 */
public record ConflictPolicy(Winner preferred, Map<ItemKind, Winner> byKind) {

	/** Who wins a conflict. */
	enum Winner {

		MANUAL("manual"), LOCAL("prefer_local"), REMOTE("prefer_remote"),
		/**
		 * The side whose change is the later by the hybrid logical clock stamped on every
		 * change; manual when that cannot be told (no stamps, or equal).
		 */
		NEWEST("newest");

		private final String policy;

		Winner(String policy) {
			this.policy = policy;
		}

		static Winner of(String policy) {
			for (Winner winner : values()) {
				if (winner.policy.equals(policy)) {
					return winner;
				}
			}
			return null;
		}

	}

	static final ConflictPolicy MANUAL = new ConflictPolicy(Winner.MANUAL, Map.of());

	private static final String NAMES = "must be manual, prefer_local, prefer_remote or newest";

	/**
	 * The policy named {@code policy} (null: manual) with the per-kind overrides of
	 * {@code byKind} (null: none), for a job going {@code direction}; what is wrong goes
	 * to {@code violations}.
	 */
	static ConflictPolicy parse(String policy, KindPolicies byKind, JobDirection direction, Violations violations) {
		Winner preferred = Winner.MANUAL;
		if ("overwrite".equals(policy)) {
			violations.check(direction != JobDirection.BOTH, "conflict_policy",
					"overwrite makes the job's source win, and both ways there is none: use prefer_local or "
							+ "prefer_remote");
			preferred = (direction == JobDirection.PULL) ? Winner.REMOTE : Winner.LOCAL;
		}
		else if (policy != null && !"skip".equals(policy)) {
			preferred = Winner.of(policy);
			violations.check(preferred != null, "conflict_policy", NAMES + " (or skip or overwrite)");
		}
		Map<ItemKind, Winner> overrides = new EnumMap<>(ItemKind.class);
		if (byKind != null) {
			for (ItemKind kind : ItemKind.values()) {
				String name = byKind.of(kind);
				Winner winner = Winner.of(name);
				if (name != null && violations.check(winner != null, "conflict_policies." + kind.section(), NAMES)) {
					overrides.put(kind, winner);
				}
			}
		}
		return new ConflictPolicy(preferred, overrides);
	}

	/** Per kind, a policy that overrides the job's; a kind left out (null) has none. */
	public record KindPolicies(@Schema(allowableValues = {
			"manual", "prefer_local", "prefer_remote", "newest" }) String nodes,
			@Schema(allowableValues = { "manual", "prefer_local", "prefer_remote", "newest" }) String clusters,
			@Schema(allowableValues = { "manual", "prefer_local", "prefer_remote", "newest" }) String sshKeys,
			@Schema(allowableValues = { "manual", "prefer_local", "prefer_remote", "newest" }) String configurations){

		String of(ItemKind kind) {
			return switch (kind) {
				case NODE -> this.nodes;
				case CLUSTER -> this.clusters;
				case SSH_KEY -> this.sshKeys;
				case CONFIGURATION -> this.configurations;
			};
		}

	}

	/**
	 * Who wins a conflict of {@code kind}: {@link Winner#NEWEST} is left to each item.
	 */
	Winner winner(ItemKind kind) {
		return this.byKind.getOrDefault(kind, this.preferred);
	}

	/**
	 * Who wins this conflict: under {@code newest}, the side whose last change carries
	 * the later stamp (manual when unknown or equal).
	 */
	Winner winner(ClassifiedItem item) {
		Winner winner = winner(item.kind());
		if (winner != Winner.NEWEST) {
			return winner;
		}
		Boolean localIsNewer = (item.clocks() != null) ? item.clocks().localIsNewer() : null;
		if (localIsNewer == null) {
			return Winner.MANUAL;
		}
		return localIsNewer ? Winner.LOCAL : Winner.REMOTE;
	}

}
