package org.orchestrator.livesync.sync.internal.transfer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.orchestrator.livesync.crypto.DerivedKeys;
import org.orchestrator.livesync.crypto.PackageCipher;
import org.orchestrator.livesync.crypto.PasswordKey;
import org.orchestrator.livesync.crypto.StreamingPackageCipher;
import org.orchestrator.livesync.sync.internal.SyncProblems;
import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.stereotype.Component;

/**
 * Seals encoded package lines into a {@link SyncPackage} and opens received ones. Key
 * derivation is slow by design and runs on a worker thread, never on the event loop.
 */
@Component
class PackageSealer {

	static final String ALGORITHM = "AES-256-GCM";

	private final SyncProperties sync;

	private final ServerIdentity identity;

	private final Clock clock;

	private final DerivedKeys keys;

	PackageSealer(SyncProperties sync, ServerIdentity identity, Clock clock, DerivedKeys keys) {
		this.sync = sync;
		this.identity = identity;
		this.clock = clock;
		this.keys = keys;
	}

	/**
	 * The header of a streamed package: no payload, count or checksum (those travel in
	 * its last line), encrypted with the streaming cipher under {@code password}, the
	 * target's SYNC_PASSWORD.
	 */
	SyncPackage streamHeader(boolean encrypted, String password) {
		byte[] salt = encrypted ? this.keys.sendingSalt(password) : null;
		return new SyncPackage(SyncPackage.FORMAT_VERSION, UUID.randomUUID().toString(),
				this.identity.serverId().toString(), this.identity.name(), this.clock.instant().toString(), 0, null,
				"gzip", encrypted, encrypted ? StreamingPackageCipher.ALGORITHM : null,
				encrypted ? PasswordKey.ALGORITHM : null, encrypted ? PasswordKey.ITERATIONS : null,
				(salt != null) ? Base64.getEncoder().encodeToString(salt) : null, null);
	}

