package org.orchestrator.livesync.sync.internal.transfer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.inventory.Formats;
import org.orchestrator.livesync.inventory.Hashed;
import org.orchestrator.livesync.inventory.InventoryItem;
import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.InventoryWriter;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.sync.internal.SyncBases;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Applies packages on the target, all or nothing: inside one transaction every line is
 * checked (its content must validate and hash to the hash it came with, the package
 * checksum must match at the end), the items are written, references are checked, and the
 * bases with the source are recorded. A package applied before is not applied again.
 */
@Service
public class ReceiveService {

	/** Items written per statement: large enough that round trips do not dominate. */
	private static final int BATCH_SIZE = 2000;

	/**
	 * Batches checked ahead of the one being written: enough to overlap, few enough to
	 * keep memory flat.
	 */
	private static final int BATCHES_AHEAD = 2;

	/** Lines checked together on one core. */
	private static final int LINES_PER_CHECK = 500;

	private final PackageSealer sealer;

	private final InventoryWriter writer;

	private final InventoryReader inventory;

	private final SyncBases bases;

	private final ReceivedPackages received;

	private final TransactionalOperator transaction;

	private final JsonMapper json;

	private final StagedUploads staged;

	private final ApplyBounds bounds;

	ReceiveService(PackageSealer sealer, InventoryWriter writer, InventoryReader inventory, SyncBases bases,
			ReceivedPackages received, TransactionalOperator transaction, JsonMapper json, StagedUploads staged,
			ApplyBounds bounds) {
		this.staged = staged;
		this.bounds = bounds;
		this.sealer = sealer;
		this.writer = writer;
		this.inventory = inventory;
		this.bases = bases;
		this.received = received;
		this.transaction = transaction;
		this.json = json;
	}

	/** Applies a package in its JSON form (payload included). */
	public Mono<ReceiveResult> receive(SyncPackage received) {
		return once(received, () -> this.sealer.open(received)
			.flatMap((payload) -> apply(received, () -> payload, received.checksum(), received.items(), false)));
	}

	/**
	 * Applies a streamed package: {@code header} as sent ahead, {@code ciphertext} as it
	 * arrives. A dry run applies it in a transaction that is rolled back, and reports
	 * what it did.
	 */
	public Mono<ReceiveResult> receiveStream(String encodedHeader, Flux<byte[]> ciphertext, boolean dryRun) {
		return Mono.fromCallable(() -> PackageStreamer.decodeHeader(encodedHeader))
			.flatMap((header) -> receiveStream(header, ciphertext, dryRun));
	}

	/**
	 * Stages the whole upload first, outside any transaction, then applies it from
	 * storage: the apply transaction lasts as long as the apply, never as long as the
	 * sender takes.
	 */
	private Mono<ReceiveResult> receiveStream(SyncPackage header, Flux<byte[]> ciphertext, boolean dryRun) {
		Supplier<Mono<ReceiveResult>> apply = () -> Mono.usingWhen(
				Mono.fromRunnable(() -> this.sealer.checkStreamHeader(header))
					.then(this.staged.stage(header, ciphertext)),
				(upload) -> apply(header,
						() -> new FluxInputStream(this.sealer.decryptStream(header, this.staged.read(upload))), null, 0,
						dryRun),
				this.staged::discard, (upload, failure) -> this.staged.discard(upload), this.staged::discard);
		return dryRun ? Mono.defer(apply) : once(header, apply);
	}

	/** Applies a package unless it was applied before; then answers what it did then. */
	private Mono<ReceiveResult> once(SyncPackage received, Supplier<Mono<ReceiveResult>> apply) {
		return Mono.defer(() -> this.received.previously(received.packageId()))
			.switchIfEmpty(Mono.defer(apply))
			.onErrorResume(ReceivedPackages::isDuplicateReceipt,
					(ex) -> this.received.previously(received.packageId()).switchIfEmpty(Mono.error(ex)));
	}

	private Mono<ReceiveResult> apply(SyncPackage received, Supplier<InputStream> payload, String checksum, long items,
			boolean dryRun) {
		Tally tally = new Tally();
		// Reading is sequential (one stream, one checksum); checking lines costs more, so
		// batches of lines are checked on all cores, and handed on in order.
		Flux<Incoming> lines = PackageCodec.read(payload, checksum, items)
			.subscribeOn(Schedulers.boundedElastic())
			.buffer(LINES_PER_CHECK)
			.flatMapSequential((batch) -> Mono.fromCallable(() -> batch.stream().map(this::check).toList())
				.subscribeOn(Schedulers.parallel()), Schedulers.DEFAULT_POOL_SIZE)
			.flatMapIterable((checked) -> checked);
		Mono<ReceiveResult> applied = this.bounds.apply()
			.then(this.writer.deferConstraints())
			.thenMany(lines.buffer(BATCH_SIZE))
			.concatMap((batch) -> write(batch, received.sourceServerId(), tally), BATCHES_AHEAD)
			.then(this.writer.checkReferences())
			.then(Mono.fromCallable(() -> new ReceiveResult(true, received.packageId(), received.sourceServerId(),
					tally.applied, tally.changed, tally.deleted, List.of(), false, dryRun)))
			.flatMap((result) -> dryRun ? Mono.just(result) : this.received.remember(result).thenReturn(result))
			// Inside the transaction: running out of time is a failure, and rolls back.
			.timeout(this.bounds.timeout(), Mono.error(this.bounds::exceeded))
			.onErrorMap(ApplyBounds::isTimeout, (timedOut) -> this.bounds.exceeded());
		if (!dryRun) {
			return applied.as(this.transaction::transactional);
		}
		return this.transaction.execute((status) -> {
			status.setRollbackOnly();
			return applied;
		}).single();
	}

