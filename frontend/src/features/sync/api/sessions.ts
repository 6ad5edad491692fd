import { useMutation } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { ApiProblem } from '@/api/problem';
import type { SyncSession } from './types';

export interface ConnectRequest {
  /** A registered peer's name: its URL, pin and password, unless the fields below override them. */
  peer?: string;
  /** The remote's URL; unused when a peer is named. */
  remoteUrl: string;
  /** The remote's sync password; empty means this server's own SYNC_PASSWORD. */
  password: string;
  /** Pins the remote's HTTPS certificate (SHA-256 hex); empty means the usual trust. */
  remoteFingerprint?: string;
}

/**
 * Connects to a remote and compares (POST /sync/sessions). Each call is a new
 * session with a fresh comparison, which is also how "Compare again" works.
 */
export function useCreateSession() {
  return useMutation<SyncSession, ApiProblem, ConnectRequest>({
    mutationFn: ({ peer, remoteUrl, password, remoteFingerprint }) =>
      call(
        api.POST('/api/v1/sync/sessions', {
          body: {
            // One or the other: the server refuses both.
            ...(peer ? { peer } : { remote_url: remoteUrl.trim() }),
            ...(password ? { password } : {}),
            ...(remoteFingerprint?.trim() ? { remote_fingerprint: remoteFingerprint.trim() } : {}),
          },
        }),
      ),
    // The variables hold the password: drop them from the cache as soon as the
    // page no longer watches this mutation, instead of the default 5 minutes.
    gcTime: 0,
  });
}
