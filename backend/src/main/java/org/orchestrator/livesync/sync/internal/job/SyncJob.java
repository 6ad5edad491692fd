package org.orchestrator.livesync.sync.internal.job;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;

import org.orchestrator.livesync.sync.internal.compare.CompareMethod;
import org.orchestrator.livesync.sync.internal.remote.RemoteServer;
import org.orchestrator.livesync.system.Problem;

/**
 * A running or finished sync job: its phases, progress, the latest item events and how it
 * ended. Readers take what changed since they last looked ({@link #since}), so any number
 * of event streams can follow one job, arriving early or late.
 */
public final class SyncJob {

	/** Item events kept for readers that fall behind; large jobs show a sample. */
	static final int RECENT_ITEMS = 1000;

	static final int ITEMS_PER_READ = 200;

	/** The status of an item alike on both sides, recorded as synced. */
	static final String IN_SYNC = "in_sync";

	private final String id;

	private final String sessionId;

	private final boolean dryRun;

	private final Instant startedAt;

	private final List<JobPhase> phases = new ArrayList<>();

	private final Deque<Numbered> items = new ArrayDeque<>();

	private long itemCount;

	private long done;

	private long total;

	private long bytes;

	private long skipped;

	/**
	 * The direction whose items are being moved now; null while a both-ways job has not
	 * begun either.
	 */
	private JobDirection side;

	private final DirectionCounts pushed = new DirectionCounts();

	private final DirectionCounts pulled = new DirectionCounts();

	private JobEvent end;

	private Instant finishedAt;

	private final JobDirection direction;

	private CompareMethod compareMethod;

	private final List<Long> phaseStarts = new ArrayList<>();

	private static final Logger log = LoggerFactory.getLogger(SyncJob.class);

	/** Who started the job, and so decided its resolutions. */
	private String startedBy;

	private List<Resolution> resolutions = List.of();

	private RemoteServer remote;

	SyncJob(String id, String sessionId, JobDirection direction, boolean dryRun, Instant startedAt) {
		this.id = id;
		this.sessionId = sessionId;
		this.direction = direction;
		this.dryRun = dryRun;
		this.startedAt = startedAt;
		this.side = (direction == JobDirection.BOTH) ? null : direction;
	}

	public String id() {
		return this.id;
	}

	boolean dryRun() {
		return this.dryRun;
	}

	Instant startedAt() {
		return this.startedAt;
	}

	synchronized void phase(JobPhase phase) {
		if (!this.phases.contains(phase)) {
			this.phases.add(phase);
			this.phaseStarts.add(System.nanoTime());
		}
	}

	/**
	 * How long each phase took, in milliseconds, for the log line of the job's end: what
	 * an operator (or a benchmark) reads to see where a job spends its time.
	 */
	private String phaseTimes() {
		StringBuilder times = new StringBuilder();
		long end = System.nanoTime();
		for (int i = 0; i < this.phases.size(); i++) {
			long next = (i + 1 < this.phaseStarts.size()) ? this.phaseStarts.get(i + 1) : end;
			times.append((i > 0) ? ", " : "")
				.append(this.phases.get(i).jsonName())
				.append(' ')
				.append((next - this.phaseStarts.get(i)) / 1_000_000)
				.append(" ms");
		}
		return times.toString();
	}

	/** How the job compares, once it knows. */
	synchronized void compareMethod(CompareMethod method) {
		this.compareMethod = method;
	}

	/** What the selection moves each way. */
	synchronized void total(long push, long pull) {
		this.pushed.total = push;
		this.pulled.total = pull;
		this.total = push + pull;
	}

	/** Items reported from now on are moved (or left alone) {@code way}. */
	synchronized void side(JobDirection way) {
		this.side = way;
	}

	synchronized void item(JobEvent.Item item, boolean counts) {
		DirectionCounts way = (this.side == JobDirection.PUSH) ? this.pushed
				: (this.side == JobDirection.PULL) ? this.pulled : null;
		// Alike on both sides already: recorded as synced, but nothing moves, so it
		// counts
		// as neither moved nor skipped (progress counts what moves).
		boolean moved = counts && !IN_SYNC.equals(item.status());
		if (moved) {
			this.done++;
		}
		else if (!counts) {
			this.skipped++;
		}
		if (way != null) {
			if (moved) {
				way.done++;
			}
			else if (!counts) {
				way.skipped++;
			}
		}
		this.items.addLast(new Numbered(++this.itemCount, item));
		if (this.items.size() > RECENT_ITEMS) {
			this.items.removeFirst();
		}
	}

	synchronized long skipped() {
		return this.skipped;
	}

	/** Items left alone while moving items {@code way}. */
	synchronized long skipped(JobDirection way) {
		return ((way == JobDirection.PUSH) ? this.pushed : this.pulled).skipped;
	}

	synchronized void bytes(long sent) {
		this.bytes += sent;
	}

	synchronized void completed(JobEvent.Completed completed) {
		// What was sent is the total, even if items changed between counting and sending.
		this.total = this.done;
		this.pushed.total = this.pushed.done;
		this.pulled.total = this.pulled.done;
		this.end = completed;
		this.finishedAt = Instant.now();
		log.info("Sync job {} ({}{}) completed in {} ms, {} items moved, {} skipped, compared {}: {}", this.id,
				this.direction.jsonName(), this.dryRun ? ", dry run" : "", completed.durationMs(), this.done,
				this.skipped, (this.compareMethod != null) ? this.compareMethod.mode() : "-", phaseTimes());
	}

