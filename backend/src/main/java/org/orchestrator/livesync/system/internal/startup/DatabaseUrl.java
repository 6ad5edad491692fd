package org.orchestrator.livesync.system.internal.startup;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.orchestrator.livesync.system.StartupProblem;

/**
 * The one database setting,
 * {@code postgresql://user:password@host:port/db[?sslmode=...]}, and the R2DBC and JDBC
 * forms derived from it. {@link #toString()} never shows the password.
 */
public record DatabaseUrl(String host, int port, String database, String username, String password, String sslMode) {

	private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
			"verify-full");

	public static DatabaseUrl parse(String value) {
		String text = value.strip();
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw invalid("it is not a URL");
		}
		if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
			throw invalid("it must start with postgresql://");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw invalid("it names no host");
		}
		String path = uri.getRawPath() == null ? "" : uri.getRawPath();
		String database = decode(path.startsWith("/") ? path.substring(1) : path);
		if (database.isEmpty() || database.contains("/")) {
			throw invalid("it must end with /<database name>");
		}
		String username = "postgres";
		String password = null;
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			username = decode(parts[0]);
			password = (parts.length > 1) ? decode(parts[1]) : null;
		}
		String sslMode = queryParameters(uri.getRawQuery()).get("sslmode");
		if (sslMode != null && !SSL_MODES.contains(sslMode)) {
			throw invalid("sslmode must be one of " + SSL_MODES);
		}
		return new DatabaseUrl(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 5432, database, username, password,
				sslMode);
	}

	public String r2dbcUrl() {
		String url = "r2dbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
		return (this.sslMode != null) ? url + "?sslMode=" + this.sslMode : url;
	}

	public String jdbcUrl() {
		String url = "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.database;
		return (this.sslMode != null) ? url + "?sslmode=" + this.sslMode : url;
	}

	/** The same server with another database, for creating and dropping databases. */
	public DatabaseUrl withDatabase(String otherDatabase) {
		return new DatabaseUrl(this.host, this.port, otherDatabase, this.username, this.password, this.sslMode);
	}

	/**
	 * The URL in its {@code postgresql://} form, password included: for configuration
	 * only.
	 */
	public String toUrlWithPassword() {
		String credentials = (this.password != null) ? this.username + ":" + this.password : this.username;
		return "postgresql://" + credentials + "@" + this.host + ":" + this.port + "/" + this.database;
	}

	@Override
	public String toString() {
		return "postgresql://" + this.username + "@" + this.host + ":" + this.port + "/" + this.database;
	}

	private static Map<String, String> queryParameters(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return Map.of();
		}
		java.util.HashMap<String, String> parameters = new java.util.HashMap<>();
		for (String pair : rawQuery.split("&")) {
			String[] keyValue = pair.split("=", 2);
			parameters.put(decode(keyValue[0]).toLowerCase(java.util.Locale.ROOT),
					(keyValue.length > 1) ? decode(keyValue[1]) : "");
		}
		return parameters;
	}

	private static String decode(String raw) {
		// Percent-decoding only: a '+' in a password is a plus, not a space.
		return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static StartupProblem invalid(String reason) {
		return new StartupProblem(
				"DATABASE_URL is not valid: " + reason + " (expected postgresql://user:password@host:port/database)");
	}

}
