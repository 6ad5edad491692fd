package org.orchestrator.livesync.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.SyncTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Is the sync API there? Asks the server, and the remote when one is given. */
@Command(name = "test", description = "Check that the server (and --remote, if given) answers the sync API.")
class TestCommand implements Callable<Integer> {

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Option(names = "--remote", paramLabel = "URL", description = "also check this server (env SYNC_REMOTE_URL)")
	String remote;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		check(new Server(this.cli.server()));
		String other = LiveSyncCli.firstOf(this.remote, this.cli.environment.get("SYNC_REMOTE_URL"), null);
		if (other != null) {
			check(new Server(other, "--remote or SYNC_REMOTE_URL"));
		}
		return 0;
	}

	private void check(Server server) {
		String url = server.url();
		SyncTest test = server.call(() -> new SyncApi(server.client()).testSync(), CliFailure.CANNOT_RUN);
		if (this.output.json()) {
			this.output.print(server.json(), Map.of("url", url, "result", test), true);
			return;
		}
		this.spec.commandLine()
			.getOut()
			.printf("ok  %s: %s (server_id %s, version %s)%n", url, test.getServerName(), test.getServerId(),
					test.getVersion());
	}

}
