package org.orchestrator.livesync.cli;

import java.util.concurrent.Callable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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

	@Option(names = "--json", description = "print the session and comparison as JSON")
	boolean json;

	@Override
	public Integer call() {
		JsonNode session = this.remote.openSession(this.cli, this.cli.operator());
		if (this.json) {
			this.spec.commandLine()
				.getOut()
				.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(session));
		}
		else {
			ComparisonReport.print(session, this.spec.commandLine().getOut());
		}
		return 0;
	}

}
