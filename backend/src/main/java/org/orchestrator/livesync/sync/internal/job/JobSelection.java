package org.orchestrator.livesync.sync.internal.job;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.sync.internal.compare.ClassifiedItem;
import org.orchestrator.livesync.sync.internal.compare.ComparisonStatus;
import org.orchestrator.livesync.sync.internal.compare.ThreeWayMerge;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.system.ProblemException;

/**
 * What a job moves: per kind, natural keys or {@code "all"}. "All" of a kind sends what
 * changed on the source (this server for a push, the remote for a pull): new and changed
 * items go over, items deleted there are deleted on the target, items only the target
 * ever had stay. What changed on the target only (edited or deleted there since the last
 * sync) is left alone and reported, named or not, unless the mode is {@code mirror},
 * which makes the target like the source for the selection. Conflicts are skipped unless
 * the {@link ConflictPolicy} makes the source's version win; a key named explicitly is
 * moved even then.
 * <p>
 * Both ways, each item goes from the side that changed it since the last sync to the
 * other; an item only one side has is copied to the other, a deletion on one side
 * propagates to the other. An item both sides changed in different fields is merged, and
 * the merge goes to both. Conflicts (fields changed on both sides differently, or items
 * created on both with different content) go the way the conflict policy says, and are
 * skipped under {@code manual}, named or not. One way, a merged item is a conflict.
 */
final class JobSelection {

	static final int MAX_KEYS = 100_000;

	/** The item status of what a push leaves alone: changed on the remote only. */
	static final String SKIPPED_CHANGED_ON_REMOTE = "skipped_changed_on_remote";

	private final Set<ItemKind> all;

	private final Map<ItemKind, Set<String>> keys;

	private final ConflictPolicy policy;

	private final JobDirection direction;

	private final boolean mirror;

	/**
	 * Decides by the two-way rules: a both-ways job, or one of its two packages
	 * ({@link #side}).
	 */
	private final boolean twoWay;

	/**
	 * The part of the selection to compare, when a replication checkpoint narrowed it.
	 */
	private final Scope narrowed;

	/** The operator's decisions on conflicting fields, per item and field. */
	private final Map<ItemKey, Map<String, ThreeWayMerge.Choice>> choices;

	private JobSelection(Set<ItemKind> all, Map<ItemKind, Set<String>> keys, ConflictPolicy policy,
			JobDirection direction, boolean mirror, boolean twoWay,
			Map<ItemKey, Map<String, ThreeWayMerge.Choice>> choices) {
		this(all, keys, policy, direction, mirror, twoWay, null, choices);
	}

	private JobSelection(Set<ItemKind> all, Map<ItemKind, Set<String>> keys, ConflictPolicy policy,
			JobDirection direction, boolean mirror, boolean twoWay, Scope narrowed,
			Map<ItemKey, Map<String, ThreeWayMerge.Choice>> choices) {
		this.choices = choices;
		this.narrowed = narrowed;
		this.all = all;
		this.keys = keys;
		this.policy = policy;
		this.direction = direction;
		this.mirror = mirror;
		this.twoWay = twoWay;
	}

	/** What to do with one compared item. */
	enum Decision {

		/** Not selected, or nothing to do. */
		NONE,
		/**
		 * Selected and already identical, but not yet recorded as synced: both sides
		 * record it as their common base, so later changes on either side are told apart.
		 */
		AGREE,
		/** Make the target's copy the source's. */
		UPSERT,
		/**
		 * Both ways, an item both sides changed in different fields: the push gives the
		 * remote the merge of both changes (without a base), the pull brings it back here
		 * and sets the bases on both sides.
		 */
		MERGE,
		/** Delete it on the target, as it was deleted on the source. */
		DELETE,
		/**
		 * Selected, but both sides changed it: left alone, as the conflict policy says
		 * (manual, or the winning version is where it is already).
		 */
		SKIP_CONFLICT,
		/** Named explicitly, but only the remote has it: nothing to push. */
		SKIP_REMOTE_ONLY,
		/** Named explicitly, but only this server has it: nothing to pull. */
		SKIP_LOCAL_ONLY,
		/** A pull leaves alone what changed (or was deleted) here since the last sync. */
		SKIP_CHANGED_HERE,
		/**
		 * Selected, but changed (or deleted) on the remote only since the last sync:
		 * pushing would revert that, so it is left alone unless mirroring.
		 */
		SKIP_CHANGED_ON_REMOTE

	}

