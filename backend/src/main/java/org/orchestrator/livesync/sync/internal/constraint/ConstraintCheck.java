package org.orchestrator.livesync.sync.internal.constraint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.ConstraintFacts;
import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.sync.internal.compare.ComparisonEntry;
import org.orchestrator.livesync.sync.internal.compare.Comparison;
import org.orchestrator.livesync.sync.internal.compare.RemoteCompare;
import org.orchestrator.livesync.sync.internal.compare.RemoteItems;
import org.orchestrator.livesync.sync.internal.remote.RemoteClient;

import org.springframework.stereotype.Component;

/**
 * Finds, before anything is applied, the inventory rules a sync would break on either
 * server: it reads what the moving nodes and clusters will be, asks both servers what
 * they have of the nodes, keys and addresses involved, and checks each side's arrivals
 * against that side ({@link ConstraintRules}).
 */
@Component
public class ConstraintCheck {

	private static final Logger log = LoggerFactory.getLogger(ConstraintCheck.class);

	/** Contents read per round trip. */
	private static final int PER_READ = 1000;

	private final ConstraintFacts facts;

	private final InventoryReader inventory;

	private final RemoteClient remote;

	ConstraintCheck(ConstraintFacts facts, InventoryReader inventory, RemoteClient remote) {
		this.facts = facts;
		this.inventory = inventory;
		this.remote = remote;
	}

	/**
	 * One item a sync moves: to the remote or here, written ({@code content} as it will
	 * be, or null to read it from the side it comes from) or deleted.
	 */
	public record Moving(ItemKind kind, String key, boolean toRemote, boolean delete, JsonNode content) {
	}

	/**
	 * The rules the moves would break, on either side; empty (no answer) when there are
	 * too many items to check before the apply, whose own constraints still hold.
	 */
	public Mono<List<ConstraintConflict>> check(RemoteCompare.Remote remote, List<Moving> moving) {
		List<Moving> toRead = moving.stream()
			.filter((item) -> !item.delete() && item.content() == null
					&& (item.kind() == ItemKind.NODE || item.kind() == ItemKind.CLUSTER))
			.toList();
		if (toRead.size() > ConstraintFacts.MAX_ASKED) {
			log.info("Constraint check skipped: {} nodes and clusters move (at most {} are checked ahead)",
					toRead.size(), ConstraintFacts.MAX_ASKED);
			return Mono.empty();
		}
		Incoming toLocal = new Incoming();
		Incoming toRemote = new Incoming();
		for (Moving item : moving) {
			Incoming in = item.toRemote() ? toRemote : toLocal;
			if (item.delete()) {
				in.delete(item.kind(), item.key());
			}
			else if (item.content() != null || (item.kind() != ItemKind.NODE && item.kind() != ItemKind.CLUSTER)) {
				in.upsert(item.kind(), item.key(), item.content());
			}
		}
		return read(remote, toRead, toLocal, toRemote).then(Mono.defer(() -> {
			ConstraintFacts.Probe probe = probe(toLocal, toRemote);
			if (!probe.fits()) {
				log.info("Constraint check skipped: too many names to look up");
				return Mono.empty();
			}
			return Mono.zip(this.facts.of(probe), this.remote.facts(remote.url(), remote.session(), probe))
				.flatMap((both) -> namedNodes(remote, probe, both.getT1(), both.getT2()))
				.map((both) -> {
					List<ConstraintConflict> found = new ArrayList<>(
							ConstraintRules.check("remote", toRemote, both.getT2(), both.getT1()));
					found.addAll(ConstraintRules.check("local", toLocal, both.getT1(), both.getT2()));
					return found;
				});
		}));
	}

