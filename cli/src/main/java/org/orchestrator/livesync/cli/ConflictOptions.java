package org.orchestrator.livesync.cli;

import org.orchestrator.livesync.client.model.StartJobRequest.ConflictPolicyEnum;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Who wins an item changed on both sides, the same for {@code sync} and a schedule's
 * runs: {@code --prefer local|remote|newest} or {@code --conflicts skip|overwrite}, as
 * the API's {@code conflict_policy}.
 */
final class ConflictOptions {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	@Option(names = "--conflicts", paramLabel = "skip|overwrite",
			description = "skip (default) or overwrite items changed on both sides with the job's source")
	String conflicts;

	@Option(names = "--prefer", paramLabel = "local|remote|newest",
			description = "who wins an item changed on both sides: this server's version, the remote's, or the "
					+ "newer change by the servers' logical clocks (a push can only carry this server's, a pull the "
					+ "remote's; both ways, either, and only for the fields changed on both sides); default: nobody, "
					+ "the conflict is skipped and reported")
	String prefer;

	/** The policy given, or null when neither --prefer nor --conflicts is. */
	ConflictPolicyEnum given() {
		if (this.prefer != null && this.conflicts != null) {
			throw new ParameterException(this.spec.commandLine(), "choose --prefer or --conflicts, not both");
		}
		if (this.prefer != null) {
			return switch (this.prefer) {
				case "local" -> ConflictPolicyEnum.PREFER_LOCAL;
				case "remote" -> ConflictPolicyEnum.PREFER_REMOTE;
				case "newest" -> ConflictPolicyEnum.NEWEST;
				default -> throw new ParameterException(this.spec.commandLine(),
						"--prefer " + this.prefer + ": expected local, remote or newest");
			};
		}
		if (this.conflicts == null) {
			return null;
		}
		return switch (this.conflicts) {
			case "skip" -> ConflictPolicyEnum.SKIP;
			case "overwrite" -> ConflictPolicyEnum.OVERWRITE;
			default -> throw new ParameterException(this.spec.commandLine(),
					"--conflicts " + this.conflicts + ": expected skip or overwrite");
		};
	}

	/** The policy given, else manual: conflicts are skipped and reported. */
	ConflictPolicyEnum orManual() {
		ConflictPolicyEnum given = given();
		return (given != null) ? given : ConflictPolicyEnum.MANUAL;
	}

}
