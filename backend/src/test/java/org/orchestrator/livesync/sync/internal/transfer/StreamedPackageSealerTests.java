package org.orchestrator.livesync.sync.internal.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.orchestrator.livesync.crypto.DerivedKeys;
import org.orchestrator.livesync.crypto.StreamingPackageCipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orchestrator.livesync.sync.internal.transfer.PackageAssertions.assertRejected;
import static org.orchestrator.livesync.sync.internal.transfer.PackageHeadersTests.PASSWORD;
import static org.orchestrator.livesync.sync.internal.transfer.PackageHeadersTests.headers;
import static org.orchestrator.livesync.sync.internal.transfer.PackageHeadersTests.with;

/**
 * The streamed form: a header sent ahead without count, checksum or payload, a body
 * encrypted segment by segment, and the header's travel in {@code X-Sync-Package}.
 */
class StreamedPackageSealerTests {

	private final DerivedKeys keys = new DerivedKeys();

	private final StreamedPackageSealer sealer = new StreamedPackageSealer(headers(true), this.keys);

	@Test
	void aStreamedHeaderCarriesNoCountChecksumOrPayload() {
		SyncPackage header = this.sealer.header(true, PASSWORD);
		assertThat(header.items()).isZero();
		assertThat(header.checksum()).isNull();
		assertThat(header.payload()).isNull();
		assertThat(header.algorithm()).isEqualTo(StreamingPackageCipher.ALGORITHM);
		// One salt per target password, so the slow key is derived once per target.
		SyncPackage next = this.sealer.header(true, PASSWORD);
		assertThat(next.salt()).isEqualTo(header.salt());
		assertThat(next.packageId()).isNotEqualTo(header.packageId());
		assertThat(this.sealer.header(true, "another-password").salt()).isNotEqualTo(header.salt());

		assertRejected(() -> this.sealer.checkHeader(with(header, "checksum", "sha256:" + "0".repeat(64))),
				"a streamed package carries its checksum in its last line, not its header");
		assertRejected(() -> this.sealer.checkHeader(with(header, "payload", "AAAA")),
				"a streamed package carries its checksum in its last line, not its header");
	}

	@Test
	void whatPackageStreamerSendsDecryptsAndReadsBack() {
		SyncPackage header = this.sealer.header(true, PASSWORD);
		List<byte[]> ciphertext = new PackageStreamer(this.sealer, null)
			.stream(header, Flux.just(line("node-01"), line("node-02"), line("node-03")), PASSWORD)
			.collectList()
			.block();
		StepVerifier
			.create(LineReader.read(
					() -> new FluxInputStream(this.sealer.decrypt(header, Flux.fromIterable(ciphertext))),
					StreamedPackageSealer::checkEnd))
			.assertNext((line) -> assertThat(line.key()).isEqualTo("node-01"))
			.expectNextCount(2)
			.verifyComplete();
	}

	@Test
	void aBodyInClearPassesThroughUnchanged() {
		StreamedPackageSealer lenient = new StreamedPackageSealer(headers(false), this.keys);
		SyncPackage header = lenient.header(false, PASSWORD);
		byte[] body = PackageStreamer.finishWithTrailer(new LineWriter().add(line("node-01")));
		List<byte[]> sent = lenient.encrypt(header, PASSWORD, Flux.just(body)).collectList().block();
		assertThat(sent).containsExactly(body);
		assertThat(lenient.decrypt(header, Flux.just(body)).collectList().block()).containsExactly(body);
	}

	@Test
	void aBodySealedForAnotherPasswordDoesNotDecrypt() {
		SyncPackage header = this.sealer.header(true, "another-password");
		byte[] body = PackageStreamer.finishWithTrailer(new LineWriter().add(line("node-01")));
		Flux<byte[]> ciphertext = this.sealer.encrypt(header, "another-password", Flux.just(body));
		StepVerifier.create(this.sealer.decrypt(header, ciphertext))
			.verifyErrorSatisfies((ex) -> assertRejected(ex,
					"the package does not decrypt: the SYNC_PASSWORD of the two servers differs, "
							+ "or the package was altered on the way"));
	}

	@Test
	void theHeaderTravelsAsBase64UrlOfItsJson() {
		SyncPackage header = this.sealer.header(true, PASSWORD);
		String encoded = PackageStreamer.encodeHeader(header);
		assertThat(encoded).matches("[A-Za-z0-9_-]+");
		assertThat(PackageStreamer.decodeHeader(encoded)).isEqualTo(header);
		for (String garbage : new String[] { "%%%", "W10", encode("{\"format_version\":\"one\"}") }) {
			assertRejected(() -> PackageStreamer.decodeHeader(garbage), "X-Sync-Package is not a package header");
		}
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static PackageLine line(String key) {
		return new PackageLine("node", PackageLine.DELETE, key, "0123456789abcdef".repeat(4), null);
	}

}
