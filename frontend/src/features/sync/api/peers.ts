import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { ApiProblem } from '@/api/problem';
import type { Peer } from './types';

const PEERS_KEY = ['sync', 'peers'] as const;

/** The registered peers, by name (GET /sync/peers). */
export function usePeers() {
  return useQuery<Peer[], ApiProblem>({
    queryKey: PEERS_KEY,
    queryFn: ({ signal }) => call(api.GET('/api/v1/sync/peers', { signal })),
    // Sessions and jobs elsewhere change a peer's last contact, replication and
    // last job: read the list again whenever a page showing it opens.
    staleTime: 0,
  });
}

export interface PeerSettings {
  url: string;
  /** Empty: no pin, the usual trust. */
  fingerprint: string;
  /**
   * The peer's own sync password. Undefined leaves it out: on create none is
   * stored, on edit the stored one is kept; "" on edit removes it.
   */
  password?: string;
}

function body({ url, fingerprint, password }: PeerSettings) {
  return {
    url: url.trim(),
    fingerprint: fingerprint.trim() || null,
    ...(password !== undefined ? { password } : {}),
  };
}

/** Registers a peer (POST /sync/peers); a taken name is a 409. */
export function useCreatePeer() {
  const client = useQueryClient();
  return useMutation<Peer, ApiProblem, PeerSettings & { name: string }>({
    mutationFn: ({ name, ...settings }) =>
      call(api.POST('/api/v1/sync/peers', { body: { name: name.trim(), ...body(settings) } })),
    onSuccess: () => client.invalidateQueries({ queryKey: PEERS_KEY }),
    // The variables may hold a password: do not keep them around.
    gcTime: 0,
  });
}

/** Replaces a peer's URL, pin and (unless left out) password (PUT /sync/peers/{name}). */
export function useUpdatePeer() {
  const client = useQueryClient();
  return useMutation<Peer, ApiProblem, PeerSettings & { name: string }>({
    mutationFn: ({ name, ...settings }) =>
      call(
        api.PUT('/api/v1/sync/peers/{name}', {
          params: { path: { name } },
          body: body(settings),
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: PEERS_KEY }),
    gcTime: 0,
  });
}

/** Forgets a peer (DELETE /sync/peers/{name}); its jobs and history stay. */
export function useDeletePeer() {
  const client = useQueryClient();
  return useMutation<void, ApiProblem, string>({
    mutationFn: async (name) => {
      await call(api.DELETE('/api/v1/sync/peers/{name}', { params: { path: { name } } }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: PEERS_KEY }),
  });
}
