package org.orchestrator.livesync.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

/**
 * Keys derived from sync passwords, each derived once. The slow derivation (PBKDF2,
 * 600,000 iterations) is what makes guessing the password expensive; doing it again for
 * every package with the same salt would add nothing but delay. Every package still has
 * keys of its own: the streaming cipher derives them from this key and a fresh random
 * nonce (HKDF), and AES-GCM uses a fresh IV per message. This server sends with one salt
 * per password for its lifetime.
 */
@Component
public class DerivedKeys {

	private static final int REMEMBERED = 64;

	private final Map<String, byte[]> keys = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
			return size() > REMEMBERED;
		}

	};

	private final Map<String, byte[]> sendingSalts = new LinkedHashMap<>();

	/** The salt this server uses when it sends to a server with {@code password}. */
	public synchronized byte[] sendingSalt(String password) {
		return this.sendingSalts.computeIfAbsent(digest(password), (d) -> PasswordKey.newSalt()).clone();
	}

	/**
	 * The key for {@code password}, {@code salt} and {@code iterations}; derived off the
	 * event loop when new.
	 */
	public Mono<byte[]> derive(String password, byte[] salt, int iterations) {
		String id = digest(password) + ":" + Base64.getEncoder().encodeToString(salt) + ":" + iterations;
		byte[] known = remembered(id);
		if (known != null) {
			return Mono.just(known);
		}
		return Mono.fromCallable(() -> remember(id, PasswordKey.derive(password, salt, iterations)))
			.subscribeOn(Schedulers.boundedElastic());
	}

	private synchronized byte[] remembered(String id) {
		return this.keys.get(id);
	}

	private synchronized byte[] remember(String id, byte[] key) {
		this.keys.put(id, key);
		return key;
	}

	private static String digest(String password) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
