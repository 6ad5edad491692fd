package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.orchestrator.livesync.client.api.SyncApi;
import org.orchestrator.livesync.client.model.HistoryEntry;
import org.orchestrator.livesync.client.model.HistoryPage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What syncs and rollbacks changed on the server, newest first: one line per entry, the
 * entry's id first (what {@code history show} and {@code rollback} take).
 */
@Command(name = "history",
		description = "List what syncs (pushed here or pulled) and rollbacks changed on the server, newest first.",
		subcommands = HistoryShowCommand.class)
class HistoryCommand implements Callable<Integer> {

	/** The largest page the server gives. */
	static final int PAGE = 500;

	private static final Set<String> OPERATIONS = Set.of("push", "pull", "rollback");

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Option(names = "--operation", paramLabel = "push|pull|rollback",
			description = "only pushes (a peer pushed to this server), pulls (this server pulled) or rollbacks")
	String operation;

	@Option(names = "--peer", paramLabel = "NAME",
			description = "only what moved with this peer: its name or server id")
	String peer;

	@Option(names = "--job", paramLabel = "ID", description = "only what this sync job moved")
	String job;

	@Option(names = "--limit", paramLabel = "N", description = "at most this many entries, newest first (default 50)")
	int limit = 50;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		if (this.operation != null && !OPERATIONS.contains(this.operation)) {
			throw new ParameterException(this.spec.commandLine(),
					"--operation " + this.operation + ": expected push, pull or rollback");
		}
		if (this.limit < 1) {
			throw new ParameterException(this.spec.commandLine(), "--limit " + this.limit + ": expected 1 or more");
		}
		UUID jobId = (this.job != null) ? uuid(this.spec, "--job", this.job) : null;
		Server api = this.cli.operator();
		HistoryPage history = read(api, jobId);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output.json()) {
			this.output.print(api.json(), history);
			return 0;
		}
		if (history.getItems().isEmpty()) {
			out.println(filtered() ? "No history entries match." : "No history on this server yet.");
			return 0;
		}
		Table table = new Table("ID", "WHEN", "OPERATION", "PEER", "STARTED BY", "ITEMS", "ROLLED BACK BY");
		for (HistoryEntry entry : history.getItems()) {
			table.row(entry.getId().toString(), Table.time(entry.getAppliedAt()), entry.getOperation().getValue(),
					HistoryReport.peer(entry), Table.orDash(entry.getStartedBy()), String.valueOf(entry.getItems()),
					Table.orDash(entry.getRolledBackBy()));
		}
		table.print(out);
		if (history.getTotal() > table.size()) {
			out.printf("%d of %d entries (--limit shows more).%n", table.size(), history.getTotal());
		}
		return 0;
	}

	/**
	 * Up to {@code --limit} entries, a page at a time, as one page; an entry that a new
	 * one pushed onto the next page is not listed twice.
	 */
	private HistoryPage read(Server api, UUID jobId) {
		SyncApi sync = new SyncApi(api.client());
		int size = Math.min(this.limit, PAGE);
		Set<UUID> seen = new LinkedHashSet<>();
		List<HistoryEntry> entries = new ArrayList<>();
		long total = 0;
		for (int page = 0; entries.size() < this.limit; page++) {
			int number = page;
			HistoryPage answer = api.call(
					() -> sync.listSyncHistory(number, size, this.operation, this.peer, jobId, null, null),
					CliFailure.CANNOT_RUN);
			total = answer.getTotal();
			for (HistoryEntry entry : answer.getItems()) {
				if (entries.size() < this.limit && seen.add(entry.getId())) {
					entries.add(entry);
				}
			}
			if (answer.getItems().size() < size || (long) (page + 1) * size >= total) {
				break;
			}
		}
		return new HistoryPage().items(entries).page(0).size(this.limit).total(total);
	}

	private boolean filtered() {
		return this.operation != null || this.peer != null || this.job != null;
	}

	/** An id given on the command line, or a usage error naming the option. */
	static UUID uuid(CommandSpec spec, String what, String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(spec.commandLine(),
					what + " " + id + ": expected an id like " + "0b9a5c7e-1f2d-4c3b-9a8e-7d6c5b4a3f21");
		}
	}

}
