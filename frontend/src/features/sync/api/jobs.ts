import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, call, callCounted, type Counted } from '@/api/client';
import type { ApiProblem } from '@/api/problem';
import type {
  ConflictPolicy,
  ConflictResolution,
  Direction,
  JobStarted,
  JobStatus,
  JobView,
  Selection,
} from './types';

export interface StartJobRequest {
  sessionId: string;
  selection: Selection;
  direction: Direction;
  dryRun: boolean;
  /** A push that overwrites what changed only on the remote (mode: mirror). */
  mirror?: boolean;
  /**
   * Both ways: who wins a conflict (this server's version, the remote's, or
   * the newer change by the servers' logical clocks); unset, conflicts are skipped.
   */
  conflictPolicy?: ConflictPolicy;
  /**
   * Both ways only: the operator's decisions on conflicting fields. Their
   * items count as selected, and each goes to both sides merged with them.
   */
  resolutions?: ConflictResolution[];
}

/**
 * Starts a push, pull or both-ways job (POST /sync/jobs). Keys are always
 * named, so a one-way job overwrites the target's version of a selected
 * conflict: no conflict_policy needed. Both ways, a conflict goes as
 * conflictPolicy says, or is skipped.
 */
export function useStartJob() {
  return useMutation<JobStarted, ApiProblem, StartJobRequest>({
    mutationFn: ({
      sessionId,
      selection,
      direction,
      dryRun,
      mirror,
      conflictPolicy,
      resolutions,
    }) =>
      call(
        api.POST('/api/v1/sync/jobs', {
          body: {
            session_id: sessionId,
            selection,
            direction,
            dry_run: dryRun,
            // Only when asked for: the default (sync) leaves the remote's own changes alone.
            ...(mirror ? { mode: 'mirror' as const } : {}),
            ...(conflictPolicy ? { conflict_policy: conflictPolicy } : {}),
            ...(resolutions?.length ? { resolutions } : {}),
          },
        }),
      ),
  });
}

/**
 * Opens a job's event stream through the one API client, so it carries the
 * bearer token and a 401 ends the session like any other call.
 */
export function openJobEvents(jobId: string, signal: AbortSignal) {
  return call(
    api.GET('/api/v1/sync/jobs/{id}/events', {
      params: { path: { id: jobId } },
      headers: { Accept: 'text/event-stream' },
      parseAs: 'stream',
      signal,
    }),
  );
}

/** How often the jobs pages look again while a job runs; the job page's stream is live anyway. */
const RUNNING_REFETCH_MS = 2000;

export interface JobsQuery {
  /** Zero-based. */
  page: number;
  size: number;
  status?: JobStatus;
  direction?: Direction;
  /** The remote's URL or name, matched exactly. */
  remote?: string;
}

/**
 * A page of the jobs this server ran, newest first (GET /sync/jobs), and how
 * many match (X-Total-Count). The server keeps them across restarts. The page
 * on screen stays while the next loads, and is read again while any of its jobs runs.
 */
export function useJobs(query: JobsQuery) {
  return useQuery<Counted<JobView>, ApiProblem>({
    queryKey: ['sync', 'jobs', 'list', query],
    queryFn: ({ signal }) =>
      callCounted(api.GET('/api/v1/sync/jobs', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: (observed) =>
      observed.state.data?.items.some((job) => job.status === 'running')
        ? RUNNING_REFETCH_MS
        : false,
  });
}

/** One job's status, progress and result (GET /sync/jobs/{id}), refreshed while it runs. */
export function useJob(id: string) {
  return useQuery<JobView, ApiProblem>({
    queryKey: ['sync', 'jobs', 'job', id],
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/sync/jobs/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) =>
      query.state.data?.status === 'running' ? RUNNING_REFETCH_MS : false,
  });
}
