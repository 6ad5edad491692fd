package org.orchestrator.livesync.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --json} and {@code -o, --output text|json}, the same on every command: JSON on
 * standard output for scripts, nothing else there (words go to standard error).
 */
final class OutputOptions {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	@Option(names = "--json",
			description = "print JSON for scripts, nothing else on standard output: the "
					+ "server's answer (sync: NDJSON, one line per job event); a failure is a JSON problem on standard "
					+ "error, with the same exit code")
	boolean json;

	@Option(names = { "-o", "--output" }, paramLabel = "text|json",
			description = "text (default) for people, or json: the same as --json")
	String output;

	/** Whether the command prints JSON; an unknown --output is a usage error. */
	boolean json() {
		if (this.output != null && !this.output.equals("text") && !this.output.equals("json")) {
			throw new ParameterException(this.spec.commandLine(),
					"--output " + this.output + ": expected text or json");
		}
		return this.json || "json".equals(this.output);
	}

	/** One JSON document on standard output, indented (one line when {@code compact}). */
	void print(ObjectMapper mapper, Object value, boolean compact) {
		PrintWriter out = this.spec.commandLine().getOut();
		try {
			out.println(compact ? mapper.writeValueAsString(value)
					: mapper.writerWithDefaultPrettyPrinter().writeValueAsString(value));
		}
		catch (JsonProcessingException ex) {
			throw new CliFailure(CliFailure.SYNC_FAILED, "cannot print the result: " + ex.getOriginalMessage(),
					"output");
		}
		out.flush();
	}

	void print(ObjectMapper mapper, Object value) {
		print(mapper, value, false);
	}

	/**
	 * Whether these arguments ask for JSON: read from the arguments themselves, for
	 * failures that happen before (or while) they are parsed.
	 */
	static boolean requested(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--")) {
				return false;
			}
			if (arg.equals("--json") || arg.equals("--output=json") || arg.equals("-ojson") || arg.equals("-o=json")
					|| ((arg.equals("-o") || arg.equals("--output")) && i + 1 < args.length
							&& args[i + 1].equals("json"))) {
				return true;
			}
		}
		return false;
	}

}
