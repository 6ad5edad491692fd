package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.CreatePeerRequest;
import org.orchestrator.livesync.client.model.PeerView;
import org.orchestrator.livesync.client.model.UpdatePeerRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The server's registered peers: listed, added, changed and removed; {@code --peer NAME}
 * on connect, compare and sync picks one.
 */
@Command(name = "peers", description = "List the server's registered peers (remotes picked by name with --peer).",
		subcommands = { PeersCommand.Add.class, PeersCommand.Set.class, PeersCommand.Remove.class })
class PeersCommand implements Callable<Integer> {

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		Server api = this.cli.operator();
		List<PeerView> peers = api.call(() -> new SyncApi(api.client()).listSyncPeers(), CliFailure.CANNOT_RUN);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output.json()) {
			this.output.print(api.json(), peers);
			return 0;
		}
		if (peers.isEmpty()) {
			out.println("No peers registered: live-sync peers add NAME URL");
			return 0;
		}
		Table table = new Table("NAME", "URL", "PINNED", "PASSWORD", "SERVER", "LAST CONTACT", "REPLICATION",
				"LAST JOB");
		for (PeerView peer : peers) {
			table.row(peer.getName(), peer.getUrl(), (peer.getFingerprint() != null) ? "yes" : "-",
					Boolean.TRUE.equals(peer.getHasPassword()) ? "own" : "this server's",
					Table.orDash(peer.getServerName()), Table.time(peer.getLastContactAt()),
					peer.getReplication().getState().getValue(), (peer.getLastJob() != null)
							? peer.getLastJob().getStatus() + " " + peer.getLastJob().getId() : "-");
		}
		table.print(out);
		return 0;
	}

	/** What add and set take besides the name. */
	static final class PeerSettingsMixin {

		@Parameters(index = "0", paramLabel = "NAME", description = "lower-case letters, digits and hyphens")
		String name;

		@Parameters(index = "1", paramLabel = "URL", description = "the peer, e.g. https://server2:5000")
		String url;

		@Option(names = "--fingerprint", paramLabel = "SHA256",
				description = "pin the peer's HTTPS certificate by its SHA-256 fingerprint")
		String fingerprint;

		@Option(names = "--sync-password", paramLabel = "PASSWORD",
				description = "the peer's SYNC_PASSWORD when it is not the server's own; stored encrypted")
		String syncPassword;

	}

	@Command(name = "add", description = "Register a peer.")
	static class Add implements Callable<Integer> {

		@ParentCommand
		PeersCommand peers;

		@Mixin
		PeerSettingsMixin settings;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() {
			Server api = this.peers.cli.operator();
			PeerView peer = api
				.call(() -> new SyncApi(api.client()).createSyncPeer(new CreatePeerRequest().name(this.settings.name)
					.url(this.settings.url)
					.fingerprint(this.settings.fingerprint)
					.password(this.settings.syncPassword)), CliFailure.CANNOT_RUN);
			return this.peers.saved(api, this.output, peer, "Added");
		}

	}

	@Command(name = "set", description = "Change a peer's URL, pinned certificate or sync password.")
	static class Set implements Callable<Integer> {

		@ParentCommand
		PeersCommand peers;

		@Mixin
		PeerSettingsMixin settings;

		@Option(names = "--no-sync-password", description = "forget the stored sync password: use the server's own")
		boolean noSyncPassword;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() {
			Server api = this.peers.cli.operator();
			String password = this.noSyncPassword ? "" : this.settings.syncPassword;
			PeerView peer = api.call(() -> new SyncApi(api.client()).replaceSyncPeer(this.settings.name,
					new UpdatePeerRequest().url(this.settings.url)
						.fingerprint(this.settings.fingerprint)
						.password(password)),
					CliFailure.CANNOT_RUN);
			return this.peers.saved(api, this.output, peer, "Changed");
		}

	}

	@Command(name = "remove", description = "Forget a peer (its jobs and history stay).")
	static class Remove implements Callable<Integer> {

		@ParentCommand
		PeersCommand peers;

		@Parameters(index = "0", paramLabel = "NAME")
		String name;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() {
			Server api = this.peers.cli.operator();
			api.call(() -> {
				new SyncApi(api.client()).deleteSyncPeer(this.name);
				return null;
			}, CliFailure.CANNOT_RUN);
			if (this.output.json()) {
				this.output.print(api.json(), java.util.Map.of("removed", this.name));
			}
			else {
				this.peers.spec.commandLine().getOut().println("Removed peer " + this.name + ".");
			}
			return 0;
		}

	}

	private int saved(Server api, OutputOptions output, PeerView peer, String verb) {
		if (output.json()) {
			output.print(api.json(), peer);
		}
		else {
			this.spec.commandLine()
				.getOut()
				.println(verb + " peer " + peer.getName() + ": " + peer.getUrl()
						+ ((peer.getFingerprint() != null) ? ", certificate pinned" : "")
						+ (Boolean.TRUE.equals(peer.getHasPassword()) ? ", own sync password" : ""));
		}
		return 0;
	}

}
