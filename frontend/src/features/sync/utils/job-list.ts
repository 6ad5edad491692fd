// A job as the jobs pages list it, in words.
import { elapsedMs, formatDuration } from '@/utils/format';
import type { Direction, JobStatus, JobView } from '../api/types';
import { PHASE_LABELS, countsText } from './format-job';

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

/** "running: Transferring", "completed", "failed". */
export function jobStatusText(job: JobView): string {
  const status = JOB_STATUSES[job.status].label;
  return job.status === 'running' && job.phase ? `${status}: ${PHASE_LABELS[job.phase]}` : status;
}

/** What the job did (or, as a preview, would do), so far or in the end. */
export function jobCounts(job: JobView): string {
  if (job.result) {
    const would = job.dry_run ? 'would ' : '';
    return `${would}apply ${countsText(job.result.applied)}; ${would}delete ${countsText(job.result.deleted)}`;
  }
  if (job.status === 'running') return `${job.progress.done} / ${job.progress.total} items`;
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