	/**
	 * The comparison with the rules a sync of everything both ways would break: what
	 * changed on one side goes to the other (merged items and conflicts, whose outcome
	 * the job decides, are checked when a job takes them).
	 */
	public Mono<Comparison> annotate(RemoteCompare.Remote remote, Comparison comparison) {
		List<Moving> moving = new ArrayList<>();
		for (ItemKind kind : ItemKind.values()) {
			Comparison.KindComparison lists = comparison.of(kind);
			if (lists == null) {
				continue;
			}
			for (ComparisonEntry entry : lists.different()) {
				if (!"unknown".equals(entry.changedOn())) {
					moving.add(new Moving(kind, entry.key(), "local".equals(entry.changedOn()), false, null));
				}
			}
			lists.missingOnRemote().forEach((entry) -> moving.add(new Moving(kind, entry.key(), true, false, null)));
			lists.missingOnLocal().forEach((entry) -> moving.add(new Moving(kind, entry.key(), false, false, null)));
			lists.deletedOnLocal().forEach((entry) -> moving.add(new Moving(kind, entry.key(), true, true, null)));
			lists.deletedOnRemote().forEach((entry) -> moving.add(new Moving(kind, entry.key(), false, true, null)));
		}
		if (moving.isEmpty()) {
			return Mono.just(comparison.withConstraintConflicts(List.of()));
		}
		return check(remote, moving).map(comparison::withConstraintConflicts).defaultIfEmpty(comparison);
	}

	/**
	 * Both sides' facts, with what each has of the nodes that the answers named (holders
	 * of an address, users of a key) and the probe did not: whether another side's
	 * version of them would fix a clash.
	 */
	private Mono<Tuple2<ConstraintFacts.Facts, ConstraintFacts.Facts>> namedNodes(RemoteCompare.Remote remote,
			ConstraintFacts.Probe probe, ConstraintFacts.Facts here, ConstraintFacts.Facts there) {
		Set<String> named = new TreeSet<>(here.namedNodes());
		named.addAll(there.namedNodes());
		named.removeAll(probe.nodes());
		if (named.isEmpty() || named.size() > ConstraintFacts.MAX_ASKED) {
			return Mono.just(Tuples.of(here, there));
		}
		ConstraintFacts.Probe more = new ConstraintFacts.Probe(List.copyOf(named), List.of(), List.of());
		return Mono.zip(this.facts.of(more), this.remote.facts(remote.url(), remote.session(), more))
			.map((both) -> Tuples.of(here.withNodes(both.getT1().nodes()), there.withNodes(both.getT2().nodes())));
	}

	/** Reads the nodes and clusters that move as they are on the side they come from. */
	private Mono<Void> read(RemoteCompare.Remote remote, List<Moving> toRead, Incoming toLocal, Incoming toRemote) {
		Map<ItemKind, List<String>> fromHere = new EnumMap<>(ItemKind.class);
		Map<ItemKind, List<String>> fromThere = new EnumMap<>(ItemKind.class);
		toRead.forEach((item) -> (item.toRemote() ? fromHere : fromThere)
			.computeIfAbsent(item.kind(), (k) -> new ArrayList<>())
			.add(item.key()));
		Flux<Void> here = Flux.fromIterable(fromHere.entrySet())
			.concatMap((entry) -> Flux.fromIterable(batches(entry.getValue()))
				.concatMap((keys) -> this.inventory.peerView(entry.getKey(), keys)
					.doOnNext((item) -> toRemote.upsert(item.kind(), item.key(), item.content()))
					.then()));
		Flux<Void> there = Flux.fromIterable(fromThere.entrySet())
			.concatMap((entry) -> Flux.fromIterable(batches(entry.getValue()))
				.concatMap((keys) -> this.remote.items(remote.url(), remote.session(), entry.getKey(), keys)
					.filter((line) -> !RemoteItems.deleted(line))
					.map((line) -> RemoteItems.snapshot(entry.getKey(), line, "remote " + entry.getKey().type()))
					.doOnNext((item) -> toLocal.upsert(item.kind(), item.key(), item.content()))
					.then()));
		return Mono.when(here, there);
	}

	private static ConstraintFacts.Probe probe(Incoming toLocal, Incoming toRemote) {
		Set<String> hosts = new TreeSet<>(toLocal.hostnames());
		hosts.addAll(toRemote.hostnames());
		Set<String> keys = new TreeSet<>(toLocal.keys());
		keys.addAll(toRemote.keys());
		Set<String> ips = new TreeSet<>(toLocal.ips());
		ips.addAll(toRemote.ips());
		return new ConstraintFacts.Probe(List.copyOf(hosts), List.copyOf(keys), List.copyOf(ips));
	}

	private static List<List<String>> batches(List<String> keys) {
		List<List<String>> batches = new ArrayList<>();
		for (int i = 0; i < keys.size(); i += PER_READ) {
			batches.add(keys.subList(i, Math.min(keys.size(), i + PER_READ)));
		}
		return batches;
	}

}
