package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.HistoryDetail;
import org.orchestrator.livesync.client.model.HistoryItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One history entry, then every item it changed with its action and field changes, read a
 * page at a time (an entry can hold many thousands of items).
 */
@Command(name = "show", description = "Show one history entry and each item it changed, field by field.")
class HistoryShowCommand implements Callable<Integer> {

	@ParentCommand
	HistoryCommand history;

	@Spec
	CommandSpec spec;

	@Parameters(paramLabel = "ID", description = "the entry's id (the first column of history)")
	String id;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		UUID entryId = HistoryCommand.uuid(this.spec, "history show", this.id);
		Server api = this.history.cli.operator();
		SyncApi sync = new SyncApi(api.client());
		PrintWriter out = this.spec.commandLine().getOut();
		List<HistoryItem> all = new ArrayList<>();
		HistoryDetail first = null;
		long shown = 0;
		for (int page = 0;; page++) {
			int number = page;
			HistoryDetail detail = api.call(() -> sync.getSyncHistoryEntry(entryId, number, HistoryCommand.PAGE),
					CliFailure.CANNOT_RUN);
			if (first == null) {
				first = detail;
				if (!this.output.json()) {
					HistoryReport.entry(detail.getEntry(), out);
				}
			}
			for (HistoryItem item : detail.getItems()) {
				if (this.output.json()) {
					all.add(item);
				}
				else {
					HistoryReport.item(item, api.json(), out);
				}
			}
			shown += detail.getItems().size();
			if (detail.getItems().size() < HistoryCommand.PAGE || shown >= detail.getTotal()) {
				break;
			}
		}
		if (this.output.json()) {
			first.items(all).page(0).size(all.size());
			this.output.print(api.json(), first);
		}
		else if (shown == 0) {
			out.println("No items recorded.");
		}
		return 0;
	}

}
