package org.orchestrator.livesync.cli;

import java.util.concurrent.Callable;

import org.orchestrator.livesync.client.model.SessionResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Compares the server with a remote: a table by kind and status, then every difference.
 */
@Command(name = "compare", description = "Compare the server's inventory with the remote's.")
class CompareCommand implements Callable<Integer> {

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
		}
		else {
			ComparisonReport.print(server.json().valueToTree(session), this.spec.commandLine().getOut());
		}
		return 0;
	}

}
