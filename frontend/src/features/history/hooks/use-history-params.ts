// The history list's page and filters live in the URL
// (?operation=pull&peer=server-b&job=…&page=2), so a reload, the back button,
// or a link from the jobs page shows the same entries.
import { useSearchParams } from 'react-router';
import { useSetFilter, useTextFilter } from '@/lib/use-list-filters';
import { usePageParam } from '@/lib/use-page-param';
import type { Operation } from '../api/types';
import { isOperation } from '../utils/format-history';

export function useHistoryParams() {
  const [params] = useSearchParams();
  const [page, setPage] = usePageParam();
  const setFilter = useSetFilter();
  const rawOperation = params.get('operation');
  const operation: Operation | undefined = isOperation(rawOperation) ? rawOperation : undefined;
  const job = params.get('job') ?? '';
  const peer = useTextFilter('peer', setFilter);

  return {
    page,
    operation,
    peer: peer.value,
    job,
    peerText: peer.text,
    setPeerText: peer.setText,
    setOperation: (value: Operation | '') => setFilter('operation', value),
    clearJob: () => setFilter('job', ''),
    setPage,
  };
}
