package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.orchestrator.livesync.client.model.Completed;
import org.orchestrator.livesync.client.model.Phase;
import org.orchestrator.livesync.client.model.Progress;

import static org.assertj.core.api.Assertions.assertThat;

/** A job's progress on a terminal (a bar with rate) and in a log (plain lines). */
class ProgressDisplayTests {

	@Test
	void drawsABarWithTheRateOnATerminal() {
		String shown = show(true);
		assertThat(shown).contains("\r").contains("100%").contains("2/2 items").contains("items/s");
		assertThat(shown).contains("verifying, 2.0 KB");
		assertThat(shown).endsWith("\n");
	}

	@Test
	void printsPlainLinesWithoutATerminal() {
		String shown = show(false);
		assertThat(shown).doesNotContain("\r")
			.contains("phase: transferring\n")
			.contains("progress: 2/2 items, 2.0 KB\n");
	}

	private static String show(boolean terminal) {
		StringWriter out = new StringWriter();
		ProgressDisplay display = new ProgressDisplay(new PrintWriter(out), terminal);
		display.show(new JobEvents.Event("phase", new Phase().phase(Phase.PhaseEnum.TRANSFERRING)));
		display.show(new JobEvents.Event("progress", new Progress().done(1L).total(2L).bytes(1024L)));
		display.show(new JobEvents.Event("phase", new Phase().phase(Phase.PhaseEnum.VERIFYING)));
		display.show(new JobEvents.Event("progress", new Progress().done(2L).total(2L).bytes(2048L)));
		display.show(new JobEvents.Event("completed", new Completed()));
		assertThat(display.end()).isNotNull();
		return out.toString();
	}

}
