// The history list's page and filters live in the URL
// (?operation=pull&peer=server-b&job=…&page=2), so a reload, the back button,
// or a link from the jobs page shows the same entries. The peer field updates
// the URL only once the user pauses typing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SEARCH_DEBOUNCE_MS } from '@/config/paging';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { usePageParam } from '@/lib/use-page-param';
import type { Operation } from '../api/types';
import { isOperation } from '../utils/format-history';

type Filter = 'operation' | 'peer' | 'job';

export function useHistoryParams() {
  const [params, setParams] = useSearchParams();
  const [page, setPage] = usePageParam();
  const rawOperation = params.get('operation');
  const operation: Operation | undefined = isOperation(rawOperation) ? rawOperation : undefined;
  const peer = params.get('peer') ?? '';
  const job = params.get('job') ?? '';

  /** Sets (or, empty, removes) one filter; a new filter starts at the first page. */
  const setFilter = useCallback(
    (name: Filter, value: string, replace = false) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          next.delete('page');
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );

  const [peerText, setPeerText] = useState(peer);
  const debouncedPeer = useDebouncedValue(peerText, SEARCH_DEBOUNCE_MS);
  const applied = useRef(debouncedPeer);
  useEffect(() => {
    if (applied.current === debouncedPeer) return;
    applied.current = debouncedPeer;
    setFilter('peer', debouncedPeer.trim(), true);
  }, [debouncedPeer, setFilter]);

  return {
    page,
    operation,
    peer,
    job,
    peerText,
    setPeerText,
    setOperation: (value: Operation | '') => setFilter('operation', value),
    clearJob: () => setFilter('job', ''),
    setPage,
  };
}
