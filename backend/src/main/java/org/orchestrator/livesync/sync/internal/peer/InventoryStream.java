package org.orchestrator.livesync.sync.internal.peer;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.orchestrator.livesync.inventory.InventoryReader;
import org.orchestrator.livesync.inventory.ItemKind;
import org.orchestrator.livesync.inventory.ItemSnapshot;
import org.orchestrator.livesync.inventory.Scope;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.stereotype.Component;

/**
 * Writes this server's inventory for a peer, straight from the database to the socket, as
 * the seed's JSON document or as NDJSON (a metadata line, one line per item, a stats line
 * that also tells the reader it got everything). Items go out a few hundred to a buffer,
 * with backpressure.
 */
@Component
class InventoryStream {

	static final int FORMAT_VERSION = 1;

	private static final int ITEMS_PER_BUFFER = 256;

	private final InventoryReader inventory;

	private final ServerIdentity identity;

	private final JsonMapper json;

	private final Clock clock;

	InventoryStream(InventoryReader inventory, ServerIdentity identity, JsonMapper json, Clock clock) {
		this.inventory = inventory;
		this.identity = identity;
		this.json = json;
		this.clock = clock;
	}

	/** {@code {"success": true, "inventory": {"metadata", "nodes", ..., "stats"}}}. */
	Flux<DataBuffer> document(DataBufferFactory buffers) {
		return Flux.defer(() -> {
			long[] counts = new long[ItemKind.values().length];
			Flux<byte[]> sections = Flux.fromArray(ItemKind.values())
				.concatMap((kind) -> Flux.concat(Mono.just(bytes(",\"" + kind.section() + "\":[")),
						this.inventory.peerView(kind, null)
							.doOnNext((item) -> counts[kind.ordinal()]++)
							.index()
							.buffer(ITEMS_PER_BUFFER)
							.map((batch) -> join(batch.stream()
								.map((indexed) -> (indexed.getT1() > 0 ? "," : "") + line(indexed.getT2(), false))
								.toList(), "")),
						Mono.just(bytes("]"))));
			return Flux
				.concat(Mono.fromSupplier(() -> bytes(
						"{\"success\":true,\"inventory\":{\"metadata\":" + this.json.writeValueAsString(metadata()))),
						sections,
						Mono.fromSupplier(
								() -> bytes(",\"stats\":" + this.json.writeValueAsString(stats(counts)) + "}}")))
				.map(buffers::wrap);
		});
	}

	/** One JSON object per line: metadata, items with their {@code type}, stats. */
	Flux<DataBuffer> lines(DataBufferFactory buffers) {
		return Flux.defer(() -> {
			long[] counts = new long[ItemKind.values().length];
			ObjectNode metadata = metadata();
			metadata.put("type", "metadata");
			Flux<byte[]> items = this.inventory.peerView()
				.doOnNext((item) -> counts[item.kind().ordinal()]++)
				.buffer(ITEMS_PER_BUFFER)
				.map((batch) -> join(batch.stream().map((item) -> line(item, true)).toList(), "\n"));
			return Flux.concat(Mono.fromSupplier(() -> bytes(this.json.writeValueAsString(metadata) + "\n")), items,
					Mono.fromSupplier(() -> {
						ObjectNode stats = stats(counts);
						stats.put("type", "stats");
						return bytes(this.json.writeValueAsString(stats) + "\n");
					}))
				.map(buffers::wrap);
		});
	}

	/**
	 * The named items only, one line each (as in {@link #lines}), without metadata or
	 * stats.
	 */
	Flux<DataBuffer> items(Map<ItemKind, List<String>> keys, DataBufferFactory buffers) {
		return Flux.fromIterable(keys.entrySet())
			.concatMap((entry) -> Mono
				.zip(this.inventory.peerView(entry.getKey(), entry.getValue()).collectList(),
						this.inventory.stamps(entry.getKey(), entry.getValue()))
				.flatMapIterable((found) -> stamped(entry.getKey(), found.getT1(), found.getT2())))
			.buffer(ITEMS_PER_BUFFER)
			.map((batch) -> buffers.wrap(join(batch, "\n")));
	}

