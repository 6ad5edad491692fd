package org.orchestrator.livesync.cli;

import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Connects the server to a remote (password and all) and says what it found. */
@Command(name = "connect", description = "Connect the server to the remote with its sync password, and compare.")
class ConnectCommand implements Callable<Integer> {

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Mixin
	RemoteOptions remote;

	@Override
	public Integer call() {
		JsonNode session = this.remote.openSession(this.cli, this.cli.operator());
		JsonNode remote = session.get("remote");
		this.spec.commandLine()
			.getOut()
			.printf("Connected %s to %s at %s (server_id %s, version %s).%n%s%n", this.cli.server(),
					remote.path("name").asString(), remote.path("url").asString(), remote.path("server_id").asString(),
					remote.path("version").asString(), ComparisonReport.summaryLine(session.get("comparison")));
		return 0;
	}

}
