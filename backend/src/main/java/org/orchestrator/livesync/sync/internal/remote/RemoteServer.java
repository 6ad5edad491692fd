package org.orchestrator.livesync.sync.internal.remote;

import java.net.URI;
import java.net.URISyntaxException;

import org.orchestrator.livesync.system.ProblemException;

/** A remote Live Sync server: where it is and what it says it is. */
public record RemoteServer(String url, String serverId, String name, String version) {

	/**
	 * The base URL in normal form (no trailing slash), or a problem saying what is wrong
	 * with it.
	 */
	public static String baseUrl(String value, String field) {
		if (value == null || value.isBlank()) {
			throw ProblemException.invalid(field, "is required: the remote server's URL, e.g. http://server2:5000");
		}
		URI uri;
		try {
			uri = new URI(value.strip());
		}
		catch (URISyntaxException ex) {
			throw ProblemException.invalid(field, "is not a URL");
		}
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
			throw ProblemException.invalid(field, "must start with http:// or https://");
		}
		if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
			throw ProblemException.invalid(field, "must be a server's base URL such as https://server2:5000");
		}
		String text = uri.toString();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		return text;
	}

}
