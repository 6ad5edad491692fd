package org.orchestrator.livesync.security.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;

import org.orchestrator.livesync.support.Peers;
import org.orchestrator.livesync.support.RawHttp;
import org.orchestrator.livesync.support.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the contract, spelled every way a path can be spelled, with no token,
 * each kind of token, and a forged one: only the right kind of token is let through, and
 * only on the route's one normal spelling; every ambiguous spelling is refused with 400.
 */
class PathSpellingIntegrationTests {

	/** The routes anyone may call; the contract's other routes need a token. */
	private static final Set<String> OPEN = Set.of("/api/v1/health", "/api/v1/sync/test", "/api/v1/auth/login",
			"/api/v1/sync/connect");

	/** The server-to-server routes: peer tokens only. */
	private static final Set<String> PEER = Set.of("/api/v1/sync/inventory", "/api/v1/sync/compare",
			"/api/v1/sync/transfer", "/api/v1/sync/transfer/stream", "/api/v1/sync/transfer/stream/{package_id}",
			"/api/v1/sync/receive", "/api/v1/sync/receive/stream", "/api/v1/sync/receive/stream/{package_id}",
			"/api/v1/sync/confirm", "/api/v1/sync/hashes", "/api/v1/sync/items", "/api/v1/sync/digest",
			"/api/v1/sync/changes", "/api/v1/sync/checkpoint", "/api/v1/sync/facts");

	/**
	 * Spellings that a router, a proxy or a filter could each read as another path: all
	 * refused.
	 */
	private static final Map<String, UnaryOperator<String>> AMBIGUOUS = new LinkedHashMap<>();

	static {
		AMBIGUOUS.put("encoded letter in the prefix", (p) -> p.replaceFirst("^/api", "/%61pi"));
		AMBIGUOUS.put("encoded letter, upper-case hex", (p) -> p.replaceFirst("^/api", "/ap%69"));
		AMBIGUOUS.put("encoded letter in the last segment", PathSpellingIntegrationTests::encodeLastLetter);
		AMBIGUOUS.put("encoded digit", (p) -> p.replaceFirst("^/api/v1", "/api/v%31"));
		AMBIGUOUS.put("encoded slash", (p) -> p.replaceFirst("^/api/", "/api%2F"));
		AMBIGUOUS.put("encoded slash, lower case", (p) -> p.replaceFirst("^/api/", "/api%2f"));
		AMBIGUOUS.put("empty ; parameter", (p) -> p.replaceFirst("^/api", "/api;"));
		AMBIGUOUS.put("; parameter with a value", (p) -> p.replaceFirst("^/api", "/api;x=1"));
		AMBIGUOUS.put("; parameter on the last segment", (p) -> p + ";jsessionid=1");
		AMBIGUOUS.put("encoded ;", (p) -> p.replaceFirst("^/api", "/api%3B"));
		AMBIGUOUS.put("leading //", (p) -> "/" + p);
		AMBIGUOUS.put("inner //", (p) -> p.replaceFirst("^/api/", "/api//"));
		AMBIGUOUS.put("/./ segment", (p) -> p.replaceFirst("^/api/", "/api/./"));
		AMBIGUOUS.put("/../ segment", (p) -> p.replaceFirst("^/api/v1/", "/api/v1/x/../"));
		AMBIGUOUS.put("trailing /.", (p) -> p + "/.");
		AMBIGUOUS.put("encoded dot segment", (p) -> p.replaceFirst("^/api/v1/", "/api/v1/x/%2e%2e/"));
		AMBIGUOUS.put("encoded percent", (p) -> p.replaceFirst("^/api", "/%2561pi"));
		AMBIGUOUS.put("trailing slash", (p) -> p + "/");
		AMBIGUOUS.put("upper-case prefix", (p) -> p.replaceFirst("^/api", "/API"));
		AMBIGUOUS.put("mixed-case prefix", (p) -> p.replaceFirst("^/api", "/Api"));
		AMBIGUOUS.put("overlong UTF-8 letter", (p) -> p.replaceFirst("^/api", "/%C1%A1pi"));
		AMBIGUOUS.put("overlong UTF-8 slash", (p) -> p.replaceFirst("^/api/", "/api%C0%AF"));
		AMBIGUOUS.put("overlong UTF-8 dot segment", (p) -> p.replaceFirst("^/api/v1/", "/api/v1/x/%C0%AE%C0%AE/"));
		AMBIGUOUS.put("encoded backslash", (p) -> p.replaceFirst("^/api/", "/api%5C"));
		AMBIGUOUS.put("encoded NUL", (p) -> p + "%00");
	}

