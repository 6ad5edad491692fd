import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { ApiProblem } from '@/api/problem';
import type { SyncSettings } from './types';

/** This server's sync settings: whether sync is on, the default remote, who we are. */
export function useSyncSettings() {
  return useQuery<SyncSettings, ApiProblem>({
    queryKey: ['sync', 'settings'],
    queryFn: () => call(api.GET('/api/v1/sync/settings')),
  });
}