	static JobSelection parse(JsonNode selection, String conflictPolicy) {
		return parse(selection, conflictPolicy, null, null);
	}

	static JobSelection parse(JsonNode selection, String conflictPolicy, String directionName, String mode) {
		return parse(selection, conflictPolicy, null, directionName, mode, null);
	}

	/**
	 * {@code conflictPolicies}: per-kind overrides of {@code conflictPolicy} (see
	 * {@link ConflictPolicy}); {@code mode}: {@code sync} (default) or {@code mirror};
	 * {@code resolutions}: the operator's decisions on conflicting fields (both ways
	 * only), whose items count as selected.
	 */
	static JobSelection parse(JsonNode selection, String conflictPolicy, ConflictPolicy.KindPolicies conflictPolicies,
			String directionName, String mode, List<Resolution> resolutions) {
		Violations violations = new Violations();
		Map<ItemKey, Map<String, ThreeWayMerge.Choice>> choices = Resolution.parse(resolutions, violations);
		boolean mirror = "mirror".equals(mode);
		violations.check(mode == null || mirror || "sync".equals(mode), "mode", "must be sync or mirror");
		JobDirection direction = JobDirection.of(directionName);
		violations.check(direction != null, "direction", "must be push, pull or both");
		ConflictPolicy policy = ConflictPolicy.parse(conflictPolicy, conflictPolicies, direction, violations);
		if (direction == JobDirection.BOTH) {
			violations.check(!mirror, "mode", "mirror makes one side like the other: use it with push or pull");
		}
		else if (!choices.isEmpty()) {
			violations.add("resolutions", "a resolved item goes to both sides: use direction both");
		}
		Set<ItemKind> all = EnumSet.noneOf(ItemKind.class);
		Map<ItemKind, Set<String>> keys = new EnumMap<>(ItemKind.class);
		if (selection != null && selection.isString() && "all".equals(selection.stringValue())) {
			all.addAll(List.of(ItemKind.values()));
		}
		else if (selection != null && selection.isObject()) {
			int count = 0;
			for (String section : selection.propertyNames()) {
				ItemKind kind = kindOf(section);
				JsonNode value = selection.get(section);
				String at = "selection." + section;
				if (kind == null) {
					violations.add(at, "is not a kind: use nodes, clusters, ssh_keys or configurations");
				}
				else if (value.isNull()) {
					// As if left out: clients that send every field send unselected kinds
					// as null.
					continue;
				}
				else if (value.isString() && "all".equals(value.stringValue())) {
					all.add(kind);
				}
				else if (value.isArray()) {
					Set<String> named = new HashSet<>();
					for (int i = 0; i < value.size(); i++) {
						JsonNode item = value.get(i);
						if (!violations.check(item.isString(), at + "[" + i + "]", "expected a string")) {
							continue;
						}
						String key = item.stringValue();
						boolean valid = (kind == ItemKind.NODE) ? Formats.isHostname(key) : Formats.isName(key);
						if (violations.check(valid, at + "[" + i + "]", "is not a valid " + kind.type() + " key")) {
							named.add(key);
						}
					}
					count += named.size();
					keys.put(kind, named);
				}
				else {
					violations.add(at, "must be a list of keys or \"all\"");
				}
			}
			violations.check(count <= MAX_KEYS, "selection", "name at most " + MAX_KEYS + " keys, or use \"all\"");
		}
		else {
			violations.add("selection",
					"is required: {\"nodes\": [\"node-01\"], \"clusters\": \"all\", ...} or \"all\"");
		}
		choices.keySet()
			.forEach((item) -> keys.computeIfAbsent(item.itemKind(), (k) -> new HashSet<>()).add(item.key()));
		if (violations.isEmpty() && all.isEmpty() && keys.values().stream().allMatch(Set::isEmpty)) {
			violations.add("selection", "selects nothing");
		}
		if (!violations.isEmpty()) {
			throw ProblemException.invalid(violations.errors());
		}
		return new JobSelection(all, keys, policy, direction, mirror, direction == JobDirection.BOTH, choices);
	}

