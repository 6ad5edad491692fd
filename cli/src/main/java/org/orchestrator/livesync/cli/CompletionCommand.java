package org.orchestrator.livesync.cli;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The shell completion script of every command and option:
 * {@code source <(live-sync completion bash)}. Zsh runs the same script through its bash
 * completion layer.
 */
@Command(name = "completion", description = "Print a shell completion script: source <(live-sync completion bash).")
class CompletionCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "bash|zsh", defaultValue = "bash", description = "the shell (default bash)")
	String shell;

	@Override
	public Integer call() {
		if (!this.shell.equals("bash") && !this.shell.equals("zsh")) {
			throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
					"completion " + this.shell + ": expected bash or zsh");
		}
		String script = AutoComplete.bash("live-sync", this.spec.root().commandLine());
		if (this.shell.equals("zsh")) {
			script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
		}
		this.spec.commandLine().getOut().print(script);
		this.spec.commandLine().getOut().flush();
		return 0;
	}

}
