package org.orchestrator.livesync.sync.internal.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.InventoryDigests;
import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.sync.internal.SyncBases;
import org.orchestrator.livesync.sync.internal.protocol.PeerMessages;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient.RemoteSession;
import org.orchestrator.livesync.sync.internal.transfer.ItemKey;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.SyncMetrics;

import org.springframework.stereotype.Component;

/**
 * "Compare this server with that remote for this scope", the one way sessions and jobs
 * compare with a remote: kinds whose digests agree are not compared item by item (their
 * items are listed as identical from this server's hashes), the rest is compared by the
 * hashes the remote streams (which must come from the server the compare began with),
 * three-way against the bases recorded with it.
 */
@Component
public class RemoteCompare {

	private static final Logger log = LoggerFactory.getLogger(RemoteCompare.class);

	/** Items whose contents are read at once to show their field changes. */
	private static final int DETAILS_PER_READ = 1000;

	/** Items looked at per write of the stale bases among them. */
	private static final int STALE_PER_WRITE = 1000;

	private final RemoteClient remote;

	private final InventoryReader inventory;

	private final InventoryDigests digests;

	private final SyncBases bases;

	private final ComparePlanner planner;

	private final ConflictMerger merger;

	private final SyncMetrics metrics;

	RemoteCompare(RemoteClient remote, InventoryReader inventory, InventoryDigests digests, SyncBases bases,
			ComparePlanner planner, ConflictMerger merger, SyncMetrics metrics) {
		this.metrics = metrics;
		this.merger = merger;
		this.planner = planner;
		this.remote = remote;
		this.inventory = inventory;
		this.digests = digests;
		this.bases = bases;
	}

	/**
	 * The remote end of a compare: where it is, the server it must be, and the session
	 * this server holds there.
	 */
	public record Remote(String url, String serverId, RemoteSession session) {
	}

	/**
	 * A whole inventory compare, as a session shows it. Incremental when the replication
	 * state with the remote is current: only what changed on either side since the last
	 * checkpoint (or was left different then) is compared, the rest is identical.
	 * Otherwise kinds whose digests agree are identical, and the others are compared by
	 * hashes. Either way the identical items not compared are listed too (up to the
	 * lists' cap, the rest counted), so that a list of everything shows them, and the
	 * contents are read only of items that differ or conflict, to show their fields.
	 */
	public Mono<Comparison> compare(Remote remote) {
		long started = System.nanoTime();
		long[] planned = new long[1];
		// The plan and the digests at once: an identical compare is their round trips.
		Mono<ComparePlan> plans = this.planner.plan(remote).doOnNext((plan) -> planned[0] = System.nanoTime());
		return Mono.zip(plans, this.digests.digests(), this.remote.digest(remote.url(), remote.session()))
			.flatMap((all) -> compare(remote, all.getT1(), all.getT2(), all.getT3()))
			.doOnNext((comparison) -> this.metrics.compared(comparison.method().mode(),
					Duration.ofNanos(System.nanoTime() - started)))
			.doOnNext((comparison) -> log.info("Compared with {} ({}) in {} ms (planned in {} ms): {}", remote.url(),
					describe(comparison.method()), (System.nanoTime() - started) / 1_000_000,
					(planned[0] - started) / 1_000_000, comparison.summary()));
	}

