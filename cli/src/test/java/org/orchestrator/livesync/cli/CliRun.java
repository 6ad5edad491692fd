package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * One run of the CLI as a script would run it (not on a terminal), or with a person at a
 * terminal: its exit code and output.
 */
record CliRun(int exitCode, String out, String err) {

	/** Against this server, logged in as its operator. */
	static CliRun on(BackendProcess server, String... args) {
		return with(Map.of("LIVE_SYNC_SERVER", server.url(), "ADMIN_PASSWORD", BackendProcess.ADMIN_PASSWORD), args);
	}

	static CliRun with(Map<String, String> environment, String... args) {
		return at(null, environment, args);
	}

	/** With {@code terminal} answering the CLI's questions (null: not a terminal). */
	static CliRun at(Terminal terminal, Map<String, String> environment, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = LiveSyncCli.run(args, new HashMap<>(environment), terminal, new PrintWriter(out),
				new PrintWriter(err));
		return new CliRun(exitCode, out.toString(), err.toString());
	}

}
