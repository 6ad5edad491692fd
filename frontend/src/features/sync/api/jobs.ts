import { useCallback } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
    queryKey: [...JOBS_KEY, 'list', query],
    queryFn: ({ signal }) =>
      callCounted(api.GET('/api/v1/sync/jobs', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: (observed) =>
      observed.state.data?.items.some((job) => job.status === 'running')
        ? RUNNING_REFETCH_MS
        : false,
  });
}

const JOBS_KEY = ['sync', 'jobs'] as const;

function jobKey(id: string) {
  return [...JOBS_KEY, 'job', id] as const;
}

/** One job's status, progress and result (GET /sync/jobs/{id}), refreshed while it runs. */
export function useJob(id: string) {
  return useQuery<JobView, ApiProblem>({
    queryKey: jobKey(id),
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/sync/jobs/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) =>
      query.state.data?.status === 'running' ? RUNNING_REFETCH_MS : false,
  });
}

/** Reads the jobs again, lists and single jobs: for a page that saw a job end on its stream. */
export function useRefreshJobs() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: JOBS_KEY }), [client]);
}

/**
 * Cancels a running job wherever it runs (DELETE /sync/jobs/{id}). Answers the
 * job: ended (200, failed with code job-cancelled) or, if it did not end within
 * the server's wait, still running (202). A job that has ended already is a 409.
 * Whatever the answer, the jobs are read again: a refusal means they changed.
 */
export function useCancelJob() {
  const client = useQueryClient();
  return useMutation<JobView, ApiProblem, string>({
    mutationFn: (id) => call(api.DELETE('/api/v1/sync/jobs/{id}', { params: { path: { id } } })),
    onSuccess: (job) => client.setQueryData(jobKey(job.job_id), job),
    onSettled: () => client.invalidateQueries({ queryKey: JOBS_KEY }),
  });
}
