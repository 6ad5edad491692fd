import { useMutation, useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { ApiProblem } from '@/api/problem';
import type { Broadcast, BroadcastStarted, Direction } from './types';

export interface StartBroadcastRequest {
  peers: string[];
  direction: Direction;
  dryRun: boolean;
}

/** Syncs everything with several registered peers at once (POST /sync/broadcasts). */
export function useStartBroadcast() {
  return useMutation<BroadcastStarted, ApiProblem, StartBroadcastRequest>({
    mutationFn: ({ peers, direction, dryRun }) =>
      call(
        api.POST('/api/v1/sync/broadcasts', {
          body: { peers, selection: 'all', direction, dry_run: dryRun },
        }),
      ),
  });
}

/** A broadcast and each peer's state, job and result (GET /sync/broadcasts/{id}). */
export function useBroadcast(id: string) {
  return useQuery<Broadcast, ApiProblem>({
    queryKey: ['sync', 'broadcasts', id],
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/sync/broadcasts/{id}', { params: { path: { id } }, signal })),
  });
}

/**
 * Opens a broadcast's event stream through the one API client, as job streams
 * are: with the bearer token, and a 401 ends the session.
 */
export function openBroadcastEvents(id: string, signal: AbortSignal) {
  return call(
    api.GET('/api/v1/sync/broadcasts/{id}/events', {
      params: { path: { id } },
      headers: { Accept: 'text/event-stream' },
      parseAs: 'stream',
      signal,
    }),
  );
}
