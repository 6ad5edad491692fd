package org.orchestrator.livesync.sync.internal.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;

import org.orchestrator.livesync.inventory.CanonicalJson;
import org.orchestrator.livesync.sync.internal.HybridClock;
import org.orchestrator.livesync.sync.internal.protocol.PeerApi;

import org.springframework.stereotype.Component;

/**
 * Sends packages in the streamed form: its header travels ahead (an HTTP header), its
 * lines follow as they are produced, compressed, then encrypted segment by segment,
 * ending with a line that holds the count and checksum. Nothing holds the whole package.
 */
@Component
public class PackageStreamer {

	private static final int LINES_PER_CHUNK = 256;

	private final StreamedPackageSealer sealer;

	private final HybridClock clock;

	PackageStreamer(StreamedPackageSealer sealer, HybridClock clock) {
		this.sealer = sealer;
		this.clock = clock;
	}

	/**
	 * The header of a new streamed package for a target whose sync password is
	 * {@code password}.
	 */
	public SyncPackage header(boolean encrypted, String password) {
		return this.sealer.header(encrypted, password);
	}

	/**
	 * The header of a new package, carrying this server's hybrid logical clock (read from
	 * the database, where every change is stamped).
	 */
	public Mono<SyncPackage> stampedHeader(boolean encrypted, String password) {
		return this.clock.now().map((now) -> this.sealer.header(encrypted, password, now));
	}

	/**
	 * The ciphertext of a package of {@code lines} under {@code header}, encrypted (when
	 * the header says so) for a target whose sync password is {@code password}.
	 */
	public Flux<byte[]> stream(SyncPackage header, Flux<PackageLine> lines, String password) {
		Flux<byte[]> compressed = Flux.defer(() -> {
			LineWriter writer = new LineWriter();
			// Serialising and compressing is CPU work: off the I/O threads.
			return lines.publishOn(Schedulers.parallel()).buffer(LINES_PER_CHUNK).map((batch) -> {
				batch.forEach(writer::add);
				return writer.drain();
			}).concatWith(Mono.fromCallable(() -> finishWithTrailer(writer))).filter((chunk) -> chunk.length > 0);
		});
		return this.sealer.encrypt(header, password, compressed);
	}

	/**
	 * The rest of the body: the count and checksum go last, as a stream cannot know them
	 * when it sends its header.
	 */
	static byte[] finishWithTrailer(LineWriter writer) {
		return writer.finish(new StreamTrailer(writer.lines(), writer.checksum()));
	}

	/**
	 * The header as it travels in {@value PeerApi#PACKAGE_HEADER}: base64url of its
	 * canonical JSON.
	 */
	public static String encodeHeader(SyncPackage header) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(CanonicalJson.write(header).getBytes(StandardCharsets.UTF_8));
	}

	public static SyncPackage decodeHeader(String encoded) {
		try {
			String json = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
			return PackageFormat.JSON.readValue(json, SyncPackage.class);
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw PackageProblems.rejected(PeerApi.PACKAGE_HEADER + " is not a package header");
		}
	}

}
