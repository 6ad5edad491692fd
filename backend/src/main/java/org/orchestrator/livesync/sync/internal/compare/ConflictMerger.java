package org.orchestrator.livesync.sync.internal.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.inventory.CanonicalJson;
import org.orchestrator.livesync.inventory.Hashed;
import org.orchestrator.livesync.inventory.InventoryItem;
import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.sync.internal.BaseContents;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;

import org.springframework.stereotype.Component;

/**
 * Decides the conflicts of a compare field by field: with the base content of the last
 * sync, an item both sides changed merges when they changed different fields (or made the
 * same change), and stays a conflict, with its conflicting fields marked, when they did
 * not, unless the operator chose for each of those fields. Without a kept base content
 * (bases recorded before contents were kept) it stays a conflict of the whole item.
 */
@Component
public class ConflictMerger {

	private static final Logger log = LoggerFactory.getLogger(ConflictMerger.class);

	/** The field of an SSH key's peer view that stands for its private key. */
	private static final String PRIVATE_KEY = "private_key_fingerprint";

	private final BaseContents contents;

	private final InventoryReader inventory;

	ConflictMerger(BaseContents contents, InventoryReader inventory) {
		this.contents = contents;
		this.inventory = inventory;
	}

	/** A compared item with both sides' peer views (null where a side lacks it). */
	record Detailed(ClassifiedItem item, JsonNode local, JsonNode remote) {
	}

	/**
	 * The items with their field changes: a conflict both sides still have is merged (or
	 * its conflicting fields are marked), everything else is diffed two ways.
	 * {@code choices} holds the operator's decisions per item and field.
	 */
	Flux<ClassifiedItem> decide(List<Detailed> batch, Map<ItemKey, Map<String, ThreeWayMerge.Choice>> choices,
			Function<ClassifiedItem, ThreeWayMerge.Choice> fallback) {
		List<String> hashes = new ArrayList<>();
		for (Detailed detailed : batch) {
			if (mergeable(detailed)) {
				hashes.add(detailed.item().entry().baseHash());
			}
		}
		return this.contents.contents(hashes).flatMapMany((bases) -> {
			List<Merging> merging = new ArrayList<>();
			List<Object> results = new ArrayList<>(batch.size());
			for (Detailed detailed : batch) {
				ClassifiedItem item = detailed.item();
				JsonNode base = mergeable(detailed) ? bases.get(item.entry().baseHash()) : null;
				if (base == null) {
					results.add(CompareEngine.withChanges(item, detailed.local(), detailed.remote())
						.withClocks(item.clocks()));
					continue;
				}
				Map<String, ThreeWayMerge.Choice> chosen = choices
					.getOrDefault(ItemKey.of(item.kind(), item.entry().key()), Map.of());
				ThreeWayMerge.Outcome outcome = ThreeWayMerge.merge(base, detailed.local(), detailed.remote(), chosen);
				ThreeWayMerge.Choice otherwise = outcome.clean() ? null : fallback.apply(item);
				if (otherwise != null) {
					// The policy decides the fields the operator left undecided.
					Map<String, ThreeWayMerge.Choice> all = new HashMap<>(chosen);
					outcome.undecided().forEach((field) -> all.put(field, otherwise));
					outcome = ThreeWayMerge.merge(base, detailed.local(), detailed.remote(), all);
				}
				Merging each = new Merging(detailed, outcome);
				merging.add(each);
				results.add(each);
			}
			return secrets(merging).thenMany(Flux.fromIterable(results))
				.map((result) -> (result instanceof Merging m) ? m.classified() : (ClassifiedItem) result);
		});
	}

	/** Changed on both sides, which both still have: the merge needs the base. */
	private static boolean mergeable(Detailed detailed) {
		return detailed.item().status() == ComparisonStatus.CONFLICT && detailed.local() != null
				&& detailed.remote() != null && detailed.item().entry().baseHash() != null;
	}