	private Mono<Comparison> compare(Remote remote, ComparePlan plan, Map<ItemKind, InventoryDigests.Digest> local,
			PeerMessages.DigestResponse theirs) {
		EnumSet<ItemKind> differing = EnumSet.allOf(ItemKind.class);
		if (!plan.incremental()) {
			differing.removeAll(agreeing(local, theirs, remote.serverId(), EnumSet.allOf(ItemKind.class)));
		}
		Scope requested = Scope.of(differing, Map.of());
		CheckpointRecorder recorder = this.planner.recorder(plan, requested);
		Scope scope = plan.narrow(requested);
		long[] listedHere = new long[ItemKind.values().length];
		Flux<ClassifiedItem> items = scope.isEmpty() ? Flux.empty() : classify(remote, scope, () -> {
		}).doOnNext((item) -> {
			recorder.observe(item, CheckpointRecorder.settled(item));
			if (item.entry().localHash() != null) {
				listedHere[item.kind().ordinal()]++;
			}
		});
		long[] listedAlike = new long[ItemKind.values().length];
		Flux<ClassifiedItem> alike = alike(
				plan.incremental() ? EnumSet.allOf(ItemKind.class) : EnumSet.complementOf(differing), plan)
			.doOnNext((item) -> listedAlike[item.kind().ordinal()]++);
		return items.buffer(DETAILS_PER_READ)
			.concatMap((batch) -> withChanges(batch, remote, RemoteCompare::detailed, Map.of(), (item) -> null))
			.concatWith(alike)
			.reduceWith(() -> new Comparison.Collector().method(plan.method()), Comparison.Collector::add)
			.flatMap((Comparison.Collector collector) -> this.planner.recordLater(remote, recorder)
				.thenReturn(collector))
			.map((Comparison.Collector collector) -> {
				for (ItemKind kind : ItemKind.values()) {
					// Never below zero: an item deleted here since the digests were read.
					collector.identicalUnlisted(kind, Math.max(0,
							unlisted(local, differing, plan, kind, listedHere) - listedAlike[kind.ordinal()]));
				}
				return collector.build();
			});
	}

	/**
	 * The identical items of {@code kinds} that were not compared one by one, as many as
	 * a list holds: every item of a kind whose digests agree, or (incremental) every item
	 * but the candidates. Both sides have them with the same hash, so this server's hash
	 * is the remote's too. A bounded read: an identical million costs no more than a cut
	 * list.
	 */
	private Flux<ClassifiedItem> alike(Set<ItemKind> kinds, ComparePlan plan) {
		return Flux.fromIterable(kinds).concatMap((kind) -> {
			Set<String> candidates = plan.candidates().getOrDefault(kind, Set.of());
			return this.inventory.firstHashes(kind, Comparison.MAX_LISTED + candidates.size())
				.filter((item) -> !candidates.contains(item.key()))
				.take(Comparison.MAX_LISTED)
				.map((item) -> new ClassifiedItem(kind, ComparisonStatus.IDENTICAL,
						new ComparisonEntry(item.key(), item.contentHash(), item.contentHash(), null, null, null)));
		});
	}

	private static String describe(CompareMethod method) {
		return "incremental".equals(method.mode()) ? "incremental, " + method.candidates() + " candidates"
				: "full: " + method.reason();
	}

	/**
	 * The items of a kind on this server identical without being compared one by one: all
	 * of a kind whose digests agree, or (incremental) every item but the candidates.
	 */
	private static long unlisted(Map<ItemKind, InventoryDigests.Digest> local, Set<ItemKind> compared, ComparePlan plan,
			ItemKind kind, long[] listedHere) {
		if (plan.incremental()) {
			return local.get(kind).items() - listedHere[kind.ordinal()];
		}
		return compared.contains(kind) ? 0 : local.get(kind).items();
	}

	/**
	 * The kinds among {@code kinds} whose digests agree on both servers (same items, same
	 * hashes), so they need no item-by-item compare. None when the remote is no longer
	 * the server the compare began with.
	 */
	public Mono<Set<ItemKind>> agreeing(Remote remote, Set<ItemKind> kinds) {
		return Mono.zip(this.digests.digests(), this.remote.digest(remote.url(), remote.session()))
			.map((both) -> agreeing(both.getT1(), both.getT2(), remote.serverId(), kinds));
	}