	/**
	 * The lines of items with the stamp of their last change ({@code changed_hlc}), and
	 * of the deleted ones among the keys asked for, with the stamp of the deletion, which
	 * a compare needs to tell the newer of two conflicting changes.
	 */
	private List<String> stamped(ItemKind kind, List<ItemSnapshot> items, Map<String, Long> stamps) {
		List<String> lines = new java.util.ArrayList<>(items.size());
		java.util.Set<String> present = new java.util.HashSet<>();
		for (ItemSnapshot item : items) {
			present.add(item.key());
			ObjectNode line = lineOf(item, true);
			Long stamp = stamps.get(item.key());
			if (stamp != null) {
				line.put("changed_hlc", stamp);
			}
			lines.add(this.json.writeValueAsString(line));
		}
		stamps.forEach((key, stamp) -> {
			if (!present.contains(key)) {
				ObjectNode deleted = this.json.createObjectNode();
				deleted.put("type", kind.type()).put("key", key).put("deleted", true).put("changed_hlc", stamp);
				lines.add(this.json.writeValueAsString(deleted));
			}
		});
		return lines;
	}

	/**
	 * Like {@link #lines}, but each item line holds only its type, key and content hash.
	 */
	Flux<DataBuffer> hashLines(java.util.Set<ItemKind> kinds, DataBufferFactory buffers) {
		return hashLines(Scope.of(kinds, Map.of()), buffers);
	}

	/**
	 * Like {@link #lines}, for the items in scope only, each line with its type, key and
	 * hash.
	 */
	Flux<DataBuffer> hashLines(Scope scope, DataBufferFactory buffers) {
		return Flux.defer(() -> {
			long[] counts = new long[ItemKind.values().length];
			ObjectNode metadata = metadata();
			metadata.put("type", "metadata");
			Flux<byte[]> items = this.inventory.hashes(scope)
				.doOnNext((item) -> counts[item.kind().ordinal()]++)
				.buffer(ITEMS_PER_BUFFER * 4)
				.map((batch) -> join(batch.stream()
					.map((item) -> "{\"type\":\"" + item.kind().type() + "\",\"key\":"
							+ this.json.writeValueAsString(item.key()) + ",\"content_hash\":\"" + item.contentHash()
							+ "\"}")
					.toList(), "\n"));
			return Flux.concat(Mono.fromSupplier(() -> bytes(this.json.writeValueAsString(metadata) + "\n")), items,
					Mono.fromSupplier(() -> {
						ObjectNode stats = stats(counts);
						stats.put("type", "stats");
						return bytes(this.json.writeValueAsString(stats) + "\n");
					}))
				.map(buffers::wrap);
		});
	}

	private String line(ItemSnapshot item, boolean typed) {
		return this.json.writeValueAsString(lineOf(item, typed));
	}

	private ObjectNode lineOf(ItemSnapshot item, boolean typed) {
		ObjectNode line = this.json.createObjectNode();
		if (typed) {
			line.put("type", item.kind().type());
		}
		line.setAll((ObjectNode) item.content());
		line.put("content_hash", item.contentHash());
		return line;
	}

	private ObjectNode metadata() {
		ObjectNode metadata = this.json.createObjectNode();
		metadata.put("server_id", this.identity.serverId().toString());
		metadata.put("server_name", this.identity.name());
		metadata.put("version", this.identity.version());
		metadata.put("format_version", FORMAT_VERSION);
		metadata.put("generated_at", this.clock.instant().toString());
		return metadata;
	}

	private ObjectNode stats(long[] counts) {
		ObjectNode stats = this.json.createObjectNode();
		long total = 0;
		for (ItemKind kind : ItemKind.values()) {
			stats.put(kind.section(), counts[kind.ordinal()]);
			total += counts[kind.ordinal()];
		}
		stats.put("total", total);
		return stats;
	}

	private static byte[] join(List<String> parts, String separatorAndEnd) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(parts.size() * 512);
		for (String part : parts) {
			out.writeBytes(bytes(part));
			out.writeBytes(bytes(separatorAndEnd));
		}
		return out.toByteArray();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