	synchronized void failed(JobEvent.Failed failed) {
		this.end = failed;
		this.finishedAt = Instant.now();
		log.info("Sync job {} ({}) failed after {} ms: {} ({})", this.id, this.direction.jsonName(),
				failed.durationMs(), failed.problem().code(), phaseTimes());
	}

	synchronized boolean finished() {
		return this.end != null;
	}

	/** The events a reader has not seen yet; the end event last, once the job is over. */
	synchronized List<Identified> since(Cursor cursor) {
		List<Identified> events = new ArrayList<>();
		for (int i = cursor.phases; i < this.phases.size(); i++) {
			events.add(new Identified(Cursor.id(i + 1, cursor.item), new JobEvent.Phase(this.phases.get(i))));
		}
		cursor.phases = this.phases.size();
		List<Numbered> unseen = this.items.stream().filter((numbered) -> numbered.number() > cursor.item).toList();
		unseen.stream()
			.skip(Math.max(0, unseen.size() - ITEMS_PER_READ))
			.forEach((numbered) -> events
				.add(new Identified(Cursor.id(cursor.phases, numbered.number()), numbered.item())));
		cursor.item = this.itemCount;
		JobEvent.Progress progress = progress();
		if (!progress.equals(cursor.progress)) {
			events.add(new Identified(Cursor.id(cursor.phases, cursor.item), progress));
			cursor.progress = progress;
		}
		if (this.end != null && !cursor.ended) {
			events.add(new Identified(Cursor.END, this.end));
			cursor.ended = true;
		}
		return events;
	}

	/** An event with its id: where a reader that saw it stands, to resume after it. */
	record Identified(String id, JobEvent event) {
	}

	/** The operator who started the job; null when not known. */
	synchronized String startedBy() {
		return this.startedBy;
	}

	/** The remote the job syncs with. */
	synchronized SyncJob remote(RemoteServer remote) {
		this.remote = remote;
		return this;
	}

	/** The phases so far and the end event (null while running): what a replay shows. */
	synchronized List<JobPhase> phases() {
		return List.copyOf(this.phases);
	}

	synchronized JobEvent end() {
		return this.end;
	}

	/** Who started the job and the conflict resolutions they decided in it. */
	synchronized SyncJob startedBy(String actor, List<Resolution> resolutions) {
		this.startedBy = actor;
		this.resolutions = (resolutions != null) ? List.copyOf(resolutions) : List.of();
		return this;
	}

	synchronized JobView view() {
		JobPhase phase = this.phases.isEmpty() ? null : this.phases.get(this.phases.size() - 1);
		JobStatus status = (this.end == null) ? JobStatus.RUNNING
				: (this.end instanceof JobEvent.Failed) ? JobStatus.FAILED : JobStatus.COMPLETED;
		return new JobView(this.id, this.sessionId, this.direction, status, this.dryRun, phase, progress(),
				(this.end instanceof JobEvent.Completed completed) ? completed : null,
				(this.end instanceof JobEvent.Failed failed) ? failed.problem() : null, this.startedAt, this.finishedAt,
				this.compareMethod, this.startedBy, this.resolutions, this.remote);
	}

	private JobEvent.Progress progress() {
		return new JobEvent.Progress(this.done, this.total, this.bytes, this.pushed.progress(), this.pulled.progress());
	}

	/** The counts of one direction. */
	private static final class DirectionCounts {

		private long done;

		private long total;

		private long skipped;

		JobEvent.SideProgress progress() {
			return new JobEvent.SideProgress(this.done, this.total);
		}

	}

	/** Where one reader is in the job's events. */
	static final class Cursor {

		/** The id of a job's end event: after it, there is nothing more. */
		static final String END = "end";

		private int phases;

		private long item;

		private JobEvent.Progress progress;

		private boolean ended;

		boolean ended() {
			return this.ended;
		}

		int phases() {
			return this.phases;
		}

		/**
		 * The id of an event seen with {@code phases} phases and items up to
		 * {@code item}.
		 */
		static String id(int phases, long item) {
			return phases + "." + item;
		}

		/**
		 * Where a reader resumes after the event {@code lastEventId} (SSE's
		 * {@code Last-Event-ID}): from the start when it is absent or not one of ours.
		 * The current progress is sent again either way.
		 */
		static Cursor after(String lastEventId) {
			Cursor cursor = new Cursor();
			if (lastEventId == null || !lastEventId.matches("\\d{1,4}\\.\\d{1,18}")) {
				return cursor;
			}
			int dot = lastEventId.indexOf('.');
			cursor.phases = Integer.parseInt(lastEventId.substring(0, dot));
			cursor.item = Long.parseLong(lastEventId.substring(dot + 1));
			return cursor;
		}

	}

	private record Numbered(long number, JobEvent.Item item) {
	}

	/** A job as {@code GET /sync/jobs/{id}} shows it. */
	public record JobView(String jobId, String sessionId, JobDirection direction, JobStatus status, boolean dryRun,
			@Nullable JobPhase phase, JobEvent.Progress progress, JobEvent.@Nullable Completed result,
			@Nullable Problem problem, Instant startedAt, @Nullable Instant finishedAt,
			@Schema(description = "how the job compared: incremental (what changed since the last sync) or full, "
					+ "and why") @Nullable CompareMethod compare,
			@Schema(description = "the operator who started the job", example = "admin") @Nullable String startedBy,
			@Schema(description = "the conflict resolutions the operator decided for this job, as requested") List<Resolution> resolutions,
			@Schema(description = "the remote the job syncs with") @Nullable RemoteServer remote) {
	}

}