	/**
	 * The ciphertext stream of a streamed package: compressed chunks in, encrypted
	 * segments out.
	 */
	Flux<byte[]> encryptStream(SyncPackage header, String password, Flux<byte[]> compressed) {
		if (!header.encrypted()) {
			return compressed;
		}
		byte[] salt = Base64.getDecoder().decode(header.salt());
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
	Flux<byte[]> decryptStream(SyncPackage header, Flux<byte[]> ciphertext) {
		return Mono.fromRunnable(() -> checkStreamHeader(header))
			.then(header.encrypted() ? Mono
				.defer(() -> this.keys.derive(requirePassword(), decode(header.salt(), "salt"), header.iterations()))
					: Mono.just(new byte[0]))
			.flatMapMany((key) -> {
				if (!header.encrypted()) {
					return ciphertext;
				}
				StreamingPackageCipher.Decryptor decryptor = new StreamingPackageCipher.Decryptor(key,
						header.associatedData());
				return ciphertext.concatMapIterable((chunk) -> {
					try {
						return decryptor.update(chunk);
					}
					catch (GeneralSecurityException ex) {
						throw undecryptable();
					}
				}).concatWith(Mono.fromCallable(() -> {
					try {
						return decryptor.finish();
					}
					catch (GeneralSecurityException ex) {
						throw undecryptable();
					}
				}));
			});
	}

	/** Refuses a streamed package's header before any of its body is read. */
	void checkStreamHeader(SyncPackage header) {
		checkCommonHeader(header);
		if (header.payload() != null || header.checksum() != null) {
			throw PackageCodec.rejected("a streamed package carries its checksum in its last line, not its header");
		}
		if (header.encrypted() && !StreamingPackageCipher.ALGORITHM.equals(header.algorithm())) {
			throw PackageCodec.rejected("the package's encryption settings are not supported");
		}
	}

	Mono<SyncPackage> seal(PackageCodec.Encoded encoded, boolean encrypted) {
		if (!encrypted) {
			SyncPackage header = header(encoded, false, null, null);
			return Mono.just(withPayload(header, encoded.compressed()));
		}
		String password = requirePassword();
		byte[] salt = PasswordKey.newSalt();
		SyncPackage header = header(encoded, true, PasswordKey.ITERATIONS, salt);
		return Mono.fromCallable(() -> {
			byte[] key = PasswordKey.derive(password, salt, PasswordKey.ITERATIONS);
			return withPayload(header,
					PackageCipher.forKey(key).encrypt(encoded.compressed(), header.associatedData()));
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
			String password = requirePassword();
			byte[] salt = decode(received.salt(), "salt");
			return this.keys.derive(password, salt, received.iterations()).map((key) -> {
				byte[] plaintext = PackageCipher.forKey(key).decrypt(payload, received.associatedData());
				if (plaintext == null) {
					throw undecryptable();
				}
				return (InputStream) new ByteArrayInputStream(plaintext);
			});
		});
	}

	private byte[] checkHeader(SyncPackage received) {
		checkCommonHeader(received);
		if (received.checksum() == null || received.payload() == null) {
			throw PackageCodec.rejected("the package header is incomplete");
		}
		if (received.encrypted() && !ALGORITHM.equals(received.algorithm())) {
			throw PackageCodec.rejected("the package's encryption settings are not supported");
		}
		return decode(received.payload(), "payload");
	}

	private void checkCommonHeader(SyncPackage received) {
		if (received.formatVersion() != SyncPackage.FORMAT_VERSION) {
			throw PackageCodec.rejected("package format " + received.formatVersion() + " is not supported (expected "
					+ SyncPackage.FORMAT_VERSION + ")");
		}
		if (received.packageId() == null || received.sourceServerId() == null
				|| !"gzip".equals(received.compression())) {
			throw PackageCodec.rejected("the package header is incomplete");
		}
		if (!received.sourceServerId().matches("[A-Za-z0-9._:-]{1,100}")) {
			throw PackageCodec.rejected("source_server_id does not name a server");
		}
		try {
			UUID.fromString(received.packageId());
		}
		catch (IllegalArgumentException ex) {
			throw PackageCodec.rejected("package_id is not a UUID");
		}
		if (received.encrypted()) {
			if (!PasswordKey.ALGORITHM.equals(received.kdf()) || received.iterations() == null
					|| received.iterations() < PasswordKey.MIN_ITERATIONS
					|| received.iterations() > PasswordKey.MAX_ITERATIONS || received.salt() == null) {
				throw PackageCodec.rejected("the package's encryption settings are not supported");
			}
		}
		else if (this.sync.encryption().enabled()) {
			throw new ProblemException(ProblemCode.ENCRYPTION_REQUIRED, "this server accepts encrypted packages only");
		}
	}

	private static ProblemException undecryptable() {
		return PackageCodec.rejected("the package does not decrypt: the SYNC_PASSWORD of the two servers differs, "
				+ "or the package was altered on the way");
	}

	private SyncPackage header(PackageCodec.Encoded encoded, boolean encrypted, Integer iterations, byte[] salt) {
		return new SyncPackage(SyncPackage.FORMAT_VERSION, UUID.randomUUID().toString(),
				this.identity.serverId().toString(), this.identity.name(), this.clock.instant().toString(),
				encoded.lines(), encoded.checksum(), "gzip", encrypted, encrypted ? ALGORITHM : null,
				encrypted ? PasswordKey.ALGORITHM : null, iterations,
				(salt != null) ? Base64.getEncoder().encodeToString(salt) : null, null);
	}

	private static SyncPackage withPayload(SyncPackage header, byte[] payload) {
		return new SyncPackage(header.formatVersion(), header.packageId(), header.sourceServerId(),
				header.sourceServerName(), header.createdAt(), header.items(), header.checksum(), header.compression(),
				header.encrypted(), header.algorithm(), header.kdf(), header.iterations(), header.salt(),
				Base64.getEncoder().encodeToString(payload));
	}

	private String requirePassword() {
		if (!this.sync.hasPassword()) {
			throw SyncProblems.notConfigured();
		}
		return this.sync.password();
	}

	private static byte[] decode(String base64, String field) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw PackageCodec.rejected(field + " is not base64");
		}
	}

}
