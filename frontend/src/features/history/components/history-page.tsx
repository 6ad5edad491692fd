// /history: what syncs and rollbacks changed on this server, newest first,
// filtered by operation, peer or job (?job= is how the jobs page links here).
import { Link } from 'react-router';
import { Pagination } from '@/components/ui/pagination';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { PAGE_SIZE } from '@/config/paging';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useHistoryList } from '../api/history';
import { useHistoryParams } from '../hooks/use-history-params';
import { HistoryFilters } from './history-filters';
import { HistoryTable } from './history-table';

export function HistoryPage() {
  useDocumentTitle('History');
  const params = useHistoryParams();
  const { page, operation, peer, job } = params;
  const list = useHistoryList({
    page,
    size: PAGE_SIZE,
    ...(operation ? { operation } : {}),
    ...(peer ? { peer } : {}),
    ...(job ? { job } : {}),
  });
  const filtered = Boolean(operation || peer || job);

  return (
    <section className="page history-page">
      <h1>History</h1>
      <p className="lead">
        Every sync applied on this server (pushed here by another server, or pulled by this one) and
        every rollback, newest first. Open an entry to see what it changed and to roll it back.
      </p>
      <HistoryFilters params={params} />
      {job && (
        <p className="filter-note" data-testid="job-filter">
          Entries of job <code>{job}</code>.{' '}
          <Link to={`/jobs/${encodeURIComponent(job)}`}>Open the job</Link> ·{' '}
          <button type="button" className="link-button" onClick={params.clearJob}>
            Show every job
          </button>
        </p>
      )}
      {list.isPending ? (
        <LoadingState label="Loading the history…" />
      ) : list.isError ? (
        <ErrorState problem={list.error} what="the history" onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>
          {job ? (
            <p>
              No entry of this job on this server. A push is recorded on the server it went to: look
              in that server’s history.
            </p>
          ) : filtered ? (
            <p>No entry matches these filters.</p>
          ) : (
            <p>
              Nothing has been synced to this server yet. <Link to="/sync/interactive">Sync</Link>{' '}
              something, and it shows here.
            </p>
          )}
        </EmptyState>
      ) : (
        <>
          <HistoryTable entries={list.data.items} busy={list.isFetching} />
          <Pagination
            page={page}
            size={PAGE_SIZE}
            total={list.data.total}
            onPageChange={params.setPage}
          />
        </>
      )}
    </section>
  );
}
