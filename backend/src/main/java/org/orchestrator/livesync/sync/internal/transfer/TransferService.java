package org.orchestrator.livesync.sync.internal.transfer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.inventory.TableStatistics;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.sync.internal.BaseContents;
import org.orchestrator.livesync.sync.internal.SyncBases;
import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.sync.internal.replication.Checkpoints;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Builds packages on the source: the selected items as they are now (an item deleted here
 * travels as a deletion), each with its hash, compressed, checksummed and sealed.
 */
@Service
public class TransferService {

	private final InventoryReader inventory;

	private final WholePackageSealer sealer;

	private final PackageOffers offers;

	private final SyncProperties sync;

	private final TransactionalOperator transaction;

	private final Clock clock;

	private final Checkpoints checkpoints;

	private final TableStatistics statistics;

	private final BaseContents contents;

	TransferService(InventoryReader inventory, WholePackageSealer sealer, PackageOffers offers, SyncProperties sync,
			TransactionalOperator transaction, Clock clock, Checkpoints checkpoints, TableStatistics statistics,
			BaseContents contents) {
		this.contents = contents;
		this.statistics = statistics;
		this.checkpoints = checkpoints;
		this.inventory = inventory;
		this.sealer = sealer;
		this.offers = offers;
		this.sync = sync;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * A package of the selection for the peer {@code peerServerId}, remembered as an
	 * offer until the peer confirms it applied it.
	 */
	public Mono<SyncPackage> build(Selection selection, boolean encrypted, String peerServerId) {
		if (!encrypted && this.sync.encryption().enabled()) {
			return Mono.error(
					new ProblemException(ProblemCode.ENCRYPTION_REQUIRED, "this server sends encrypted packages only"));
		}
		Violations violations = new Violations();
		selection.validate("items", violations);
		if (!violations.isEmpty()) {
			return Mono.error(ProblemException.invalid(violations.errors()));
		}
		return Mono.defer(() -> {
			// What the package holds, kept to set the bases when the peer confirms it.
			List<SyncBases.Synced> manifest = new ArrayList<>();
			List<PackageLine> upserts = new ArrayList<>();
			return Flux.fromArray(ItemKind.values())
				.concatMap((kind) -> lines(kind, selection.sortedKeys(kind), encrypted))
				.doOnNext((line) -> {
					manifest.add(line.synced());
					if (line.item() != null) {
						upserts.add(line);
					}
				})
				.publishOn(Schedulers.boundedElastic())
				.reduceWith(LineWriter::new, LineWriter::add)
				.flatMap((written) -> this.sealer.seal(written, encrypted))
				.flatMap((built) -> this.offers
					.forgetOlderThan(this.clock.instant().minus(this.sync.tokenLifetime().multipliedBy(2)))
					.then(this.offers.record(UUID.fromString(built.packageId()), peerServerId, manifest))
					.then(keepContents(upserts))
					.as(this.transaction::transactional)
					.thenReturn(built));
		});
	}

	/**
	 * The lines of the named items of one kind: upserts of what exists, deletions of what
	 * this server deleted; a key it never had is not found.
	 */
	Flux<PackageLine> lines(ItemKind kind, List<String> keys, boolean encrypted) {
		if (keys.isEmpty()) {
			return Flux.empty();
		}
		return this.inventory.packageView(kind, keys).collectList().flatMapMany((found) -> {
			Set<String> present = new HashSet<>();
			found.forEach((item) -> present.add(item.key()));
			List<String> absent = keys.stream().filter((key) -> !present.contains(key)).toList();
			Mono<List<ItemSnapshot>> deleted = absent.isEmpty() ? Mono.just(List.of())
					: this.inventory.tombstones(kind, absent).collectList();
			return deleted.flatMapMany((tombstones) -> {
				Set<String> wasDeleted = new HashSet<>();
				tombstones.forEach((t) -> wasDeleted.add(t.key()));
				List<String> unknown = absent.stream().filter((key) -> !wasDeleted.contains(key)).toList();
				if (!unknown.isEmpty()) {
					return Flux.error(ProblemException.notFound(
							kind.type() + " '" + String.join("', '", unknown.subList(0, Math.min(5, unknown.size())))
									+ "'" + (unknown.size() > 5 ? " and more" : "") + " (selected for sync)"));
				}
				List<PackageLine> lines = new ArrayList<>();
				for (ItemSnapshot item : found) {
					if (!encrypted && item.content().hasNonNull("private_key")) {
						return Flux.error(ProblemException.invalid("encrypted", "SSH key '" + item.key()
								+ "' has a private key, which travels in encrypted packages only"));
					}
					lines.add(new PackageLine(kind.type(), PackageLine.UPSERT, item.key(), item.contentHash(),
							item.content()));
				}
				tombstones.forEach((t) -> lines
					.add(new PackageLine(kind.type(), PackageLine.DELETE, t.key(), t.contentHash(), null)));
				lines.sort(java.util.Comparator.comparing(PackageLine::key));
				return Flux.fromIterable(lines);
			});
		});
	}

	/**
	 * Starts remembering a package streamed to a peer, so that its hashes can become the
	 * bases once the peer has applied it ({@link #confirm}).
	 */
	public Mono<Void> openOffer(String packageId, String peerServerId) {
		return this.offers.forgetOlderThan(this.clock.instant().minus(this.sync.tokenLifetime().multipliedBy(2)))
			.then(this.offers.open(UUID.fromString(packageId), peerServerId));
	}

	/**
	 * Adds the items of these lines (as they are sent) to a package opened with
	 * {@link #openOffer}, and keeps their contents for the bases they will become. A
	 * merge is no base yet: the pull that brings it back makes it one.
	 */
	public Mono<Void> addToOffer(String packageId, List<PackageLine> lines) {
		List<PackageLine> offered = lines.stream().filter((line) -> !PackageLine.MERGE.equals(line.action())).toList();
		return this.offers.add(UUID.fromString(packageId), offered.stream().map(PackageLine::synced).toList())
			.then(keepContents(offered));
	}

	/**
	 * Keeps the contents the lines' bases will have: an upsert's own, an agreement's as
	 * this server has it (both sides have the same).
	 */
	Mono<Void> keepContents(List<PackageLine> lines) {
		List<BaseContents.Kept> kept = new ArrayList<>();
		Map<ItemKind, Map<String, String>> agreed = new EnumMap<>(ItemKind.class);
		for (PackageLine line : lines) {
			ItemKind kind = ItemKind.ofType(line.type());
			if (line.item() != null) {
				kept.add(new BaseContents.Kept(line.contentHash(), BaseContents.peerView(kind, line.item())));
			}
			else if (line.isBase()) {
				agreed.computeIfAbsent(kind, (k) -> new HashMap<>()).put(line.key(), line.contentHash());
			}
		}
		return Flux.fromIterable(agreed.entrySet())
			.concatMap((entry) -> this.inventory.peerView(entry.getKey(), new ArrayList<>(entry.getValue().keySet()))
				.filter((item) -> item.contentHash().equals(entry.getValue().get(item.key()))))
			.doOnNext((item) -> kept.add(new BaseContents.Kept(item.contentHash(), item.content())))
			.then(Mono.defer(() -> this.contents.keep(kept)));
	}

	/**
	 * Takes out of an offered package the items the peer left alone (changed there since
	 * the compare): they become no bases when it is confirmed.
	 */
	public Mono<Void> withdrawFromOffer(String packageId, List<ItemKey> items) {
		if (items.isEmpty()) {
			return Mono.empty();
		}
		return packageId(packageId).flatMap((id) -> this.offers.withdraw(id, items));
	}

	private static Mono<UUID> packageId(String packageId) {
		try {
			return Mono.just(UUID.fromString(packageId));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Mono.error(ProblemException.invalid("package_id", "must be a package id (UUID)"));
		}
	}

	/**
	 * Records that the peer applied an offered package: its hashes become the bases, and
	 * the replication checkpoint with the peer takes the package's id, as the peer's did
	 * when it applied it.
	 */
	public Mono<Long> confirm(String packageId, String peerServerId) {
		return packageId(packageId)
			.flatMap((id) -> this.offers.confirm(id, peerServerId)
				.flatMap((recorded) -> this.checkpoints.rotate(peerServerId, id).thenReturn(recorded)))
			.as(this.transaction::transactional)
			.doOnNext(this.statistics::afterWrite)
			.switchIfEmpty(Mono.error(() -> ProblemException
				.notFound("an unconfirmed package " + packageId + " offered to this session's peer")));
	}

}
