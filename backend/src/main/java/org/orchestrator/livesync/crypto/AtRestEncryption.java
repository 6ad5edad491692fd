package org.orchestrator.livesync.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets stored in the database (SSH private keys) with the server's Tink
 * AES-256-GCM master keyset, read from {@code MASTER_KEY_FILE} and created there (mode
 * 0600) on first start. Each ciphertext is bound to what it belongs to (associated data),
 * so a ciphertext copied onto another row does not decrypt.
 */
@Component
public class AtRestEncryption {

	private static final Log log = LogFactory.getLog(AtRestEncryption.class);

	private final Aead aead;

	public AtRestEncryption(@Value("${live-sync.master-key-file}") Path keysetFile) {
		try {
			AeadConfig.register();
			this.aead = loadOrCreate(keysetFile).getPrimitive(RegistryConfiguration.get(), Aead.class);
		}
		catch (GeneralSecurityException ex) {
			throw new StartupProblem("MASTER_KEY_FILE " + keysetFile + " does not hold a usable Tink AEAD keyset");
		}
	}

	/** Base64 of the ciphertext of {@code plaintext}, bound to {@code context}. */
	public String encrypt(String plaintext, String context) {
		try {
			byte[] ciphertext = this.aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					context.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ciphertext);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	public String decrypt(String ciphertext, String context) {
		try {
			byte[] plaintext = this.aead.decrypt(Base64.getDecoder().decode(ciphertext),
					context.getBytes(StandardCharsets.UTF_8));
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("a stored secret of " + context
					+ " does not decrypt with the master keyset (was MASTER_KEY_FILE replaced?)");
		}
	}

	private static KeysetHandle loadOrCreate(Path file) throws GeneralSecurityException {
		try {
			if (Files.exists(file)) {
				return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
			}
			KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
			writeOwnerOnly(file, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
			log.info("Created a new master keyset in " + file + "; back it up: stored SSH private keys need it");
			return handle;
		}
		catch (FileAlreadyExistsException ex) {
			// Another server sharing the file created it first: use that one.
			return loadOrCreate(file);
		}
		catch (IOException ex) {
			throw new StartupProblem("cannot read or create MASTER_KEY_FILE " + file + ": " + ex.getMessage());
		}
	}

	private static void writeOwnerOnly(Path file, String content) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
		FileAttribute<?>[] attributes = posix
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
				: new FileAttribute<?>[0];
		Path temporary = Files.createTempFile(parent, ".keyset", ".tmp", attributes);
		Files.writeString(temporary, content);
		try {
			// Atomic publish: a concurrent reader never sees a half-written keyset.
			Files.createLink(file, temporary);
		}
		catch (UnsupportedOperationException ex) {
			Files.move(temporary, file);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
