package org.orchestrator.livesync.sync.internal.transfer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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

	StreamedTransfer(TransferService transfer, PackageStreamer streamer, PackageHeaders headers) {
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
		return Mono.fromCallable(this.headers::password).flatMap((password) -> {
			SyncPackage header = this.streamer.header(true, password);
			Flux<PackageLine> lines = Flux.fromArray(ItemKind.values())
				.concatMap((kind) -> Flux.fromIterable(selection.sortedKeys(kind))
					.buffer(ITEMS_PER_READ)
					.concatMap((keys) -> this.transfer.lines(kind, keys, true).collectList()))
				.concatMap((batch) -> this.transfer
					.addToOffer(header.packageId(), batch.stream().map(PackageLine::synced).toList())
					.thenMany(Flux.fromIterable(batch)));
			return this.transfer.openOffer(header.packageId(), peerServerId)
				.thenReturn(new Outgoing(header, this.streamer.stream(header, lines, password)));
		});
	}

}
