package org.orchestrator.livesync.inventory.internal.importer;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.inventory.Hashed;
import org.orchestrator.livesync.inventory.InventoryItem;
import org.orchestrator.livesync.inventory.InventoryWriter;
import org.orchestrator.livesync.inventory.TableStatistics;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.KindCounts;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.system.Problem;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.Problems;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Bulk load: items stream in, are validated one by one and written in batches, all in one
 * transaction. An invalid item or a missing reference anywhere leaves the inventory as it
 * was.
 */
@Service
class ImportService {

	static final int BATCH_SIZE = 500;

	private final InventoryWriter writer;

	private final TransactionalOperator transaction;

	private final JsonMapper json;

	private final TableStatistics statistics;

	ImportService(InventoryWriter writer, TransactionalOperator transaction, JsonMapper json,
			TableStatistics statistics) {
		this.statistics = statistics;
		this.writer = writer;
		this.transaction = transaction;
		this.json = json;
	}

	Mono<ImportResult> importItems(Flux<JsonNode> items) {
		AtomicLong read = new AtomicLong();
		Flux<InventoryWriter.Prepared> prepared = items.doOnNext((item) -> read.incrementAndGet())
			.onErrorMap((ex) -> located(Problems.from(ex), read.get()))
			.index((index, item) -> prepare(index, item));
		return this.writer.deferConstraints()
			.flatMap((mark) -> prepared.buffer(BATCH_SIZE)
				.concatMap((batch) -> this.writer.upsert(batch)
					.map((written) -> new ImportResult(received(batch), written)))
				.reduce(ImportResult.EMPTY, ImportResult::plus)
				.flatMap((result) -> this.writer.checkReferences(mark).thenReturn(result)))
			.as(this.transaction::transactional)
			.doOnNext((result) -> this.statistics.afterWrite(result.written().total()));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private InventoryWriter.Prepared prepare(long index, JsonNode node) {
		String at = "[" + index + "]";
		if (!(node instanceof ObjectNode object)) {
			throw ProblemException.invalid(at, "must be an object with a 'type'");
		}
		JsonNode typeNode = object.remove("type");
		ItemKind kind = (typeNode != null && typeNode.isString()) ? ItemKind.ofType(typeNode.stringValue()) : null;
		if (kind == null) {
			throw ProblemException.invalid(at + ".type", "must be one of node, cluster, ssh_key, configuration");
		}
		InventoryItem<?> item;
		try {
			item = this.json.treeToValue(object, kind.itemClass());
		}
		catch (JacksonException ex) {
			throw prefixed(Problems.from(ex), at);
		}
		Violations violations = new Violations().nested(at);
		Hashed<?> hashed = Hashed.prepare((InventoryItem) item, violations);
		violations.throwIfAny();
		return new InventoryWriter.Prepared(kind, item.naturalKey(), hashed);
	}

	private static KindCounts received(List<InventoryWriter.Prepared> batch) {
		KindCounts counts = KindCounts.ZERO;
		for (InventoryWriter.Prepared prepared : batch) {
			counts = counts.plus(prepared.kind(), 1);
		}
		return counts;
	}

	/**
	 * An invalid field found while the item was read (a NUL in it) is named under the
	 * item's index, as the fields {@link #prepare} finds are.
	 */
	private static ProblemException located(ProblemException problem, long index) {
		return (problem.errors() != null) ? prefixed(problem, "[" + index + "]") : problem;
	}

	private static ProblemException prefixed(ProblemException problem, String at) {
		List<Problem.FieldError> errors = (problem.errors() != null) ? problem.errors()
			.stream()
			.map((e) -> new Problem.FieldError(at + "." + e.field(), e.message()))
			.toList() : List.of(new Problem.FieldError(at, problem.getMessage()));
		return ProblemException.invalid(errors);
	}

}
