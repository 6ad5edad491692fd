package org.orchestrator.livesync.sync.internal.transfer;

import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.Violations;
import org.orchestrator.livesync.system.ProblemException;

import org.springframework.stereotype.Service;

/**
 * The sending end of a pull: a streamed, encrypted package of the items a peer asks for,
 * read from the database batch by batch as the peer takes it, and remembered as an offer
 * whose hashes become the bases once the peer confirms it applied it.
 */
@Service
public class StreamedTransfer {

	/** Items read from the database at once. */
	private static final int ITEMS_PER_READ = 1000;

	private final TransferService transfer;

	private final PackageStreamer streamer;

	private final PackageHeaders headers;

	private final RequestedItems requested;

	StreamedTransfer(TransferService transfer, PackageStreamer streamer, PackageHeaders headers,
			RequestedItems requested) {
		this.requested = requested;
		this.transfer = transfer;
		this.streamer = streamer;
		this.headers = headers;
	}

	/** A package on its way: its header, and its ciphertext as it is produced. */
	public record Outgoing(SyncPackage header, Flux<byte[]> ciphertext) {
	}

	/**
	 * The selection as a package for {@code peerServerId}, sealed under this server's
	 * sync password (the one the peer connected with).
	 */
	public Mono<Outgoing> stream(Selection selection, String peerServerId) {
		Violations violations = new Violations();
		if (selection == null) {
			return Mono.error(ProblemException.invalid("items", "name the items to transfer"));
		}
		selection.validate("items", violations);
		if (!violations.isEmpty()) {
			return Mono.error(ProblemException.invalid(violations.errors()));
		}
		return stream((kind) -> Flux.fromIterable(selection.sortedKeys(kind)).buffer(ITEMS_PER_READ), peerServerId,
				Mono.empty());
	}

	/**
	 * The items named by {@code keys}, one {@code {kind, key}} object per line, as a
	 * package for {@code peerServerId}: any number of them, stored first and read back in
	 * batches as the package is produced.
	 */
	public Mono<Outgoing> stream(Flux<JsonNode> keys, String peerServerId) {
		return this.requested.store(keys)
			.flatMap((id) -> stream((kind) -> this.requested.keys(id, kind), peerServerId, this.requested.forget(id))
				.onErrorResume((failure) -> this.requested.forget(id).then(Mono.error(failure))));
	}

	/**
	 * The package of the keys {@code batches} gives per kind, in key order;
	 * {@code produced} runs once production ends, however it ends.
	 */
	private Mono<Outgoing> stream(Function<ItemKind, Flux<List<String>>> batches, String peerServerId,
			Mono<Void> produced) {
		return Mono.fromCallable(this.headers::password)
			.flatMap((password) -> this.streamer.stampedHeader(true, password)
				.flatMap((header) -> outgoing(header, password, batches, peerServerId, produced)));
	}

	private Mono<Outgoing> outgoing(SyncPackage header, String password, Function<ItemKind, Flux<List<String>>> batches,
			String peerServerId, Mono<Void> produced) {
		Flux<PackageLine> lines = Flux.fromArray(ItemKind.values())
			.concatMap((kind) -> batches.apply(kind)
				.concatMap((keys) -> this.transfer.lines(kind, keys, true).collectList()))
			.concatMap(
					(batch) -> this.transfer.addToOffer(header.packageId(), batch).thenMany(Flux.fromIterable(batch)))
			// Produced, failed or cancelled: the stored keys are no longer needed.
			.doFinally((signal) -> produced.onErrorComplete().subscribe());
		return this.transfer.openOffer(header.packageId(), peerServerId)
			.thenReturn(new Outgoing(header, this.streamer.stream(header, lines, password)));
	}

}