	/** The operator's decisions on conflicting fields, per item and field. */
	Map<ItemKey, Map<String, ThreeWayMerge.Choice>> choices() {
		return this.choices;
	}

	/**
	 * Both ways, the side the conflict policy gives each conflicting field the operator
	 * left undecided: the item then merges, keeping the other side's changes to the other
	 * fields. Null (the field stays a conflict) under manual, and one way, where a merge
	 * cannot reach both sides and the policy picks a whole version.
	 */
	ThreeWayMerge.Choice fieldChoice(ClassifiedItem item) {
		if (!this.twoWay) {
			return null;
		}
		return switch (this.policy.winner(item)) {
			case LOCAL -> ThreeWayMerge.Choice.LOCAL;
			case REMOTE -> ThreeWayMerge.Choice.REMOTE;
			default -> null;
		};
	}

	JobDirection direction() {
		return this.direction;
	}

	/**
	 * One package of a both-ways job: the same selection, deciding only the items that go
	 * {@code way} (push or pull), everything else {@link Decision#NONE}.
	 */
	JobSelection side(JobDirection way) {
		return new JobSelection(this.all, this.keys, this.policy, way, false, true, this.narrowed, this.choices);
	}

	/**
	 * Which package of a both-ways job carries an item that moves: the push for what
	 * changed here or only this server has (and for agreements, whose bases a push
	 * records), the pull for what changed on the remote or only the remote has; a
	 * conflict goes with the version that wins it.
	 */
	JobDirection way(ClassifiedItem item) {
		if (item.status() == ComparisonStatus.MERGED) {
			// A merge both ways starts with the push; one equal to the remote's is a
			// pull.
			return item.entry().mergedHash().equals(item.entry().remoteHash()) ? JobDirection.PULL : JobDirection.PUSH;
		}
		if (conflicting(item)) {
			return (this.policy.winner(item) == ConflictPolicy.Winner.REMOTE) ? JobDirection.PULL : JobDirection.PUSH;
		}
		return switch (item.status()) {
			case DIFFERENT -> "remote".equals(item.entry().changedOn()) ? JobDirection.PULL : JobDirection.PUSH;
			case MISSING_ON_LOCAL, DELETED_ON_REMOTE -> JobDirection.PULL;
			default -> JobDirection.PUSH;
		};
	}

	/**
	 * Changed on both sides since the base, or (both ways) created on both differently:
	 * neither change is the newer.
	 */
	private boolean conflicting(ClassifiedItem item) {
		return item.status() == ComparisonStatus.CONFLICT || (this.twoWay && item.status() == ComparisonStatus.DIFFERENT
				&& "unknown".equals(item.entry().changedOn()));
	}

	Decision decide(ClassifiedItem item) {
		boolean named = this.keys.getOrDefault(item.kind(), Set.of()).contains(item.entry().key());
		if (!named && !this.all.contains(item.kind())) {
			return Decision.NONE;
		}
		if (this.twoWay) {
			Decision decision = decideBothWays(item);
			boolean ours = this.direction == JobDirection.BOTH || decision == Decision.MERGE
					|| (Decided.moves(decision) && way(item) == this.direction);
			return ours ? decision : Decision.NONE;
		}
		if (this.direction == JobDirection.PULL) {
			return decidePull(item, named);
		}
		boolean local = item.entry().localHash() != null;
		return switch (item.status()) {
			case IDENTICAL -> item.entry().localHash().equals(item.entry().baseHash()) ? Decision.NONE : Decision.AGREE;
			case DIFFERENT -> "remote".equals(item.entry().changedOn()) ? changedOnRemote() : Decision.UPSERT;
			case MISSING_ON_REMOTE -> Decision.UPSERT;
			case DELETED_ON_REMOTE -> changedOnRemote();
			case DELETED_ON_LOCAL -> Decision.DELETE;
			case MISSING_ON_LOCAL -> named ? Decision.SKIP_REMOTE_ONLY : Decision.NONE;
			// One way, a merge cannot reach both sides: a conflict, as the policy says.
			case CONFLICT, MERGED -> (named || wins(item, ConflictPolicy.Winner.LOCAL))
					? (local ? Decision.UPSERT : Decision.DELETE) : Decision.SKIP_CONFLICT;
		};
	}