	private Mono<Void> write(List<Incoming> batch, String sourceServerId, Tally tally) {
		List<InventoryWriter.Prepared> upserts = new ArrayList<>();
		Map<ItemKind, List<String>> deletes = new EnumMap<>(ItemKind.class);
		Map<ItemKind, Map<String, String>> agreed = new EnumMap<>(ItemKind.class);
		List<SyncBases.Synced> synced = new ArrayList<>();
		for (Incoming incoming : batch) {
			if (incoming.agreedHash() != null) {
				agreed.computeIfAbsent(incoming.kind(), (k) -> new HashMap<>())
					.put(incoming.key(), incoming.agreedHash());
			}
			else if (incoming.item() != null) {
				upserts.add(new InventoryWriter.Prepared(incoming.kind(), incoming.key(), incoming.item()));
				tally.applied = tally.applied.plus(incoming.kind(), 1);
				synced.add(new SyncBases.Synced(incoming.kind(), incoming.key(), incoming.item().contentHash()));
			}
			else {
				deletes.computeIfAbsent(incoming.kind(), (k) -> new ArrayList<>()).add(incoming.key());
				tally.deleted = tally.deleted.plus(incoming.kind(), 1);
				synced.add(new SyncBases.Synced(incoming.kind(), incoming.key(), null));
			}
		}
		Mono<List<SyncBases.Synced>> stillAlike = Flux.fromIterable(agreed.entrySet())
			.concatMap((entry) -> this.inventory.hashes(entry.getKey(), new ArrayList<>(entry.getValue().keySet()))
				.filter((current) -> current.contentHash().equals(entry.getValue().get(current.key()))))
			.map((alike) -> new SyncBases.Synced(alike.kind(), alike.key(), alike.contentHash()))
			.collectList();
		return this.writer.upsert(upserts)
			.doOnNext((written) -> tally.changed = tally.changed.plus(written))
			.thenMany(Flux.fromIterable(deletes.entrySet()))
			.concatMap((entry) -> this.writer.delete(entry.getKey(), entry.getValue()))
			.then(stillAlike)
			.flatMap((alike) -> {
				// Only what is still alike here becomes a base; anything changed since
				// the compare stays unsynced.
				synced.addAll(alike);
				return this.bases.record(sourceServerId, synced);
			});
	}

	/**
	 * A line checked: known kind, well-formed key, valid content that hashes to the
	 * line's hash.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Incoming check(ReceivedLine line) {
		ItemKind kind = ItemKind.ofType(line.type());
		if (kind == null || line.key() == null
				|| !((kind == ItemKind.NODE) ? Formats.isHostname(line.key()) : Formats.isName(line.key()))) {
			throw PackageCodec.rejected("the package has a line of unknown type or key (" + line.type() + ")");
		}
		String where = kind.section() + "[" + line.key() + "]";
		if (line.isDelete()) {
			return new Incoming(kind, line.key(), null, null);
		}
		if (line.isBase()) {
			if (line.contentHash() == null || !line.contentHash().matches("[0-9a-f]{64}")) {
				throw PackageCodec.rejected(where + " has no content hash");
			}
			return new Incoming(kind, line.key(), null, line.contentHash());
		}
		if (!PackageLine.UPSERT.equals(line.action()) || !line.hasItem()) {
			throw PackageCodec.rejected(where + " has no action the package format knows");
		}
		InventoryItem<?> item;
		try {
			item = line.item(this.json, kind.itemClass());
		}
		catch (JacksonException ex) {
			throw invalidItem(kind, line.key(),
					List.of(new Problem.FieldError(where, "does not have the shape of a " + kind.type())));
		}
		Violations violations = new Violations().nested(where);
		Hashed<?> hashed = Hashed.prepare((InventoryItem) item, violations);
		if (!violations.isEmpty()) {
			throw invalidItem(kind, line.key(), violations.errors());
		}
		if (!item.naturalKey().equals(line.key()) || !hashed.contentHash().equals(line.contentHash())) {
			throw PackageCodec.rejected(kind.type() + " '" + line.key()
					+ "' does not match the checksum it came with: the package is damaged");
		}
		return new Incoming(kind, line.key(), hashed, null);
	}

	private static ProblemException invalidItem(ItemKind kind, String key, List<Problem.FieldError> errors) {
		ProblemCode code = ProblemCode.INVALID_ITEM;
		return new ProblemException(code.status(), code.code(), code.title(), kind.type() + " '" + key
				+ "' is not valid here: " + errors.get(0).field() + " " + errors.get(0).message(), errors);
	}

	/**
	 * A checked line: an item to write ({@code item} set), a key to delete, or a key both
	 * sides have alike ({@code agreedHash} set).
	 */
	private record Incoming(ItemKind kind, String key, Hashed<?> item, String agreedHash) {
	}

	private static final class Tally {

		private KindCounts applied = KindCounts.ZERO;

		private KindCounts changed = KindCounts.ZERO;

		private KindCounts deleted = KindCounts.ZERO;

	}

}
