package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.orchestrator.livesync.sync.internal.transfer.PackageAssertions.assertProblem;
import static org.orchestrator.livesync.sync.internal.transfer.PackageAssertions.assertRejected;

/**
 * The body of a package, without server or database: lines written by {@link LineWriter},
 * read back by {@link LineReader}, and checked at the end against what each form declares
 * (the whole form in its header, the streamed form in its last line).
 */
class PackageBodyTests {

	private static final String HASH = "0123456789abcdef".repeat(4);

	// The wire form of a line as senders write it today: the mapper also writes the
	// record's isBase() and isDelete() as "base" and "delete"; readers skip them.
	private static final String UPSERT = "{\"type\":\"node\",\"action\":\"upsert\",\"key\":\"node-01\","
			+ "\"content_hash\":\"" + HASH + "\",\"item\":{\"hostname\":\"node-01\"},\"base\":false,\"delete\":false}";

	private static final String DELETE = "{\"type\":\"node\",\"action\":\"delete\",\"key\":\"node-02\","
			+ "\"content_hash\":\"" + HASH + "\",\"base\":false,\"delete\":true}";

	private static final String NDJSON = UPSERT + "\n" + DELETE + "\n";

	@Test
	void writesOneJsonLineEachAndTheChecksumOfTheirBytes() {
		LineWriter writer = twoLines();
		byte[] body = writer.finish(null);
		assertThat(gunzip(body)).isEqualTo(NDJSON);
		assertThat(writer.lines()).isEqualTo(2);
		assertThat(writer.checksum()).isEqualTo(sha256(NDJSON));
	}

	@Test
	void readsBackWhatWasWrittenWhenTheWholeFormsHeaderAgrees() {
		LineWriter writer = twoLines();
		byte[] body = writer.finish(null);
		StepVerifier.create(read(body, whole(writer.checksum(), 2)))
			.assertNext((line) -> assertLine(line, "upsert", "node-01"))
			.assertNext((line) -> assertLine(line, "delete", "node-02"))
			.verifyComplete();
	}

	@Test
	void theStreamedFormEndsWithALineOfCountAndChecksumThatIsNotAnItem() {
		LineWriter writer = new LineWriter().add(line("upsert", "node-01"));
		byte[] first = writer.drain();
		writer.add(line("delete", "node-02"));
		byte[] rest = PackageStreamer.finishWithTrailer(writer);
		byte[] body = concat(first, rest);
		assertThat(gunzip(body))
			.isEqualTo(NDJSON + "{\"type\":\"end\",\"items\":2,\"checksum\":\"" + sha256(NDJSON) + "\"}\n");
		StepVerifier.create(read(body, StreamedPackageSealer::checkEnd))
			.assertNext((line) -> assertLine(line, "upsert", "node-01"))
			.assertNext((line) -> assertLine(line, "delete", "node-02"))
			.verifyComplete();
	}

	@Test
	void aChecksumOrCountThatDoesNotMatchTheLinesIsRefused() {
		byte[] body = gzip(NDJSON);
		assertReadRejected(body, whole(sha256(UPSERT + "\n"), 2), "the package checksum does not match its contents");
		assertReadRejected(body, whole(sha256(NDJSON), 3), "the package holds 2 items, its header says 3");
		assertReadRejected(gzip(NDJSON + trailer(5, sha256(NDJSON))), StreamedPackageSealer::checkEnd,
				"the package holds 2 items, its header says 5");
		assertReadRejected(gzip(NDJSON + trailer(2, "sha256:" + "0".repeat(64))), StreamedPackageSealer::checkEnd,
				"the package checksum does not match its contents");
	}

	@Test
	void eachFormRefusesTheOthersEnding() {
		assertReadRejected(gzip(NDJSON), StreamedPackageSealer::checkEnd,
				"the package stream was cut short (no last line)");
		assertReadRejected(gzip(NDJSON + trailer(2, sha256(NDJSON))), whole(sha256(NDJSON), 2),
				"the package has a streamed package's last line");
	}

	@Test
	void nothingMayFollowTheLastLine() {
		assertReadRejected(gzip(UPSERT + "\n" + trailer(1, sha256(UPSERT + "\n")) + DELETE + "\n"),
				StreamedPackageSealer::checkEnd, "the package continues after its last line");
	}

	@Test
	void aTruncatedBodyIsRefused() {
		byte[] body = twoLines().finish(null);
		assertReadRejected(Arrays.copyOf(body, body.length - 8), whole(sha256(NDJSON), 2),
				"the payload is not valid gzip");
		assertReadRejected(gzip(NDJSON + UPSERT), whole(sha256(NDJSON), 2), "the payload ends in the middle of a line");
	}

