package org.orchestrator.livesync.sync.internal.compare;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.sync.internal.SyncBases;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.ServerIdentity;
import org.orchestrator.livesync.system.SyncMetrics;

import org.springframework.stereotype.Service;

/**
 * Compares this server's inventory with a peer's, three-way, using the bases recorded
 * with that peer (named by the inventory's {@code metadata.server_id}).
 */
@Service
public class CompareService {

	/** The compare method of a peer that sent its whole inventory. */
	private static final String INVENTORY = "inventory";

	private final InventoryReader inventory;

	private final SyncBases bases;

	private final ServerIdentity identity;

	private final SyncMetrics metrics;

	CompareService(InventoryReader inventory, SyncBases bases, ServerIdentity identity, SyncMetrics metrics) {
		this.metrics = metrics;
		this.inventory = inventory;
		this.bases = bases;
		this.identity = identity;
	}

	/** Compares with a peer's items, given in inventory order. */
	Mono<CompareResponse> compare(PeerRef remote, Flux<ItemSnapshot> remoteItems) {
		long started = System.nanoTime();
		return CompareEngine.compare(this.inventory.peerView(), remoteItems, this.bases.stream(remote.serverId()))
			.reduceWith(Comparison.Collector::new, Comparison.Collector::add)
			.map((collector) -> new CompareResponse(true,
					new PeerRef(this.identity.serverId().toString(), this.identity.name()), remote, collector.build()))
			.doOnNext((compared) -> this.metrics.compared(INVENTORY, Duration.ofNanos(System.nanoTime() - started)));
	}

	/** Compares with an inventory in the JSON form of {@code GET /sync/inventory}. */
	public Mono<CompareResponse> compareDocument(JsonNode remoteInventory) {
		return Mono.fromCallable(() -> {
			if (remoteInventory == null || !remoteInventory.isObject()) {
				throw ProblemException.invalid("remote_inventory", "is required: the inventory of the other server");
			}
			List<ItemSnapshot> items = new ArrayList<>();
			for (ItemKind kind : ItemKind.values()) {
				JsonNode section = remoteInventory.get(kind.section());
				if (section == null || section.isNull()) {
					continue;
				}
				if (!section.isArray()) {
					throw ProblemException.invalid("remote_inventory." + kind.section(), "must be an array");
				}
				for (int i = 0; i < section.size(); i++) {
					items.add(RemoteItems.snapshot(kind, section.get(i),
							"remote_inventory." + kind.section() + "[" + i + "]"));
				}
			}
			items.sort(CompareEngine.ORDER);
			return new Parsed(peer(remoteInventory.get("metadata"), "remote_inventory.metadata"), items);
		}).flatMap((parsed) -> compare(parsed.peer(), Flux.fromIterable(parsed.items())));
	}

	/**
	 * Compares with an inventory streamed in its NDJSON form: a metadata line, item lines
	 * in inventory order, a stats line.
	 */
	public Mono<CompareResponse> compareLines(Flux<JsonNode> lines) {
		return lines.switchOnFirst((first, all) -> {
			if (!first.hasValue()) {
				return (first.isOnError()) ? Flux.error(first.getThrowable())
						: Flux.error(ProblemException.invalid("body", "the inventory stream is empty"));
			}
			JsonNode metadata = first.get();
			if (!"metadata".equals(metadata.path("type").asString(""))) {
				return Flux.error(ProblemException.invalid("[0].type", "the first line must be the metadata line"));
			}
			PeerRef peer = peer(metadata, "[0]");
			Flux<ItemSnapshot> items = all.skip(1).index().filter((line) -> {
				String type = line.getT2().path("type").asString("");
				return !"stats".equals(type);
			}).map((line) -> {
				String at = "[" + (line.getT1() + 1) + "]";
				ItemKind kind = ItemKind.ofType(line.getT2().path("type").asString(""));
				if (kind == null) {
					throw ProblemException.invalid(at + ".type",
							"must be node, cluster, ssh_key, configuration or stats");
				}
				return RemoteItems.snapshot(kind, line.getT2(), at);
			});
			return compare(peer, items);
		}).next();
	}

	private static PeerRef peer(JsonNode metadata, String where) {
		JsonNode serverId = (metadata != null) ? metadata.get("server_id") : null;
		if (serverId == null || !serverId.isString() || serverId.stringValue().isBlank()
				|| serverId.stringValue().length() > 100) {
			throw ProblemException.invalid(where + ".server_id", "must name the server the inventory comes from");
		}
		JsonNode name = metadata.get("server_name");
		return new PeerRef(serverId.stringValue(), (name != null && name.isString()) ? name.stringValue() : null);
	}

	private record Parsed(PeerRef peer, List<ItemSnapshot> items) {
	}

	/** A server on one side of a compare. */
	public record PeerRef(String serverId, String name) {
	}

	/** The seed's compare response, with who was compared with whom. */
	public record CompareResponse(boolean success, PeerRef localServer, PeerRef remoteServer, Comparison comparison) {
	}

}
