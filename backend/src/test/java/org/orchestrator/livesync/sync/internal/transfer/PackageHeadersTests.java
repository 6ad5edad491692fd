package org.orchestrator.livesync.sync.internal.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.orchestrator.livesync.crypto.DerivedKeys;
import org.orchestrator.livesync.crypto.PasswordKey;
import org.orchestrator.livesync.crypto.StreamingPackageCipher;
import org.orchestrator.livesync.sync.internal.SyncProperties;
import org.orchestrator.livesync.system.ProblemCode;
import org.orchestrator.livesync.system.ServerIdentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.orchestrator.livesync.sync.internal.transfer.PackageAssertions.assertProblem;
import static org.orchestrator.livesync.sync.internal.transfer.PackageAssertions.assertRejected;

/**
 * The header checks both forms share, tried through each form's own check, and the
 * headers this server writes. The fields of one form only are tested with that form.
 */
class PackageHeadersTests {

	static final UUID SERVER_ID = UUID.fromString("7b0c8a52-4c9e-4d55-9a55-8e0f4f4a0c11");

	static final String PASSWORD = "shared-sync-secret";

	static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

	private final PackageHeaders headers = headers(true);

	private final WholePackageSealer whole = new WholePackageSealer(this.headers, new DerivedKeys());

	private final StreamedPackageSealer streamed = new StreamedPackageSealer(this.headers, new DerivedKeys());

	/** Each form's check with a header it accepts. */
	private final Map<String, Form> forms = Map.of("whole",
			new Form(WholePackageSealerTests.validHeader(this.headers), this.whole::checkHeader), "streamed",
			new Form(this.streamed.header(true, PASSWORD), this.streamed::checkHeader));

	@Test
	void newHeadersNameThisServerNowAndHowThePackageIsSealed() {
		byte[] salt = new byte[PasswordKey.SALT_BYTES];
		SyncPackage encrypted = this.headers.create(2, "sha256:ab", "AES-256-GCM", salt);
		assertThat(UUID.fromString(encrypted.packageId())).isNotNull();
		assertThat(encrypted).usingRecursiveComparison()
			.ignoringFields("packageId")
			.isEqualTo(new SyncPackage(1, null, SERVER_ID.toString(), "source", "2026-01-02T03:04:05Z", 2, "sha256:ab",
					"gzip", true, "AES-256-GCM", "PBKDF2-HMAC-SHA256", 600_000,
					Base64.getEncoder().encodeToString(salt), null));
		SyncPackage clear = this.headers.create(0, null, null, null);
		assertThat(clear).usingRecursiveComparison()
			.ignoringFields("packageId")
			.isEqualTo(new SyncPackage(1, null, SERVER_ID.toString(), "source", "2026-01-02T03:04:05Z", 0, null, "gzip",
					false, null, null, null, null, null));
		assertThat(clear.packageId()).isNotEqualTo(encrypted.packageId());
	}

	@Test
	void bothFormsRefuseAnotherFormatVersion() {
		eachForm((form) -> assertRejected(() -> form.check(with(form.valid(), "format_version", 2)),
				"package format 2 is not supported (expected 1)"));
	}

	@Test
	void bothFormsRefuseAHeaderWithoutIdsOrGzip() {
		eachForm((form) -> {
			assertRejected(() -> form.check(with(form.valid(), "package_id", null)),
					"the package header is incomplete");
			assertRejected(() -> form.check(with(form.valid(), "source_server_id", null)),
					"the package header is incomplete");
			assertRejected(() -> form.check(with(form.valid(), "compression", "zstd")),
					"the package header is incomplete");
			assertRejected(() -> form.check(with(form.valid(), "source_server_id", "two words")),
					"source_server_id does not name a server");
			assertRejected(() -> form.check(with(form.valid(), "package_id", "42")), "package_id is not a UUID");
		});
	}

