package org.orchestrator.livesync.security.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.RawHttp;
import org.orchestrator.livesync.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync password cannot be guessed past the rate limit by spelling {@code /connect}
 * another way: other spellings never reach the password check, and the one that does
 * counts against the client's one bucket.
 */
class ConnectRateLimitIntegrationTests {

	private static final int LIMIT = 4;

	private static final List<String> SPELLINGS = List.of("/%61pi/v1/sync/connect", "/ap%69/v1/sync/connect",
			"/api;/v1/sync/connect", "/api;x=1/v1/sync/connect", "/api/v1/sync/connect/", "//api/v1/sync/connect",
			"/api/v1/sync/%63onnect", "/API/v1/sync/connect", "/api/v1/sync/./connect");

	@RegisterExtension
	static TestServer server = new TestServer().with("SYNC_PASSWORD", Peers.SYNC_PASSWORD)
		.with("SYNC_RATE_LIMIT_PER_HOUR", String.valueOf(LIMIT));

	@Test
	void holdsAcrossSpellings() {
		for (String spelling : SPELLINGS) {
			assertThat(connect(spelling, "guess").status()).as(spelling).isEqualTo(400);
		}
		for (int i = 0; i < LIMIT; i++) {
			assertThat(connect("/api/v1/sync/connect", "guess-" + i).status()).isEqualTo(401);
		}
		RawHttp.Response limited = connect("/api/v1/sync/connect", Peers.SYNC_PASSWORD);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotBlank();
		// Over the limit, even the right password through any spelling opens nothing.
		for (String spelling : SPELLINGS) {
			assertThat(connect(spelling, Peers.SYNC_PASSWORD).status()).as(spelling).isIn(400, 429);
		}
	}

	private static RawHttp.Response connect(String path, String password) {
		return RawHttp.send(server.port(), "POST", path,
				Map.of("Content-Type", "application/json", "Accept", "application/json"),
				"{\"server_id\":\"guesser\",\"password\":\"" + password + "\"}");
	}

}
