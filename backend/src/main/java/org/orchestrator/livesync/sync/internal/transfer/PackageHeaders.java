package org.orchestrator.livesync.sync.internal.transfer;

import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

import org.orchestrator.livesync.crypto.PasswordKey;
import org.orchestrator.livesync.sync.internal.SyncProblems;
import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ProblemException;
import org.orchestrator.livesync.system.ServerIdentity;

import org.springframework.stereotype.Component;

/**
 * The header fields both forms have alike: this server's new headers, the checks of a
 * received one that do not depend on its form (version, identity, compression, key
 * derivation, whether this server accepts it in clear), and the sync password that keys
 * them. Each form adds the checks of its own fields.
 */
@Component
class PackageHeaders {

	private final SyncProperties sync;

	private final ServerIdentity identity;

	private final Clock clock;

	PackageHeaders(SyncProperties sync, ServerIdentity identity, Clock clock) {
		this.sync = sync;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * A header for a new package from this server, without payload; encrypted when
	 * {@code algorithm} is given, keyed with {@code salt}.
	 */
	SyncPackage create(long items, String checksum, String algorithm, byte[] salt) {
		return create(items, checksum, algorithm, salt, null);
	}

	/** The same, with the sender's hybrid logical clock. */
	SyncPackage create(long items, String checksum, String algorithm, byte[] salt, Long clock) {
		boolean encrypted = algorithm != null;
		return new SyncPackage(SyncPackage.FORMAT_VERSION, UUID.randomUUID().toString(),
				this.identity.serverId().toString(), this.identity.name(), this.clock.instant().toString(), items,
				checksum, "gzip", encrypted, algorithm, encrypted ? PasswordKey.ALGORITHM : null,
				encrypted ? PasswordKey.ITERATIONS : null,
				(salt != null) ? Base64.getEncoder().encodeToString(salt) : null, null, clock);
	}

	/** Refuses a received header for what is wrong with it in either form. */
	void checkCommon(SyncPackage received) {
		if (received.formatVersion() != SyncPackage.FORMAT_VERSION) {
			throw PackageProblems.rejected("package format " + received.formatVersion() + " is not supported (expected "
					+ SyncPackage.FORMAT_VERSION + ")");
		}
		if (received.packageId() == null || received.sourceServerId() == null
				|| !"gzip".equals(received.compression())) {
			throw PackageProblems.rejected("the package header is incomplete");
		}
		if (!received.sourceServerId().matches("[A-Za-z0-9._:-]{1,100}")) {
			throw PackageProblems.rejected("source_server_id does not name a server");
		}
		try {
			UUID.fromString(received.packageId());
		}
		catch (IllegalArgumentException ex) {
			throw PackageProblems.rejected("package_id is not a UUID");
		}
		if (received.encrypted()) {
			if (!PasswordKey.ALGORITHM.equals(received.kdf()) || received.iterations() == null
					|| received.iterations() < PasswordKey.MIN_ITERATIONS
					|| received.iterations() > PasswordKey.MAX_ITERATIONS || received.salt() == null) {
				throw PackageProblems.unsupportedEncryption();
			}
		}
		else if (this.sync.encryption().enabled()) {
			throw new ProblemException(ProblemCode.ENCRYPTION_REQUIRED, "this server accepts encrypted packages only");
		}
	}

	/** Refuses an encrypted package sealed otherwise than its form seals. */
	static void checkAlgorithm(SyncPackage received, String algorithm) {
		if (received.encrypted() && !algorithm.equals(received.algorithm())) {
			throw PackageProblems.unsupportedEncryption();
		}
	}

	/** This server's SYNC_PASSWORD, which keys the packages it seals and opens. */
	String password() {
		if (!this.sync.hasPassword()) {
			throw SyncProblems.notConfigured();
		}
		return this.sync.password();
	}

	/**
	 * A base64 header field (or payload), decoded; a package whose field is not is
	 * refused.
	 */
	static byte[] decode(String base64, String field) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw PackageProblems.rejected(field + " is not base64");
		}
	}

}
