package org.orchestrator.livesync.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.orchestrator.livesync.client.api.AuditApi;
import org.orchestrator.livesync.client.model.AuditEntry;
import org.orchestrator.livesync.client.model.AuditPage;
import org.orchestrator.livesync.client.model.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The server's audit log, newest first; {@code audit verify} checks its hash chain and
 * fails (exit 1) when an entry was edited or deleted.
 */
@Command(name = "audit", description = "List the server's audit log (who did what), newest first.",
		subcommands = AuditCommand.Verify.class)
class AuditCommand implements Callable<Integer> {

	@ParentCommand
	LiveSyncCli cli;

	@Spec
	CommandSpec spec;

	@Option(names = "--action", paramLabel = "ACTION",
			description = "only this action: login, login_failed, peer_connected, peer_refused, job_started, "
					+ "job_finished, package_applied, rollback, resolutions")
	String action;

	@Option(names = "--limit", paramLabel = "N", description = "at most this many entries (1-500, default 50)")
	int limit = 50;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() throws JsonProcessingException {
		Server api = this.cli.operator();
		AuditApi audit = new AuditApi(api.client());
		AuditPage page = api.call(() -> audit.listAuditLog(0, this.limit, this.action, null, null, null),
				CliFailure.CANNOT_RUN);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output.json()) {
			this.output.print(api.json(), page);
			return 0;
		}
		Table table = new Table("SEQ", "AT", "ACTION", "ACTOR", "FROM", "DETAILS");
		for (AuditEntry entry : page.getItems()) {
			table.row(String.valueOf(entry.getSeq()), Table.time(entry.getAt()), entry.getAction(),
					Table.orDash(entry.getActor()), Table.orDash(entry.getClientAddress()),
					api.json().writeValueAsString(entry.getDetails()));
		}
		table.print(out);
		return 0;
	}

	@Command(name = "verify",
			description = "Check the audit log's hash chain; exit 1 when an entry was edited " + "or deleted.")
	static class Verify implements Callable<Integer> {

		@ParentCommand
		AuditCommand audit;

		@Spec
		CommandSpec spec;

		@Mixin
		OutputOptions output;

		@Override
		public Integer call() throws JsonProcessingException {
			Server api = this.audit.cli.operator();
			Verification verdict = api.call(() -> new AuditApi(api.client()).verifyAuditLog(), CliFailure.CANNOT_RUN);
			PrintWriter out = this.spec.commandLine().getOut();
			if (this.output.json()) {
				this.output.print(api.json(), verdict);
			}
			else if (Boolean.TRUE.equals(verdict.getValid())) {
				out.println("The audit log is intact: " + verdict.getEntriesChecked() + " entries checked.");
			}
			else {
				out.println("The audit log was tampered with: entry " + verdict.getFirstBrokenSeq() + " is not as "
						+ "written (" + verdict.getReason() + "); " + verdict.getEntriesChecked()
						+ " entries before it are intact.");
			}
			out.flush();
			return Boolean.TRUE.equals(verdict.getValid()) ? 0 : CliFailure.SYNC_FAILED;
		}

	}

}
