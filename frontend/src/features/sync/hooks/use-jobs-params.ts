// The jobs list's page and filters live in the URL
// (?status=failed&direction=pull&remote=server-b&page=2), so a reload or the
// back button shows the same jobs.
import { useSearchParams } from 'react-router';
import { useSetFilter, useTextFilter } from '@/lib/use-list-filters';
import { usePageParam } from '@/lib/use-page-param';
import type { Direction, JobStatus } from '../api/types';
import { isDirection, isJobStatus } from '../utils/job-list';

export function useJobsParams() {
  const [params] = useSearchParams();
  const [page, setPage] = usePageParam();
  const setFilter = useSetFilter();
  const rawStatus = params.get('status');
  const status: JobStatus | undefined = isJobStatus(rawStatus) ? rawStatus : undefined;
  const rawDirection = params.get('direction');
  const direction: Direction | undefined = isDirection(rawDirection) ? rawDirection : undefined;
  const remote = useTextFilter('remote', setFilter);

  return {
    page,
    status,
    direction,
    remote: remote.value,
    remoteText: remote.text,
    setRemoteText: remote.setText,
    setStatus: (value: JobStatus | '') => setFilter('status', value),
    setDirection: (value: Direction | '') => setFilter('direction', value),
    setPage,
  };
}
