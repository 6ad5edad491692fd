package org.orchestrator.livesync.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Option;

/** The remote server to compare or sync with, and the password it expects. */
final class RemoteOptions {

	@Option(names = "--remote", paramLabel = "URL",
			description = "the other server, e.g. http://server2:5000 (env SYNC_REMOTE_URL)")
	String remote;

	@Option(names = "--sync-password", paramLabel = "PASSWORD",
			description = "the other server's SYNC_PASSWORD (env SYNC_PASSWORD; default: the server's own)")
	String syncPassword;

	/**
	 * Opens a session on the server with the remote: the remote is reached and compared.
	 */
	JsonNode openSession(LiveSyncCli cli, ApiClient api) {
		String url = LiveSyncCli.firstOf(this.remote, cli.environment.get("SYNC_REMOTE_URL"), null);
		if (url == null) {
			throw new CliFailure(CliFailure.CANNOT_RUN, "no remote server: give --remote URL or set SYNC_REMOTE_URL");
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("remote_url", url);
		String password = LiveSyncCli.firstOf(this.syncPassword, cli.environment.get("SYNC_PASSWORD"), null);
		if (password != null) {
			request.put("password", password);
		}
		return api.post("/api/v1/sync/sessions", request, CliFailure.CANNOT_RUN);
	}

}
