package org.orchestrator.livesync.cli;

import java.util.concurrent.Callable;

import org.orchestrator.livesync.client.model.RemoteServer;
import org.orchestrator.livesync.client.model.SessionResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Connects the server to a remote (password and all) and says what it found. */
@Command(name = "connect", description = "Connect the server to the remote with its sync password, and compare.")
class ConnectCommand implements Callable<Integer> {

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Mixin
	RemoteOptions remote;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		Server server = this.cli.operator();
		SessionResponse session = this.remote.openSession(this.cli, server);
		if (this.output.json()) {
			this.output.print(server.json(), session);
			return 0;
		}
		RemoteServer remote = session.getRemote();
		this.spec.commandLine()
			.getOut()
			.printf("Connected %s to %s at %s (server_id %s, version %s).%n%s%n", this.cli.server(), remote.getName(),
					remote.getUrl(), remote.getServerId(), remote.getVersion(),
					ComparisonReport.summaryLine(server.json().valueToTree(session.getComparison())));
		return 0;
	}

}
