package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.orchestrator.livesync.crypto.DerivedKeys;
import org.orchestrator.livesync.crypto.PasswordKey;
import org.orchestrator.livesync.system.ProblemCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.orchestrator.livesync.sync.internal.transfer.PackageAssertions.assertProblem;
import static org.orchestrator.livesync.sync.internal.transfer.PackageAssertions.assertRejected;
import static org.orchestrator.livesync.sync.internal.transfer.PackageHeadersTests.headers;
import static org.orchestrator.livesync.sync.internal.transfer.PackageHeadersTests.with;

/**
 * The whole form: a header that carries the count and checksum, a payload sealed in one
 * piece, and the checks of both.
 */
class WholePackageSealerTests {

	private final WholePackageSealer sealer = new WholePackageSealer(headers(true), new DerivedKeys());

	/** An encrypted whole-form header with checksum and payload, as checks accept it. */
	static SyncPackage validHeader(PackageHeaders headers) {
		SyncPackage header = headers.create(1, "sha256:" + "0".repeat(64), WholePackageSealer.ALGORITHM,
				new byte[PasswordKey.SALT_BYTES]);
		return with(header, "payload", Base64.getEncoder().encodeToString("sealed".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void theHeaderMustCarryChecksumAndPayloadAndThePayloadIsBase64() {
		SyncPackage valid = validHeader(headers(true));
		assertThat(new String(this.sealer.checkHeader(valid), StandardCharsets.UTF_8)).isEqualTo("sealed");
		assertRejected(() -> this.sealer.checkHeader(with(valid, "checksum", null)),
				"the package header is incomplete");
		assertRejected(() -> this.sealer.checkHeader(with(valid, "payload", null)), "the package header is incomplete");
		assertRejected(() -> this.sealer.checkHeader(with(valid, "payload", "not base64!")), "payload is not base64");
		StepVerifier.create(this.sealer.open(with(valid, "salt", "not base64!")))
			.verifyErrorSatisfies((ex) -> assertRejected(ex, "salt is not base64"));
	}

	@Test
	void aPackageInClearOpensToItsLines() {
		WholePackageSealer lenient = new WholePackageSealer(headers(false), new DerivedKeys());
		LineWriter lines = twoLines();
		SyncPackage sealed = lenient.seal(lines, false).block();
		assertThat(sealed.items()).isEqualTo(2);
		assertThat(sealed.checksum()).isEqualTo(lines.checksum());
		assertThat(sealed.encrypted()).isFalse();
		StepVerifier.create(read(sealed, lenient.open(sealed).block())).expectNextCount(2).verifyComplete();
	}

	@Test
	void anEncryptedPackageOpensOnlyAsItWasSealed() {
		SyncPackage sealed = this.sealer.seal(twoLines(), true).block();
		assertThat(sealed.algorithm()).isEqualTo("AES-256-GCM");
		StepVerifier.create(read(sealed, this.sealer.open(sealed).block()))
			.assertNext((line) -> assertThat(line.key()).isEqualTo("node-01"))
			.assertNext((line) -> assertThat(line.key()).isEqualTo("node-02"))
			.verifyComplete();

		byte[] payload = Base64.getDecoder().decode(sealed.payload());
		payload[payload.length / 2] ^= 1;
		SyncPackage flipped = with(sealed, "payload", Base64.getEncoder().encodeToString(payload));
		StepVerifier.create(this.sealer.open(flipped)).verifyErrorSatisfies((ex) -> assertUndecryptable(ex));
		// The header is authenticated with the payload: relabelling it breaks the seal.
		SyncPackage relabelled = with(sealed, "source_server_name", "someone-else");
		StepVerifier.create(this.sealer.open(relabelled)).verifyErrorSatisfies((ex) -> assertUndecryptable(ex));
	}

	@Test
	void withoutASyncPasswordNothingIsSealedOrOpened() {
		WholePackageSealer unconfigured = new WholePackageSealer(PackageHeadersTests.headers(true, null),
				new DerivedKeys());
		String detail = "this server has no SYNC_PASSWORD, so it accepts no sync peers; set SYNC_PASSWORD to the "
				+ "password shared by the servers that sync";
		assertProblem(catchThrowable(() -> unconfigured.seal(twoLines(), true)), ProblemCode.SYNC_NOT_CONFIGURED,
				detail);
		StepVerifier.create(unconfigured.open(validHeader(headers(true))))
			.verifyErrorSatisfies((ex) -> assertProblem(ex, ProblemCode.SYNC_NOT_CONFIGURED, detail));
	}

	private static void assertUndecryptable(Throwable failure) {
		assertRejected(failure, "the package does not decrypt: the SYNC_PASSWORD of the two servers differs, "
				+ "or the package was altered on the way");
	}

	static LineWriter twoLines() {
		String hash = "0123456789abcdef".repeat(4);
		return new LineWriter()
			.add(new PackageLine("node", PackageLine.UPSERT, "node-01", hash,
					PackageFormat.JSON.createObjectNode().put("hostname", "node-01")))
			.add(new PackageLine("node", PackageLine.DELETE, "node-02", hash, null));
	}

	private static Flux<ReceivedLine> read(SyncPackage header, InputStream payload) {
		byte[] bytes = readAll(payload);
		return LineReader.read(() -> new ByteArrayInputStream(bytes),
				(totals) -> WholePackageSealer.checkEnd(header, totals));
	}

	private static byte[] readAll(InputStream in) {
		try (in) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
