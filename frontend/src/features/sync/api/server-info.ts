import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/generated/schema';
import type { ApiProblem } from '@/api/problem';

export type ServerInfo = components['schemas']['SyncTest'];

/** Who this server is (open endpoint): its name tells the operator which instance they are on. */
export function useServerInfo() {
  return useQuery<ServerInfo, ApiProblem>({
    queryKey: ['server-info'],
    queryFn: () => call(api.GET('/api/v1/sync/test')),
    staleTime: Infinity,
  });
}
