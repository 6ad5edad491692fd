import { useQueries } from '@tanstack/react-query';
import { fetchClusterUses, type ClusterUses } from '../api/cluster-uses';
import { isSelectable, type Plan, type Row } from '../utils/comparison';
import {
  dependenciesOf,
  MAX_LOOKED_UP,
  remoteMembers,
  sourceOf,
  type Dependencies,
} from '../utils/dependencies';

/**
 * Per selected cluster (by row id), the nodes and SSH keys it uses that the
 * job could take too and that are not selected. The members of this server's
 * version are read from the local inventory; of the remote's, only a `nodes`
 * change of the comparison tells them.
 */
export function useClusterDependencies(
  sessionId: string,
  rows: readonly Row[],
  selected: ReadonlySet<string>,
  plan: Plan,
): ReadonlyMap<string, Dependencies> {
  const clusters = rows.filter(
    (row) => row.kind === 'clusters' && selected.has(row.id) && isSelectable(row, plan),
  );
  const local = clusters.filter((row) => sourceOf(row, plan) === 'local').slice(0, MAX_LOOKED_UP);
  const read = useQueries({
    queries: local.map((row) => ({
      queryKey: ['sync', sessionId, 'cluster-uses', row.entry.key ?? ''],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        fetchClusterUses(row.entry.key ?? '', signal),
      // A prompt, not a guard (the job checks): an answer that failed offers nothing.
      retry: false,
      staleTime: 60_000,
    })),
  });
  const uses = new Map<string, ClusterUses>();
  local.forEach((row, index) => {
    const data = read[index]?.data;
    if (data) uses.set(row.id, data);
  });
  for (const row of clusters) {
    if (sourceOf(row, plan) !== 'remote') continue;
    const nodes = remoteMembers(row);
    if (nodes) uses.set(row.id, { nodes, sshKeys: [] });
  }

  const offers = new Map<string, Dependencies>();
  uses.forEach((used, id) => {
    const offer = dependenciesOf(used, rows, selected, plan);

    if (offer) offers.set(id, offer);
  });
  return offers;
}