	private boolean wins(ClassifiedItem item, ConflictPolicy.Winner side) {
		return this.policy.winner(item) == side;
	}

	/** The mirror image of a push: the remote is the source, this server the target. */
	private Decision decidePull(ClassifiedItem item, boolean named) {
		boolean remote = item.entry().remoteHash() != null;
		return switch (item.status()) {
			case IDENTICAL -> item.entry().localHash().equals(item.entry().baseHash()) ? Decision.NONE : Decision.AGREE;
			case DIFFERENT -> "local".equals(item.entry().changedOn()) ? changedHere() : Decision.UPSERT;
			case MISSING_ON_LOCAL -> Decision.UPSERT;
			case DELETED_ON_REMOTE -> Decision.DELETE;
			case DELETED_ON_LOCAL -> changedHere();
			case MISSING_ON_REMOTE -> named ? Decision.SKIP_LOCAL_ONLY : Decision.NONE;
			case CONFLICT, MERGED -> (named || wins(item, ConflictPolicy.Winner.REMOTE))
					? (remote ? Decision.UPSERT : Decision.DELETE) : Decision.SKIP_CONFLICT;
		};
	}

	/**
	 * The side that changed an item since the base wins, whichever it is ({@link #way}
	 * says which package carries it); a conflict, the side the policy prefers.
	 */
	private Decision decideBothWays(ClassifiedItem item) {
		if (item.status() == ComparisonStatus.MERGED) {
			// Whatever the policy: only a conflicting field is the policy's to decide.
			String merged = item.entry().mergedHash();
			return (merged.equals(item.entry().remoteHash()) || merged.equals(item.entry().localHash()))
					? Decision.UPSERT : Decision.MERGE;
		}
		if (conflicting(item)) {
			ConflictPolicy.Winner winner = this.policy.winner(item);
			if (winner == ConflictPolicy.Winner.MANUAL) {
				return Decision.SKIP_CONFLICT;
			}
			String winning = (winner == ConflictPolicy.Winner.LOCAL) ? item.entry().localHash()
					: item.entry().remoteHash();
			// The winning version, or its deletion.
			return (winning != null) ? Decision.UPSERT : Decision.DELETE;
		}
		return switch (item.status()) {
			case IDENTICAL -> item.entry().localHash().equals(item.entry().baseHash()) ? Decision.NONE : Decision.AGREE;
			case DIFFERENT, MISSING_ON_REMOTE, MISSING_ON_LOCAL -> Decision.UPSERT;
			case DELETED_ON_REMOTE, DELETED_ON_LOCAL -> Decision.DELETE;
			case CONFLICT, MERGED -> Decision.SKIP_CONFLICT;
		};
	}

	/** What changed on the remote only: reverted by a mirroring push, else left alone. */
	private Decision changedOnRemote() {
		return this.mirror ? Decision.UPSERT : Decision.SKIP_CHANGED_ON_REMOTE;
	}

	/** What changed here only: reverted by a mirroring pull, else left alone. */
	private Decision changedHere() {
		return this.mirror ? Decision.UPSERT : Decision.SKIP_CHANGED_HERE;
	}

	/**
	 * What a compare for this selection must look at: whole kinds, or just the named
	 * keys.
	 */
	/**
	 * The same selection, comparing only {@code scope} of it: what may differ. Every
	 * other selected item agrees on both sides and with its base already.
	 */
	JobSelection within(Scope scope) {
		return new JobSelection(this.all, this.keys, this.policy, this.direction, this.mirror, this.twoWay, scope,
				this.choices);
	}

	/** What to compare: the selection, or the part of it that may differ. */
	Scope scope() {
		if (this.narrowed != null) {
			return this.narrowed;
		}
		return Scope.of(this.all, this.keys);
	}

	/** Keys named explicitly, so a job can say which ones exist on neither server. */
	Map<ItemKind, Set<String>> namedKeys() {
		return this.keys;
	}

	private static ItemKind kindOf(String section) {
		for (ItemKind kind : ItemKind.values()) {
			if (kind.section().equals(section)) {
				return kind;
			}
		}
		return null;
	}

}
