package org.orchestrator.livesync.sync.internal.history;

import java.util.UUID;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Where a package applied here comes from, for its history entry: how it came (pushed
 * here by a peer, pulled by this server, or a rollback), the job that moved it and who
 * started that job. It travels in the Reactor context of the apply, so that every way a
 * package arrives need not pass it along.
 */
public record Provenance(Operation operation, UUID jobId, String startedBy) {

	/** A package a peer pushed, when the request did not say more. */
	static final Provenance PUSHED = new Provenance(Operation.PUSH, null, null);

	public enum Operation {

		PUSH, PULL, ROLLBACK;

		String value() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	public static Provenance pushed(UUID jobId, String startedBy) {
		return new Provenance(Operation.PUSH, jobId, startedBy);
	}

	public static Provenance pulled(UUID jobId, String startedBy) {
		return new Provenance(Operation.PULL, jobId, startedBy);
	}

	/** The context of an apply from this provenance. */
	public Context context() {
		return Context.of(Provenance.class, this);
	}

	/** The provenance an apply runs under: a pushed package unless said otherwise. */
	public static Provenance of(ContextView context) {
		return context.getOrDefault(Provenance.class, PUSHED);
	}

}