	@Test
	void garbageIsRefused() {
		assertReadRejected("not gzip at all".getBytes(StandardCharsets.UTF_8), whole(sha256(NDJSON), 2),
				"the payload is not valid gzip");
		assertReadRejected(gzip(UPSERT + "\nnot json\n"), whole(sha256(NDJSON), 2),
				"line 2 of the package is not JSON");
	}

	@Test
	void aBodyThatInflatesBeyondTheLimitIsRefused() {
		byte[] body = gzip(NDJSON);
		int inflated = NDJSON.getBytes(StandardCharsets.UTF_8).length;
		StepVerifier.create(LineReader.read(() -> new ByteArrayInputStream(body), whole(sha256(NDJSON), 2), inflated))
			.expectNextCount(2)
			.verifyComplete();
		StepVerifier
			.create(LineReader.read(() -> new ByteArrayInputStream(body), whole(sha256(NDJSON), 2), inflated - 1))
			.verifyErrorSatisfies(
					(ex) -> assertRejected(ex, "the payload inflates beyond " + (inflated - 1) + " bytes"));
	}

	@Test
	void crLfLinesAreReadButTheirChecksumCoversTheCarriageReturns() {
		String crlf = UPSERT + "\r\n" + DELETE + "\r\n";
		StepVerifier.create(read(gzip(crlf), whole(sha256(crlf), 2)))
			.assertNext((line) -> assertLine(line, "upsert", "node-01"))
			.assertNext((line) -> assertLine(line, "delete", "node-02"))
			.verifyComplete();
		assertReadRejected(gzip(crlf), whole(sha256(NDJSON), 2), "the package checksum does not match its contents");
	}

	@Test
	void aBlankLineIsNotAPackageLine() {
		assertReadRejected(gzip(UPSERT + "\n\n" + DELETE + "\n"), whole(sha256(NDJSON), 2),
				"line 2 of the package is not a package line");
	}

	@Test
	void aBrokenUploadEndsTheReadWithItsProblemOrAsBrokenOff() {
		byte[] body = twoLines().finish(null);
		byte[] start = Arrays.copyOf(body, body.length / 2);
		ProblemException undecryptable = PackageProblems.undecryptable();
		StepVerifier
			.create(LineReader.read(() -> new FluxInputStream(Flux.just(start).concatWith(Flux.error(undecryptable))),
					whole(sha256(NDJSON), 2)))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isSameAs(undecryptable));
		StepVerifier
			.create(LineReader.read(
					() -> new FluxInputStream(
							Flux.just(start).concatWith(Flux.error(new IllegalStateException("connection reset")))),
					whole(sha256(NDJSON), 2)))
			.verifyErrorSatisfies((ex) -> assertRejected(ex, "the package stream broke off: connection reset"));
	}

	@Test
	void aLineCannotBeAddedOnceTheChecksumIsTaken() {
		LineWriter writer = twoLines();
		writer.checksum();
		assertThat(catchThrowable(() -> writer.add(line("upsert", "node-03"))))
			.isInstanceOf(IllegalStateException.class);
	}

	private static LineWriter twoLines() {
		return new LineWriter().add(line("upsert", "node-01")).add(line("delete", "node-02"));
	}

	private static PackageLine line(String action, String key) {
		return new PackageLine("node", action, key, HASH,
				"upsert".equals(action) ? PackageFormat.JSON.createObjectNode().put("hostname", key) : null);
	}

	private static String trailer(long items, String checksum) {
		return "{\"type\":\"end\",\"items\":" + items + ",\"checksum\":\"" + checksum + "\"}\n";
	}

	/** The end check of a whole package whose header declares this checksum and count. */
	private static Consumer<LineTotals> whole(String checksum, long items) {
		SyncPackage header = new SyncPackage(1, null, null, null, null, items, checksum, "gzip", false, null, null,
				null, null, null);
		return (totals) -> WholePackageSealer.checkEnd(header, totals);
	}

	private static Flux<ReceivedLine> read(byte[] body, Consumer<LineTotals> checkEnd) {
		return LineReader.read(() -> new ByteArrayInputStream(body), checkEnd);
	}

	private static void assertReadRejected(byte[] body, Consumer<LineTotals> checkEnd, String detail) {
		StepVerifier.create(read(body, checkEnd)).thenConsumeWhile((line) -> true).verifyErrorSatisfies((ex) -> {
			assertProblem(ex, ProblemCode.PACKAGE_REJECTED, detail);
		});
	}

	private static void assertLine(ReceivedLine line, String action, String key) {
		assertThat(line.type()).isEqualTo("node");
		assertThat(line.action()).isEqualTo(action);
		assertThat(line.key()).isEqualTo(key);
		assertThat(line.contentHash()).isEqualTo(HASH);
		assertThat(line.hasItem()).isEqualTo("upsert".equals(action));
	}

	private static String sha256(String text) {
		try {
			return "sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] gzip(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static String gunzip(byte[] body) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