	/**
	 * The same as {@link #classify}, with every conflict decided field by field: merged
	 * when both sides changed different fields, or as {@code choices} says per item and
	 * field, or else as {@code fallback} says for all of an item's conflicting fields
	 * (null: nothing), else left a conflict with its conflicting fields marked. Each
	 * conflict (and item created on both sides differently) carries the stamps of both
	 * sides' last changes.
	 */
	public Flux<ClassifiedItem> classifyMerging(Remote remote, Scope scope, Runnable onAnswer,
			Map<ItemKey, Map<String, ThreeWayMerge.Choice>> choices,
			Function<ClassifiedItem, ThreeWayMerge.Choice> fallback) {
		return classify(remote, scope, onAnswer).buffer(DETAILS_PER_READ)
			.concatMap((batch) -> withChanges(batch, remote, RemoteCompare::twoSided, choices, fallback));
	}

	/** A conflict, or an item created on both sides differently. */
	private static boolean twoSided(ClassifiedItem item) {
		return item.status() == ComparisonStatus.CONFLICT
				|| (item.status() == ComparisonStatus.DIFFERENT && "unknown".equals(item.entry().changedOn()));
	}

	/**
	 * This server's items in scope against the remote's, three-way, streamed in inventory
	 * order; {@code onAnswer} runs when the remote's first line arrives.
	 */
	public Flux<ClassifiedItem> classify(Remote remote, Scope scope, Runnable onAnswer) {
		AtomicBoolean first = new AtomicBoolean(true);
		Flux<PeerMessages.HashLine> lines = this.remote.hashes(remote.url(), remote.session(), scope)
			.doOnNext((line) -> {
				if (first.getAndSet(false)) {
					onAnswer.run();
				}
			});
		return clearingStaleBases(CompareEngine.compareWithStaleBases(this.inventory.hashes(scope),
				remoteHashes(lines, remote), this.bases.stream(remote.serverId(), scope)), remote.serverId());
	}

	/**
	 * The items without those deleted on both sides, whose stale bases are cleared here
	 * on the way, so that a later re-create is new, not a conflict. The remote's own base
	 * of such an item is cleared when it compares with this server.
	 */
	private Flux<ClassifiedItem> clearingStaleBases(Flux<ClassifiedItem> items, String peerServerId) {
		return items.buffer(STALE_PER_WRITE).concatMap((batch) -> {
			List<SyncBases.Synced> stale = new ArrayList<>();
			List<ClassifiedItem> kept = new ArrayList<>(batch.size());
			for (ClassifiedItem item : batch) {
				if (item.deletedOnBoth()) {
					stale.add(new SyncBases.Synced(item.kind(), item.entry().key(), item.entry().baseHash()));
				}
				else {
					kept.add(item);
				}
			}
			return this.bases.clearStale(peerServerId, stale).thenMany(Flux.fromIterable(kept));
		});
	}

	/**
	 * The item hashes of a remote's hash stream, which must come from the server the
	 * compare began with: a remote whose server id changed (restored from another
	 * server's backup, or another server now behind the URL) is not compared with bases
	 * it never had.
	 */
	static Flux<ItemSnapshot> remoteHashes(Flux<PeerMessages.HashLine> lines, Remote remote) {
		return lines.handle((line, sink) -> {
			if (line.isMetadata() && !remote.serverId().equals(line.serverId())) {
				sink.error(new ProblemException(ProblemCode.REMOTE_CHANGED,
						remote.url() + " is no longer the server this compare began with"));
				return;
			}
			ItemSnapshot item = RemoteItems.hash(line);
			if (item != null) {
				sink.next(item);
			}
		});
	}

	/**
	 * The kinds among {@code kinds} whose local digest equals the remote's; none when the
	 * digests come from another server than {@code serverId}.
	 */
	static Set<ItemKind> agreeing(Map<ItemKind, InventoryDigests.Digest> local, PeerMessages.DigestResponse remote,
			String serverId, Set<ItemKind> kinds) {
		Set<ItemKind> agreeing = EnumSet.noneOf(ItemKind.class);
		if (!serverId.equals(remote.serverId())) {
			return agreeing;
		}
		for (ItemKind kind : kinds) {
			InventoryDigests.Digest mine = local.get(kind);
			if (mine != null && mine.equals(remote.of(kind.section()))) {
				agreeing.add(kind);
			}
		}
		return agreeing;
	}

