// The jobs list's page and filters live in the URL
// (?status=failed&direction=pull&remote=server-b&page=2), so a reload or the
// back button shows the same jobs. The remote field updates the URL only once
// the user pauses typing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SEARCH_DEBOUNCE_MS } from '@/config/paging';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { usePageParam } from '@/lib/use-page-param';
import type { Direction, JobStatus } from '../api/types';
import { isDirection, isJobStatus } from '../utils/job-list';

type Filter = 'status' | 'direction' | 'remote';

export function useJobsParams() {
  const [params, setParams] = useSearchParams();
  const [page, setPage] = usePageParam();
  const rawStatus = params.get('status');
  const status: JobStatus | undefined = isJobStatus(rawStatus) ? rawStatus : undefined;
  const rawDirection = params.get('direction');
  const direction: Direction | undefined = isDirection(rawDirection) ? rawDirection : undefined;
  const remote = params.get('remote') ?? '';

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

  const [remoteText, setRemoteText] = useState(remote);
  const debouncedRemote = useDebouncedValue(remoteText, SEARCH_DEBOUNCE_MS);
  const applied = useRef(debouncedRemote);
  useEffect(() => {
    if (applied.current === debouncedRemote) return;
    applied.current = debouncedRemote;
    setFilter('remote', debouncedRemote.trim(), true);
  }, [debouncedRemote, setFilter]);

  return {
    page,
    status,
    direction,
    remote,
    remoteText,
    setRemoteText,
    setStatus: (value: JobStatus | '') => setFilter('status', value),
    setDirection: (value: Direction | '') => setFilter('direction', value),
    setPage,
  };
}
