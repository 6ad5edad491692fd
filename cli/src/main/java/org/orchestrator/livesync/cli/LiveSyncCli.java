package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code live-sync}: drive the Live Sync of an orchestrator server from scripts and
 * terminals. Every command talks to the server's HTTP API like any other client. Defaults
 * come from the environment, as documented in each option.
 */
@Command(name = "live-sync", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
		version = "live-sync 1.0.0",
		description = "Compare and sync the inventory of two Orchestrator Live Sync servers.",
		subcommands = {
				TestCommand.class, ConnectCommand.class, CompareCommand.class, SyncCommand.class, HistoryCommand.class,
				RollbackCommand.class, JobsCommand.class, PeersCommand.class, SchedulesCommand.class,
				AuditCommand.class, DemoDataCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:done (compare and sync exit 0 with differences or skipped conflicts too)",
				"1:the operation ran and failed: a sync failed or did not verify, a schedule run failed, a rollback was refused, "
						+ "the audit log is not intact",
				"2:usage error, no password, not a terminal (add --yes), cancelled, or a server cannot be "
						+ "reached or refused the request" })
public class LiveSyncCli {

	@Option(names = "--server", paramLabel = "URL",
			description = "the orchestrator server this CLI drives (env LIVE_SYNC_SERVER; default http://localhost:5000)")
	String server;

	@Option(names = "--user", description = "operator user name (env ADMIN_USERNAME; default admin)")
	String user;

	@Option(names = "--admin-password", paramLabel = "PASSWORD", description = "operator password (env ADMIN_PASSWORD)")
	String adminPassword;

	final Map<String, String> environment;

	/** The person at the terminal; null in a script. */
	final Terminal terminal;

	LiveSyncCli(Map<String, String> environment, Terminal terminal) {
		this.environment = environment;
		this.terminal = terminal;
	}

	/** For tools that read the commands alone, such as the man page generator. */
	@SuppressWarnings("unused")
	private LiveSyncCli() {
		this(Map.of(), null);
	}

	public static void main(String[] args) {
		System.exit(run(args, System.getenv(), Terminal.ofConsole(), new PrintWriter(System.out, true),
				new PrintWriter(System.err, true)));
	}

	static int run(String[] args, Map<String, String> environment, Terminal terminal, PrintWriter out,
			PrintWriter err) {
		CommandLine commandLine = new CommandLine(new LiveSyncCli(environment, terminal));
		commandLine.setOut(out);
		commandLine.setErr(err);
		boolean json = OutputOptions.requested(args);
		ObjectMapper mapper = new ObjectMapper();
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			if (ex instanceof CliFailure failure) {
				line.getErr()
					.println(
							json ? mapper.writeValueAsString(failure.problem()) : "live-sync: " + failure.getMessage());
				line.getErr().flush();
				return failure.exitCode();
			}
			throw ex;
		});
		if (json) {
			// A usage error as a problem too: a script reads one shape of failure.
			commandLine.setParameterExceptionHandler((ex, given) -> {
				ex.getCommandLine()
					.getErr()
					.println(mapper.writeValueAsString(
							CliFailure.problem(CliFailure.USAGE, ex.getMessage(), null, CliFailure.CANNOT_RUN)));
				ex.getCommandLine().getErr().flush();
				return CliFailure.CANNOT_RUN;
			});
		}
		int exitCode = commandLine.execute(args);
		out.flush();
		err.flush();
		return exitCode;
	}

	String server() {
		return firstOf(this.server, this.environment.get("LIVE_SYNC_SERVER"), "http://localhost:5000");
	}

	/** A client of the server, logged in as the operator. */
	Server operator() {
		return login(new Server(server()));
	}

	/**
	 * A client of the remote ({@code --remote}), logged in with the same operator
	 * credentials.
	 */
	Server operator(String url) {
		return login(new Server(url, "--remote or SYNC_REMOTE_URL"));
	}

	private Server login(Server client) {
		String user = firstOf(this.user, this.environment.get("ADMIN_USERNAME"), "admin");
		String password = firstOf(this.adminPassword, this.environment.get("ADMIN_PASSWORD"), null);
		if (password == null && this.terminal != null) {
			// Asked without echo, so it is in neither the shell's history nor the process
			// list.
			char[] typed = this.terminal.readPassword("Password for " + user + " at " + client.url() + ": ");
			password = (typed != null) ? new String(typed) : null;
		}
		client.login(user, password);
		return client;
	}

	static String firstOf(String given, String fromEnvironment, String fallback) {
		if (given != null && !given.isEmpty()) {
			return given;
		}
		return (fromEnvironment != null && !fromEnvironment.isEmpty()) ? fromEnvironment : fallback;
	}

}