	/** Reads this server's private keys of the SSH keys that merged, to send them. */
	private Mono<Void> secrets(List<Merging> merging) {
		List<String> keys = merging.stream()
			.filter((m) -> m.outcome.clean() && m.detailed.item().kind() == ItemKind.SSH_KEY)
			.map((m) -> m.detailed.item().entry().key())
			.toList();
		if (keys.isEmpty()) {
			return Mono.empty();
		}
		Map<String, JsonNode> packageViews = new HashMap<>();
		return this.inventory.packageView(ItemKind.SSH_KEY, keys)
			.doOnNext((key) -> packageViews.put(key.key(), key.content()))
			.then(Mono.fromRunnable(
					() -> merging.forEach((m) -> m.localPackage = (m.detailed.item().kind() == ItemKind.SSH_KEY)
							? packageViews.get(m.detailed.item().entry().key()) : null)));
	}

	/** One conflict on its way through the merge. */
	private static final class Merging {

		private final Detailed detailed;

		private final ThreeWayMerge.Outcome outcome;

		private JsonNode localPackage;

		Merging(Detailed detailed, ThreeWayMerge.Outcome outcome) {
			this.detailed = detailed;
			this.outcome = outcome;
		}

		ClassifiedItem classified() {
			ClassifiedItem item = this.detailed.item();
			ComparisonEntry entry = item.entry();
			List<FieldChange> changes = this.outcome.changes();
			Hashed<?> merged = this.outcome.clean() ? build(item.kind()) : null;
			if (merged == null) {
				if (this.outcome.clean()) {
					changes = markPrivateKey(changes);
				}
				return new ClassifiedItem(item.kind(), ComparisonStatus.CONFLICT, new ComparisonEntry(entry.key(),
						entry.localHash(), entry.remoteHash(), entry.baseHash(), entry.changedOn(), changes), null,
						item.clocks());
			}
			return new ClassifiedItem(item.kind(), ComparisonStatus.MERGED,
					new ComparisonEntry(entry.key(), entry.localHash(), entry.remoteHash(), entry.baseHash(),
							entry.changedOn(), changes, merged.contentHash()),
					CanonicalJson.tree(merged.item()), item.clocks());
		}

		/**
		 * The merged item as a package carries it, validated and hashed; null when it
		 * cannot be sent from here: an SSH key whose private key would be the remote's
		 * (this server never sees it), or a merge that is not a valid item.
		 */
		@SuppressWarnings({ "unchecked", "rawtypes" })
		private Hashed<?> build(ItemKind kind) {
			JsonNode content = this.outcome.merged();
			if (kind == ItemKind.SSH_KEY) {
				if (!Objects.equals(text(content, PRIVATE_KEY), text(this.detailed.local(), PRIVATE_KEY))
						|| this.localPackage == null) {
					return null;
				}
				ObjectNode key = ((ObjectNode) content).deepCopy();
				key.remove(List.of("fingerprint", PRIVATE_KEY));
				JsonNode privateKey = this.localPackage.get("private_key");
				if (privateKey != null && !privateKey.isNull()) {
					key.set("private_key", privateKey);
				}
				content = key;
			}
			try {
				InventoryItem<?> item = CanonicalJson.read(CanonicalJson.writeTree(content), kind.itemClass());
				Violations violations = new Violations();
				Hashed<?> hashed = Hashed.prepare((InventoryItem) item, violations);
				if (hashed == null || !item.naturalKey().equals(this.detailed.item().entry().key())) {
					log.info("The merge of {} '{}' is not a valid item ({}): left a conflict", kind.type(),
							this.detailed.item().entry().key(), violations.errors());
					return null;
				}
				return hashed;
			}
			catch (JacksonException ex) {
				log.info("The merge of {} '{}' does not read as an item: left a conflict", kind.type(),
						this.detailed.item().entry().key());
				return null;
			}
		}

		/**
		 * The private key counts as conflicting when only the remote holds the merged
		 * one.
		 */
		private static List<FieldChange> markPrivateKey(List<FieldChange> changes) {
			return changes.stream()
				.map((change) -> PRIVATE_KEY.equals(change.field()) ? new FieldChange(change.field(), change.local(),
						change.remote(), change.base(), change.changedOn(), Boolean.TRUE) : change)
				.toList();
		}

		private static String text(JsonNode node, String field) {
			JsonNode value = (node != null) ? node.get(field) : null;
			return (value != null && value.isString()) ? value.stringValue() : null;
		}

	}

}
