package org.orchestrator.livesync.cli;

import java.io.Console;

/**
 * The person at the terminal, when there is one: asked to confirm, asked for a password
 * without echo. Null in {@link LiveSyncCli} when the CLI runs in a script.
 */
interface Terminal {

	/** The answer to a question, or null at the end of input. */
	String readLine(String prompt);

	/** A password typed without echo, or null at the end of input. */
	char[] readPassword(String prompt);

	/** The console's, or null when standard input or output is not a terminal. */
	static Terminal ofConsole() {
		Console console = System.console();
		if (console == null) {
			return null;
		}
		return new Terminal() {

			@Override
			public String readLine(String prompt) {
				return console.readLine("%s", prompt);
			}

			@Override
			public char[] readPassword(String prompt) {
				return console.readPassword("%s", prompt);
			}

		};
	}

}