	/**
	 * The batch with the field changes of the items {@code detailed} picks filled in, and
	 * its conflicts merged where they can be.
	 */
	private Flux<ClassifiedItem> withChanges(List<ClassifiedItem> batch, Remote remote,
			Predicate<ClassifiedItem> detailed, Map<ItemKey, Map<String, ThreeWayMerge.Choice>> choices,
			Function<ClassifiedItem, ThreeWayMerge.Choice> fallback) {
		Map<ItemKind, List<String>> keys = new EnumMap<>(ItemKind.class);
		for (ClassifiedItem item : batch) {
			if (detailed.test(item)) {
				keys.computeIfAbsent(item.kind(), (k) -> new ArrayList<>()).add(item.entry().key());
			}
		}
		if (keys.isEmpty()) {
			return Flux.fromIterable(batch);
		}
		Map<String, JsonNode> local = new ConcurrentHashMap<>();
		Map<String, JsonNode> remoteContents = new ConcurrentHashMap<>();
		Map<String, Long> localClocks = new ConcurrentHashMap<>();
		Map<String, Long> remoteClocks = new ConcurrentHashMap<>();
		// Both sides' contents at once: the remote's answer takes a round trip, this
		// server's a query, and neither needs the other.
		return Flux.fromIterable(keys.entrySet())
			.concatMap((entry) -> Mono.when(
					this.inventory.peerView(entry.getKey(), entry.getValue())
						.doOnNext((item) -> local.put(id(item.kind(), item.key()), item.content())),
					this.inventory.stamps(entry.getKey(), entry.getValue())
						.doOnNext((stamps) -> stamps
							.forEach((key, stamp) -> localClocks.put(id(entry.getKey(), key), stamp))),
					this.remote.items(remote.url(), remote.session(), entry.getKey(), entry.getValue())
						.doOnNext((line) -> remoteLine(entry.getKey(), line, remoteContents, remoteClocks))))
			.then(Mono.defer(() -> this.merger.decide(batch.stream().filter(detailed).map((item) -> {
				String id = id(item.kind(), item.entry().key());
				return new ConflictMerger.Detailed(
						item.withClocks(new ClassifiedItem.Clocks(localClocks.get(id), remoteClocks.get(id))),
						local.get(id), remoteContents.get(id));
			}).toList(), choices, fallback).collectList()))
			// The decided items in their places, in order.
			.flatMapIterable((decided) -> {
				Iterator<ClassifiedItem> next = decided.iterator();
				return batch.stream().map((item) -> detailed.test(item) ? next.next() : item).toList();
			});
	}

	/**
	 * Takes in one line of the remote's items: an item's content, or a deletion, each
	 * with the stamp of its last change when the remote has one.
	 */
	private static void remoteLine(ItemKind kind, JsonNode line, Map<String, JsonNode> contents,
			Map<String, Long> clocks) {
		Long stamp = RemoteItems.stamp(line);
		if (RemoteItems.deleted(line)) {
			JsonNode key = line.get("key");
			if (stamp != null && key != null && key.isString()) {
				clocks.put(id(kind, key.stringValue()), stamp);
			}
			return;
		}
		ItemSnapshot item = RemoteItems.snapshot(kind, line, "remote " + kind.type());
		contents.put(id(kind, item.key()), item.content());
		if (stamp != null) {
			clocks.put(id(kind, item.key()), stamp);
		}
	}

	private static boolean detailed(ClassifiedItem item) {
		return item.status() == ComparisonStatus.DIFFERENT || item.status() == ComparisonStatus.CONFLICT;
	}

	private static String id(ItemKind kind, String key) {
		return kind.type() + ":" + key;
	}

}
