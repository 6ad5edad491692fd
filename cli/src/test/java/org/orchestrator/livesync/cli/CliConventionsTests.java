package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Help on every command, a help command and shell completion: no server needed. */
class CliConventionsTests {

	private static final List<String> COMMANDS = List.of("test", "connect", "compare", "sync", "history", "rollback",
			"jobs", "peers", "schedules", "audit", "completion");

	@Test
	void everyCommandAnswersHelpWithItsUsage() {
		for (String command : COMMANDS) {
			Result help = run(command, "--help");
			assertThat(help.code()).as(command).isZero();
			assertThat(help.out()).as(command).startsWith("Usage: live-sync " + command);
		}
		assertThat(run("history", "show", "--help").out()).startsWith("Usage: live-sync history show");
		assertThat(run("audit", "verify", "--help").out()).startsWith("Usage: live-sync audit verify");
		for (String schedules : List.of("show", "add", "set", "remove", "pause", "resume", "run")) {
			assertThat(run("schedules", schedules, "--help").out())
				.startsWith("Usage: live-sync schedules " + schedules);
		}
		Result help = run("help", "rollback");
		assertThat(help.code()).isZero();
		assertThat(help.out()).startsWith("Usage: live-sync rollback");
		assertThat(run("--help").out()).contains("completion").doesNotContain("demo-data");
	}

	@Test
	void printsACompletionScriptForBashAndZsh() {
		Result bash = run("completion", "bash");
		assertThat(bash.code()).isZero();
		assertThat(bash.out()).contains("live-sync Bash Completion").contains("rollback").contains("--prefer");
		assertThat(bash.out()).contains("schedules").contains("--cron").contains("--wait");
		assertThat(run("completion", "zsh").out()).startsWith("autoload -U +X compinit");
		assertThat(run("completion", "fish").code()).isEqualTo(2);
	}

	private static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = LiveSyncCli.run(args, Map.of(), null, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Result(code, out.toString(), err.toString());
	}

	private record Result(int code, String out, String err) {
	}

}
