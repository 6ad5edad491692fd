package org.orchestrator.livesync.sync.internal.transfer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.orchestrator.livesync.audit.AuditLog;
import org.orchestrator.livesync.inventory.InventoryWriter;
import org.orchestrator.livesync.inventory.TableStatistics;
import org.orchestrator.livesync.sync.internal.HybridClock;
import org.orchestrator.livesync.sync.internal.history.HistoryRecorder;
import org.orchestrator.livesync.sync.internal.history.Provenance;
import org.orchestrator.livesync.sync.internal.replication.Checkpoints;
import org.orchestrator.livesync.system.SyncMetrics;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Applies the lines of a package, whichever form it came in, all or nothing: inside one
 * transaction, bounded in time, every line is checked (the checksum at the end), the
 * items are written, references are checked, the bases with the source are recorded and
 * what changed goes into history. A package applied before is not applied again.
 */
@Component
class PackageApplier {

	/** Items written per statement: large enough that round trips do not dominate. */
	private static final int BATCH_SIZE = 2000;

	/**
	 * Batches checked ahead of the one being written: enough to overlap, few enough to
	 * keep memory flat.
	 */
	private static final int BATCHES_AHEAD = 2;

	/** Lines checked together on one core. */
	private static final int LINES_PER_CHECK = 500;

	private final InventoryWriter writer;

	private final BatchWriter batches;

	private final ReceivedPackages received;

	private final TransactionalOperator transaction;

	private final ApplyBounds bounds;

	private final JsonMapper json;

	private final Checkpoints checkpoints;

	private final DatabaseClient database;

	private final TableStatistics statistics;

	private final HybridClock clock;

	private final HistoryRecorder history;

	private final AuditLog audit;

	private final SyncMetrics metrics;

	PackageApplier(InventoryWriter writer, BatchWriter batches, ReceivedPackages received,
			TransactionalOperator transaction, ApplyBounds bounds, JsonMapper json, Checkpoints checkpoints,
			DatabaseClient database, TableStatistics statistics, HybridClock clock, HistoryRecorder history,
			AuditLog audit, SyncMetrics metrics) {
		this.metrics = metrics;
		this.audit = audit;
		this.history = history;
		this.clock = clock;
		this.statistics = statistics;
		this.checkpoints = checkpoints;
		this.database = database;
		this.writer = writer;
		this.batches = batches;
		this.received = received;
		this.transaction = transaction;
		this.bounds = bounds;
		this.json = json;
	}

	/**
	 * Applies a package unless it was applied before; then answers what it did then. Two
	 * deliveries at once are told apart by the database: the loser answers the winner's
	 * result.
	 */
	Mono<ReceiveResult> once(SyncPackage header, Supplier<Mono<ReceiveResult>> apply) {
		return Mono.defer(() -> this.received.previously(header.packageId()))
			.switchIfEmpty(Mono.defer(apply))
			.onErrorResume(ReceivedPackages::isDuplicateReceipt,
					(ex) -> this.received.previously(header.packageId()).switchIfEmpty(Mono.error(ex)));
	}

