package org.orchestrator.livesync.sync.internal.transfer;

import java.security.GeneralSecurityException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.orchestrator.livesync.crypto.DerivedKeys;
import org.orchestrator.livesync.crypto.StreamingPackageCipher;

import org.springframework.stereotype.Component;

/**
 * The streamed form of a package ({@code /receive/stream}): its header travels ahead and
 * carries no count, checksum or payload; its body is the compressed lines, encrypted
 * segment by segment with the streaming cipher, ending with a {@link StreamTrailer}. So
 * neither end ever holds the whole package.
 */
@Component
class StreamedPackageSealer {

	private final PackageHeaders headers;

	private final DerivedKeys keys;

	StreamedPackageSealer(PackageHeaders headers, DerivedKeys keys) {
		this.headers = headers;
		this.keys = keys;
	}

	/**
	 * The header of a new streamed package for a target whose SYNC_PASSWORD is
	 * {@code password}.
	 */
	SyncPackage header(boolean encrypted, String password) {
		return header(encrypted, password, null);
	}

	/** The same, with the sender's hybrid logical clock. */
	SyncPackage header(boolean encrypted, String password, Long clock) {
		return encrypted
				? this.headers.create(0, null, StreamingPackageCipher.ALGORITHM, this.keys.sendingSalt(password), clock)
				: this.headers.create(0, null, null, null, clock);
	}

	/** The body of a streamed package: compressed chunks in, encrypted segments out. */
	Flux<byte[]> encrypt(SyncPackage header, String password, Flux<byte[]> compressed) {
		if (!header.encrypted()) {
			return compressed;
		}
		byte[] salt = PackageHeaders.decode(header.salt(), "salt");
		return this.keys.derive(password, salt, header.iterations()).flatMapMany((key) -> {
			StreamingPackageCipher.Encryptor encryptor = new StreamingPackageCipher.Encryptor(key,
					header.associatedData());
			return compressed.concatMapIterable(encryptor::update)
				.concatWith(Flux.defer(() -> Flux.fromIterable(encryptor.finish())));
		});
	}

	/**
	 * The compressed chunks of a received streamed package, decrypted segment by segment.
	 */
	Flux<byte[]> decrypt(SyncPackage header, Flux<byte[]> ciphertext) {
		return decrypt(header, ciphertext, null);
	}

	/**
	 * The same for a package sealed under {@code password} (null: this server's own), as
	 * a pulled package is: under the sending remote's password.
	 */
	Flux<byte[]> decrypt(SyncPackage header, Flux<byte[]> ciphertext, String password) {
		return Mono.fromRunnable(() -> checkHeader(header))
			.then(header.encrypted()
					? Mono.defer(() -> this.keys.derive((password != null) ? password : this.headers.password(),
							PackageHeaders.decode(header.salt(), "salt"), header.iterations()))
					: Mono.just(new byte[0]))
			.flatMapMany((key) -> {
				if (!header.encrypted()) {
					return ciphertext;
				}
				StreamingPackageCipher.Decryptor decryptor = new StreamingPackageCipher.Decryptor(key,
						header.associatedData());
				return ciphertext.concatMapIterable((chunk) -> decrypting(() -> decryptor.update(chunk)))
					.concatWith(Mono.fromCallable(() -> decrypting(decryptor::finish)));
			});
	}

	/**
	 * What checks the pieces of a received streamed package, sealed under
	 * {@code password} (null: this server's own), as they arrive; {@code streamHeader} is
	 * the start of its ciphertext.
	 */
	Mono<StreamingPackageCipher.SegmentChecker> checker(SyncPackage header, byte[] streamHeader, String password) {
		return Mono
			.defer(() -> this.keys.derive((password != null) ? password : this.headers.password(),
					PackageHeaders.decode(header.salt(), "salt"), header.iterations()))
			.map((key) -> decrypting(
					() -> new StreamingPackageCipher.SegmentChecker(key, header.associatedData(), streamHeader)));
	}

	/** Refuses a streamed package's header before any of its body is read. */
	void checkHeader(SyncPackage header) {
		this.headers.checkCommon(header);
		if (header.payload() != null || header.checksum() != null) {
			throw PackageProblems.rejected("a streamed package carries its checksum in its last line, not its header");
		}
		PackageHeaders.checkAlgorithm(header, StreamingPackageCipher.ALGORITHM);
	}

	/** What the lines of a streamed package must come to: what its last line says. */
	static void checkEnd(LineTotals totals) {
		if (totals.trailer() == null) {
			throw PackageProblems.rejected("the package stream was cut short (no last line)");
		}
		totals.match(totals.trailer().checksum(), totals.trailer().items());
	}

	/** A segment that does not decrypt was altered, or sealed under another password. */
	static <T> T decrypting(Decryption<T> step) {
		try {
			return step.run();
		}
		catch (GeneralSecurityException ex) {
			throw PackageProblems.undecryptable();
		}
	}

	interface Decryption<T> {

		T run() throws GeneralSecurityException;

	}

}