	@Test
	void bothFormsRefuseKeyDerivationsThisServerDoesNotUse() {
		eachForm((form) -> {
			for (Object[] change : new Object[][] { { "kdf", "scrypt" }, { "kdf", null },
					{ "iterations", PasswordKey.MIN_ITERATIONS - 1 }, { "iterations", PasswordKey.MAX_ITERATIONS + 1 },
					{ "iterations", null }, { "salt", null } }) {
				assertRejected(() -> form.check(with(form.valid(), (String) change[0], change[1])),
						"the package's encryption settings are not supported");
			}
			assertThatNoException()
				.isThrownBy(() -> form.check(with(form.valid(), "iterations", PasswordKey.MIN_ITERATIONS)));
		});
	}

	@Test
	void eachFormRefusesTheOthersCipher() {
		assertRejected(() -> this.whole.checkHeader(
				with(WholePackageSealerTests.validHeader(this.headers), "algorithm", StreamingPackageCipher.ALGORITHM)),
				"the package's encryption settings are not supported");
		assertRejected(
				() -> this.streamed
					.checkHeader(with(this.streamed.header(true, PASSWORD), "algorithm", WholePackageSealer.ALGORITHM)),
				"the package's encryption settings are not supported");
	}

	@Test
	void aPackageInClearIsRefusedOnlyWhereEncryptionIsRequired() {
		WholePackageSealer lenientWhole = new WholePackageSealer(headers(false), new DerivedKeys());
		StreamedPackageSealer lenientStreamed = new StreamedPackageSealer(headers(false), new DerivedKeys());
		SyncPackage wholeInClear = unencrypted(WholePackageSealerTests.validHeader(this.headers));
		SyncPackage streamedInClear = this.streamed.header(false, PASSWORD);
		for (Runnable check : List.<Runnable>of(() -> this.whole.checkHeader(wholeInClear),
				() -> this.streamed.checkHeader(streamedInClear))) {
			assertProblem(catchThrowable(check::run), ProblemCode.ENCRYPTION_REQUIRED,
					"this server accepts encrypted packages only");
		}
		assertThatNoException().isThrownBy(() -> lenientWhole.checkHeader(wholeInClear));
		assertThatNoException().isThrownBy(() -> lenientStreamed.checkHeader(streamedInClear));
	}

	private void eachForm(Consumer<Form> test) {
		this.forms.forEach((name, form) -> {
			assertThatNoException().as(name).isThrownBy(() -> form.check(form.valid()));
			test.accept(form);
		});
	}

	static PackageHeaders headers(boolean encryptionRequired) {
		return headers(encryptionRequired, PASSWORD);
	}

	static PackageHeaders headers(boolean encryptionRequired, String password) {
		SyncProperties sync = new SyncProperties(true, password, null, 3600,
				new SyncProperties.Encryption(encryptionRequired, "AES-256"), Duration.ofMinutes(10), 90);
		ServerIdentity identity = mock(ServerIdentity.class);
		given(identity.serverId()).willReturn(SERVER_ID);
		given(identity.name()).willReturn("source");
		return new PackageHeaders(sync, identity, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	/** {@code header} with one field (by its wire name) set, or removed when null. */
	@SuppressWarnings("unchecked")
	static SyncPackage with(SyncPackage header, String field, Object value) {
		Map<String, Object> fields = PackageFormat.JSON.convertValue(header, Map.class);
		if (value == null) {
			fields.remove(field);
		}
		else {
			fields.put(field, value);
		}
		return PackageFormat.JSON.convertValue(fields, SyncPackage.class);
	}

	static SyncPackage unencrypted(SyncPackage header) {
		return with(
				with(with(with(with(header, "encrypted", false), "algorithm", null), "kdf", null), "iterations", null),
				"salt", null);
	}

	private record Form(SyncPackage valid, Consumer<SyncPackage> checker) {

		void check(SyncPackage header) {
			this.checker.accept(header);
		}

	}

}