	/**
	 * Applies {@code lines}, read from the body of the package of {@code header}. A dry
	 * run applies them in a transaction that is rolled back, and is not remembered.
	 */
	Mono<ReceiveResult> apply(SyncPackage header, Flux<ReceivedLine> lines, boolean dryRun) {
		BatchWriter.Tally tally = new BatchWriter.Tally();
		// Reading is sequential (one stream, one checksum); checking lines costs more, so
		// batches of lines are checked on all cores, and handed on in order. Checked
		// lines
		// wait only as many as the cores check at once: writing is slower than checking,
		// and
		// a deeper read-ahead (Reactor's default would hold 256 batches) fills the heap
		// with
		// lines waiting to be written.
		Flux<CheckedLine> checked = lines.subscribeOn(Schedulers.boundedElastic())
			.buffer(LINES_PER_CHECK)
			.flatMapSequential((batch) -> Mono
				.fromCallable(() -> batch.stream().map((line) -> CheckedLine.check(line, this.json)).toList())
				.subscribeOn(Schedulers.parallel()), Schedulers.DEFAULT_POOL_SIZE, 1)
			.flatMapIterable((batch) -> batch, Schedulers.DEFAULT_POOL_SIZE);
		Mono<ReceiveResult> applied = this.bounds.apply()
			.then(this.writer.deferConstraints())
			.flatMap((mark) -> this.origin(header)
				.then(this.openHistory(header, tally))
				.thenMany(checked.buffer(BATCH_SIZE))
				.concatMap((batch) -> this.batches.write(batch, header.sourceServerId(), tally), BATCHES_AHEAD)
				.then(this.writer.checkReferences(mark)))
			.then(Mono.defer(() -> tally.finish(this.history)))
			.then(Mono.fromCallable(() -> tally.result(header, dryRun)))
			.flatMap((result) -> dryRun ? Mono.just(result)
					: this.received.remember(result)
						.then(this.checkpoints.rotate(header.sourceServerId(), UUID.fromString(header.packageId())))
						.then(audited(header, tally, result))
						.thenReturn(result))
			// Inside the transaction: running out of time is a failure, and rolls back.
			.timeout(this.bounds.timeout(), Mono.error(this.bounds::exceeded))
			.onErrorMap(ApplyBounds::isTimeout, (timedOut) -> this.bounds.exceeded());
		if (!dryRun) {
			return this.metrics.timeApply(
					applied.as(this.transaction::transactional)
						.doOnNext((result) -> this.statistics.afterWrite(
								result.applied().total() + result.changed().total() + result.deleted().total())),
					false);
		}
		return this.metrics.timeApply(this.transaction.execute((status) -> {
			status.setRollbackOnly();
			return applied;
		}).single(), true);
	}

	/** Records the applied package in the audit log, in its transaction. */
	private Mono<Void> audited(SyncPackage header, BatchWriter.Tally tally, ReceiveResult result) {
		return Mono.deferContextual((context) -> {
			Provenance provenance = Provenance.of(context);
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("package_id", header.packageId());
			details.put("operation", provenance.operation().name().toLowerCase(Locale.ROOT));
			details.put("peer", header.sourceServerId());
			details.put("peer_name", header.sourceServerName());
			details.put("history_id", tally.history.toString());
			if (provenance.jobId() != null) {
				details.put("job_id", provenance.jobId().toString());
			}
			details.put("applied", result.applied().total());
			details.put("changed", result.changed().total());
			details.put("deleted", result.deleted().total());
			return this.audit.record(AuditLog.Action.PACKAGE_APPLIED, provenance.startedBy(), null, details);
		});
	}

	/**
	 * Opens the history entry of the package, from the provenance its apply runs under (a
	 * peer's push unless the caller said otherwise).
	 */
	private Mono<Void> openHistory(SyncPackage header, BatchWriter.Tally tally) {
		return Mono
			.deferContextual(
					(context) -> this.history.begin(Provenance.of(context),
							new HistoryRecorder.Source(header.packageId(), header.sourceServerId(),
									header.sourceServerName(), null)))
			.doOnNext((entry) -> tally.history = entry)
			.then();
	}

	/**
	 * Names the package's source as the origin of every row this transaction writes: the
	 * source's change feed need not list back what it sent. And moves this server's clock
	 * past the source's, so the rows written (and every later change) are stamped later
	 * than anything the source had when it made the package.
	 */
	private Mono<Void> origin(SyncPackage header) {
		return this.database.sql("SELECT set_config('live_sync.origin', $1, true)")
			.bind(0, header.sourceServerId())
			.then()
			.then(this.clock.observe(header.clock()))
			.then(lookupsOnly());
	}

	/**
	 * Every statement of an apply reads by key. A package into an empty server fills its
	 * tables in this very transaction, whose statistics still describe the empty tables:
	 * the planner would scan them (each batch's row locks reading every row written so
	 * far, quadratic in the package). Scans stay possible where no index serves.
	 */
	private Mono<Void> lookupsOnly() {
		return this.database.sql("SET LOCAL enable_seqscan = off").then();
	}

}
