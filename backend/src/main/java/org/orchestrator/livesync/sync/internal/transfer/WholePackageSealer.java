package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Base64;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.orchestrator.livesync.crypto.DerivedKeys;
import org.orchestrator.livesync.crypto.PackageCipher;
import org.orchestrator.livesync.crypto.PasswordKey;

import org.springframework.stereotype.Component;

/**
 * The whole form of a package (pulled with {@code /transfer}, pushed to
 * {@code /receive}): one JSON document whose header carries the count and checksum and
 * whose payload is the compressed lines, base64, sealed in one piece with AES-256-GCM.
 * Key derivation is slow by design and runs on a worker thread, never on the event loop.
 */
@Component
class WholePackageSealer {

	static final String ALGORITHM = "AES-256-GCM";

	private final PackageHeaders headers;

	private final DerivedKeys keys;

	WholePackageSealer(PackageHeaders headers, DerivedKeys keys) {
		this.headers = headers;
		this.keys = keys;
	}

	/** The package of the lines {@code written} holds, which it finishes. */
	Mono<SyncPackage> seal(LineWriter written, boolean encrypted) {
		byte[] compressed = written.finish(null);
		if (!encrypted) {
			SyncPackage header = this.headers.create(written.lines(), written.checksum(), null, null);
			return Mono.just(withPayload(header, compressed));
		}
		String password = this.headers.password();
		byte[] salt = PasswordKey.newSalt();
		SyncPackage header = this.headers.create(written.lines(), written.checksum(), ALGORITHM, salt);
		return Mono.fromCallable(() -> {
			byte[] key = PasswordKey.derive(password, salt, PasswordKey.ITERATIONS);
			return withPayload(header, PackageCipher.forKey(key).encrypt(compressed, header.associatedData()));
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * The compressed lines of a package, after its header is checked and its payload
	 * decrypted.
	 */
	Mono<InputStream> open(SyncPackage received) {
		return Mono.fromCallable(() -> checkHeader(received)).flatMap((payload) -> {
			if (!received.encrypted()) {
				return Mono.just(new ByteArrayInputStream(payload));
			}
			String password = this.headers.password();
			byte[] salt = PackageHeaders.decode(received.salt(), "salt");
			return this.keys.derive(password, salt, received.iterations()).map((key) -> {
				byte[] plaintext = PackageCipher.forKey(key).decrypt(payload, received.associatedData());
				if (plaintext == null) {
					throw PackageProblems.undecryptable();
				}
				return (InputStream) new ByteArrayInputStream(plaintext);
			});
		});
	}

	/**
	 * Refuses a header of the whole form for what is wrong with it (no checksum, no
	 * payload, another cipher); returns its payload.
	 */
	byte[] checkHeader(SyncPackage received) {
		this.headers.checkCommon(received);
		if (received.checksum() == null || received.payload() == null) {
			throw PackageProblems.rejected("the package header is incomplete");
		}
		PackageHeaders.checkAlgorithm(received, ALGORITHM);
		return PackageHeaders.decode(received.payload(), "payload");
	}

	/**
	 * What the lines of a whole package must come to: what its header says, and no
	 * streamed package's last line among them.
	 */
	static void checkEnd(SyncPackage received, LineTotals totals) {
		if (totals.trailer() != null) {
			throw PackageProblems.rejected("the package has a streamed package's last line");
		}
		totals.match(received.checksum(), received.items());
	}

	private static SyncPackage withPayload(SyncPackage header, byte[] payload) {
		return new SyncPackage(header.formatVersion(), header.packageId(), header.sourceServerId(),
				header.sourceServerName(), header.createdAt(), header.items(), header.checksum(), header.compression(),
				header.encrypted(), header.algorithm(), header.kdf(), header.iterations(), header.salt(),
				Base64.getEncoder().encodeToString(payload));
	}

}