	/**
	 * Spellings that name no route at all (paths are case-sensitive): never let through
	 * to a handler, with any token.
	 */
	private static final Map<String, UnaryOperator<String>> OTHER_PATHS = Map.of("upper-case version",
			(p) -> p.replaceFirst("^/api/v1", "/api/V1"), "upper-case resource",
			(p) -> p.substring(0, 8) + p.substring(8).toUpperCase(Locale.ROOT));

	@RegisterExtension
	static TestServer server = new TestServer().with("SYNC_PASSWORD", Peers.SYNC_PASSWORD);

	private static final Map<String, String> credentials = new LinkedHashMap<>();

	@BeforeAll
	static void tokens() {
		credentials.put("no token", null);
		credentials.put("a forged token", "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJvcGVyYXRvciJ9.forged");
		credentials.put("an operator token", server.operatorToken());
		credentials.put("a peer token", Peers.connect(server, "spelling-peer").token());
	}

	@Test
	void letsOnlyTheRightTokenThroughOnTheNormalSpelling() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (Route route : routes()) {
			credentials.forEach((credential, token) -> {
				int status = send(route.method(), route.path(), token).status();
				String needed = needed(route.template());
				boolean rightToken = needed.equals("open") || needed.equals(credential);
				boolean refused = status == 401 || status == 403;
				if (rightToken == refused || status >= 500) {
					wrong.add(route + " with " + credential + ": " + status);
				}
			});
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void refusesEveryAmbiguousSpellingWhateverTheToken() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (Route route : routes()) {
			AMBIGUOUS.forEach((spelling, respell) -> credentials.forEach((credential, token) -> {
				String path = respell.apply(route.path());
				RawHttp.Response response = send(route.method(), path, token);
				if (response.status() != 400) {
					wrong.add(route.method() + " " + path + " (" + spelling + ") with " + credential + ": "
							+ response.status());
				}
			}));
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void letsNoOtherSpellingReachAHandler() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (Route route : routes()) {
			OTHER_PATHS.forEach((spelling, respell) -> credentials.forEach((credential, token) -> {
				String path = respell.apply(route.path());
				int status = send(route.method(), path, token).status();
				boolean expected = (token == null || credential.equals("a forged token")) ? status == 401
						: (status == 403 || status == 404);
				if (!expected) {
					wrong.add(route.method() + " " + path + " (" + spelling + ") with " + credential + ": " + status);
				}
			}));
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void answersARefusalAsAProblemWithTheSecurityHeaders() {
		RawHttp.Response refused = send("GET", "/%61pi/v1/ssh-keys", null);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.body()).contains("\"code\":\"rejected-request\"");
		assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	private static String needed(String template) {
		if (OPEN.contains(template)) {
			return "open";
		}
		return PEER.contains(template) ? "a peer token" : "an operator token";
	}

	private static RawHttp.Response send(String method, String path, String token) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", "application/json");
		if (token != null) {
			headers.put("Authorization", "Bearer " + token);
		}
		boolean body = method.equals("POST") || method.equals("PUT");
		if (body) {
			headers.put("Content-Type", "application/json");
		}
		return RawHttp.send(server.port(), method, path, headers, body ? "{}" : null);
	}

	private static String encodeLastLetter(String path) {
		int slash = path.lastIndexOf('/');
		for (int i = slash + 1; i < path.length(); i++) {
			char c = path.charAt(i);
			if (Character.isLetter(c)) {
				return path.substring(0, i) + "%" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
						+ path.substring(i + 1);
			}
		}
		return path + "%41";
	}

	/** Every operation of the committed contract, path variables filled in. */
	@SuppressWarnings("unchecked")
	private static List<Route> routes() throws IOException {
		Map<String, Object> contract = new Yaml().load(Files.readString(Path.of("..", "openapi.yaml")));
		List<Route> routes = new ArrayList<>();
		((Map<String, Map<String, Object>>) contract.get("paths")).forEach((template, operations) -> {
			for (String method : operations.keySet()) {
				routes.add(new Route(method.toUpperCase(Locale.ROOT), template,
						template.replaceAll("\\{[^}]+}", "no-such-item")));
			}
			routes.add(new Route("OPTIONS", template, template.replaceAll("\\{[^}]+}", "no-such-item")));
		});
		assertThat(routes).hasSizeGreaterThan(40);
		return routes;
	}

	private record Route(String method, String template, String path) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
