// A job as the jobs pages list it, in words.
import { elapsedMs, formatDuration } from '@/utils/format';
import type { Direction, JobStatus, JobView } from '../api/types';
import { PHASE_LABELS, countsText } from './format-job';
import { JOB_CANCELLED, JOB_INTERRUPTED, JOB_NEEDS_ATTENTION, JOB_STALLED } from './job-events';

export const DIRECTIONS = {
  push: { icon: '→', label: 'Push', sentence: (remote: string) => `Push to ${remote}` },
  pull: { icon: '←', label: 'Pull', sentence: (remote: string) => `Pull from ${remote}` },
  both: { icon: '⇄', label: 'Both ways', sentence: (remote: string) => `Both ways with ${remote}` },
} as const satisfies Record<
  Direction,
  { icon: string; label: string; sentence: (remote: string) => string }
>;

export const JOB_STATUSES = {
  running: { icon: '▶', label: 'running' },
  completed: { icon: '✓', label: 'completed' },
  failed: { icon: '✖', label: 'failed' },
} as const satisfies Record<JobStatus, { icon: string; label: string }>;

/** The statuses and directions in the order the filters offer them. */
export const JOB_STATUS_IDS = Object.keys(JOB_STATUSES) as JobStatus[];
export const DIRECTION_IDS = Object.keys(DIRECTIONS) as Direction[];

export function isJobStatus(value: unknown): value is JobStatus {
  return typeof value === 'string' && Object.hasOwn(JOB_STATUSES, value);
}

export function isDirection(value: unknown): value is Direction {
  return typeof value === 'string' && Object.hasOwn(DIRECTIONS, value);
}

/**
 * Whether the job failed because its server stopped while it ran: what it
 * applied was applied whole, the rest was not, and it has to be run again.
 */
export function isInterrupted(job: JobView): boolean {
  return job.status === 'failed' && job.problem?.code === JOB_INTERRUPTED;
}

/**
 * Whether the job is a scheduled run that found conflicts and, under
 * `apply: only_if_conflict_free`, applied nothing: failed to the server, but
 * an operator's decision to make rather than a fault, so it is labelled apart.
 */
export function needsAttention(job: Pick<JobView, 'status' | 'problem'>): boolean {
  return job.status === 'failed' && job.problem?.code === JOB_NEEDS_ATTENTION;
}

export const NEEDS_ATTENTION = { icon: '⚠', label: 'Needs attention' } as const;

/**
 * Whether an operator cancelled the job: failed to the server, but an end
 * someone asked for rather than a fault, so it is labelled apart and not in red.
 */
export function isCancelled(job: Pick<JobView, 'status' | 'problem'>): boolean {
  return job.status === 'failed' && job.problem?.code === JOB_CANCELLED;
}

export const CANCELLED = { icon: '■', label: 'Cancelled' } as const;

/** Whether the server's watchdog stopped the job because it made no progress: a failure. */
export function isStalled(job: Pick<JobView, 'status' | 'problem'>): boolean {
  return job.status === 'failed' && job.problem?.code === JOB_STALLED;
}

export const STALLED = { icon: '✖', label: 'Stalled' } as const;

/**
 * Icon, words and a tone for a job's status badge: the tone is the status,
 * `needs-attention` for a run that waits for an operator, or `cancelled` for
 * a job an operator stopped. A stalled job keeps the failed tone.
 */
export function jobStatusBadge(job: JobView): { icon: string; text: string; tone: string } {
  if (needsAttention(job))
    return { icon: NEEDS_ATTENTION.icon, text: NEEDS_ATTENTION.label, tone: 'needs-attention' };
  if (isCancelled(job)) return { icon: CANCELLED.icon, text: CANCELLED.label, tone: 'cancelled' };
  if (isStalled(job)) return { icon: STALLED.icon, text: STALLED.label, tone: 'failed' };
  return { icon: JOB_STATUSES[job.status].icon, text: jobStatusText(job), tone: job.status };
}

/** Why an interrupted job ended, in a few words for the list. */
export const INTERRUPTED_REASON = 'Interrupted: its server stopped while the job ran';

/**
 * "running: Transferring", "completed", "failed", "failed: interrupted",
 * "Needs attention", "Cancelled", "Stalled".
 */
export function jobStatusText(job: JobView): string {
  const status = JOB_STATUSES[job.status].label;
  if (needsAttention(job)) return NEEDS_ATTENTION.label;
  if (isCancelled(job)) return CANCELLED.label;
  if (isStalled(job)) return STALLED.label;
  if (job.status === 'running' && job.phase) return `${status}: ${PHASE_LABELS[job.phase]}`;
  return isInterrupted(job) ? `${status}: interrupted` : status;
}

/** What the job did (or, as a preview, would do), so far or in the end. */
export function jobCounts(job: JobView): string {
  if (job.result) {
    const would = job.dry_run ? 'would ' : '';
    return `${would}apply ${countsText(job.result.applied)}; ${would}delete ${countsText(job.result.deleted)}`;
  }
  if (job.status === 'running') return `${job.progress.done} / ${job.progress.total} items`;
  if (isInterrupted(job)) return INTERRUPTED_REASON;
  return job.problem?.detail ?? job.problem?.title ?? 'no result';
}

/** How long it took, or has been running until `now`. */
export function jobDuration(job: JobView, now = Date.now()): string {
  const ms = job.result?.duration_ms ?? elapsedMs(job.started_at, job.finished_at, now);
  return job.status === 'running' ? `${formatDuration(ms)} so far` : formatDuration(ms);
}

/** Whether the job moved anything on this server, so that its history is here: a pull, or both ways. */
export function recordsHere(job: JobView): boolean {
  return !job.dry_run && job.direction !== 'push';
}

/** Whether the job sent anything to the remote, whose history records it there. */
export function recordsOnRemote(job: JobView): boolean {
  return !job.dry_run && job.direction !== 'pull';
}

/** "42 jobs", or with filters "1 job matches these filters". */
export function jobsTotalText(total: number, filtered: boolean): string {
  const jobs = `${total} ${total === 1 ? 'job' : 'jobs'}`;
  if (!filtered) return jobs;
  return `${jobs} ${total === 1 ? 'matches' : 'match'} these filters`;
}
