package org.orchestrator.livesync.cli;

import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.CreateSessionRequest;
import org.orchestrator.livesync.client.model.SessionResponse;
import picocli.CommandLine.Option;

/**
 * The remote server to compare or sync with, the password it expects, and the certificate
 * it must present when pinned.
 */
final class RemoteOptions {

	@Option(names = "--remote", paramLabel = "URL",
			description = "the other server, e.g. http://server2:5000 (env SYNC_REMOTE_URL)")
	String remote;

	@Option(names = "--peer", paramLabel = "NAME",
			description = "a registered peer (live-sync peers) instead of --remote: its URL, pinned certificate "
					+ "and sync password")
	String peer;

	@Option(names = "--sync-password", paramLabel = "PASSWORD",
			description = "the other server's SYNC_PASSWORD (env SYNC_PASSWORD; default: the server's own)")
	String syncPassword;

	@Option(names = "--remote-fingerprint", paramLabel = "SHA256",
			description = "pin the other server's HTTPS certificate by its SHA-256 fingerprint (hex, colons optional: "
					+ "openssl x509 -noout -fingerprint -sha256 -in remote.pem); the server then accepts that "
					+ "certificate and no other, self-signed or not")
	String remoteFingerprint;

	/**
	 * Opens a session on the server with the remote: the remote is reached and compared.
	 */
	SessionResponse openSession(LiveSyncCli cli, Server api) {
		if (this.peer != null) {
			if (this.remote != null) {
				throw new CliFailure(CliFailure.CANNOT_RUN, "give --remote URL or --peer NAME, not both", "usage");
			}
			// The peer's own password and pin, unless given here.
			CreateSessionRequest request = new CreateSessionRequest().peer(this.peer)
				.password(this.syncPassword)
				.remoteFingerprint(this.remoteFingerprint);
			return api.call(() -> new SyncApi(api.client()).createSyncSession(request), CliFailure.CANNOT_RUN);
		}
		String url = LiveSyncCli.firstOf(this.remote, cli.environment.get("SYNC_REMOTE_URL"), null);
		if (url == null) {
			throw new CliFailure(CliFailure.CANNOT_RUN,
					"no remote server: give --remote URL, --peer NAME or set SYNC_REMOTE_URL", "no-remote");
		}
		CreateSessionRequest request = new CreateSessionRequest().remoteUrl(url)
			.password(LiveSyncCli.firstOf(this.syncPassword, cli.environment.get("SYNC_PASSWORD"), null))
			.remoteFingerprint(this.remoteFingerprint);
		return api.call(() -> new SyncApi(api.client()).createSyncSession(request), CliFailure.CANNOT_RUN);
	}

}
