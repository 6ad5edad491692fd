import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { ApiProblem } from '@/api/problem';
import type { RemoteServer, SyncSession } from './types';

function remoteKey(sessionId: string) {
  return ['sync', 'sessions', sessionId, 'remote'];
}

export interface ConnectRequest {
  remoteUrl: string;
  /** The remote's sync password; empty means this server's own SYNC_PASSWORD. */
  password: string;
}

/**
 * Connects to a remote and compares (POST /sync/sessions). Each call is a new
 * session with a fresh comparison, which is also how "Compare again" works.
 */
export function useCreateSession() {
  const client = useQueryClient();
  return useMutation<SyncSession, ApiProblem, ConnectRequest>({
    mutationFn: ({ remoteUrl, password }) =>
      call(
        api.POST('/api/v1/sync/sessions', {
          body: { remote_url: remoteUrl.trim(), ...(password ? { password } : {}) },
        }),
      ),
    // The variables hold the password: drop them from the cache as soon as the
    // page no longer watches this mutation, instead of the default 5 minutes.
    gcTime: 0,
    // The jobs pages name a job's remote by its session: no need to ask for this one.
    onSuccess: (session) => client.setQueryData(remoteKey(session.session_id), session.remote),
  });
}

/**
 * The remote of a job's session (GET /sync/sessions/{id}), which a job does
 * not name itself. A session never changes its remote, so it is asked once;
 * it is gone after an hour unused or a restart (a 404: the remote is not known).
 */
export function useSessionRemote(sessionId: string) {
  return useQuery<RemoteServer, ApiProblem>({
    queryKey: remoteKey(sessionId),
    queryFn: async ({ signal }) =>
      (
        await call(
          api.GET('/api/v1/sync/sessions/{id}', { params: { path: { id: sessionId } }, signal }),
        )
      ).remote,
    staleTime: Infinity,
    retry: false,
  });
}
