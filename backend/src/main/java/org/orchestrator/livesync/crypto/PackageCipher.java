package org.orchestrator.livesync.crypto;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;

/**
 * Encrypts sync packages with Tink's AES-256-GCM under a key derived from the sync
 * password (see {@link PasswordKey}). The associated data binds the ciphertext to the
 * package's header, so neither the payload nor the header can be altered or swapped
 * unnoticed.
 */
public final class PackageCipher {

	private final Aead aead;

	private PackageCipher(Aead aead) {
		this.aead = aead;
	}

	/** A cipher for a 32-byte derived key. */
	public static PackageCipher forKey(byte[] key) {
		try {
			AesGcmParameters parameters = AesGcmParameters.builder()
				.setKeySizeBytes(32)
				.setIvSizeBytes(12)
				.setTagSizeBytes(16)
				.setVariant(AesGcmParameters.Variant.NO_PREFIX)
				.build();
			AesGcmKey aesKey = AesGcmKey.builder()
				.setParameters(parameters)
				.setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
				.build();
			return new PackageCipher(AesGcmJce.create(aesKey));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-256-GCM is not available", ex);
		}
	}

	public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
		try {
			return this.aead.encrypt(plaintext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	/**
	 * The plaintext, or null when the key is wrong or a byte of ciphertext or header
	 * changed.
	 */
	public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
		try {
			return this.aead.decrypt(ciphertext, associatedData);
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
	}

}
