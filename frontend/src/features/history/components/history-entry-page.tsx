// /history/:id: one entry, what it changed item by item (before → after), and
// its rollback.
import { useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Pagination } from '@/components/ui/pagination';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { PAGE_SIZE } from '@/config/paging';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useHistoryEntry } from '../api/history';
import { entryTitle } from '../utils/format-history';
import { EntryFacts } from './entry-facts';
import { HistoryItems } from './history-items';
import { RollbackSection } from './rollback-section';

export function HistoryEntryPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, (Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1);
  const detail = useHistoryEntry(id, page, PAGE_SIZE);
  const itemsHeading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(detail.data ? entryTitle(detail.data.entry) : 'History entry');

  const setPage = (next: number) => {
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next > 0) updated.set('page', String(next + 1));
      else updated.delete('page');
      return updated;
    });
    itemsHeading.current?.focus();
  };

  return (
    <section className="page history-entry-page">
      <p className="breadcrumb">
        <Link to="/history">← History</Link>
      </p>
      {detail.isPending ? (
        <LoadingState label="Loading the entry…" />
      ) : detail.isError ? (
        <>
          <h1>History entry</h1>
          <ErrorState
            problem={detail.error}
            what="the history entry"
            onRetry={() => void detail.refetch()}
          />
        </>
      ) : (
        <>
          <h1>{entryTitle(detail.data.entry)}</h1>
          <EntryFacts entry={detail.data.entry} />
          {/* A new rollback section per entry: a preview of one is no answer for another. */}
          <RollbackSection key={detail.data.entry.id} entry={detail.data.entry} />
          <h2 ref={itemsHeading} tabIndex={-1} className="section-heading">
            What it changed
          </h2>
          {detail.data.total === 0 ? (
            <p className="muted">The entry changed no item.</p>
          ) : (
            <>
              <p className="muted">
                Each item as it was before the entry and after it, field by field, in the order of
                kind and key.
              </p>
              <HistoryItems items={detail.data.items} busy={detail.isFetching} />
              <Pagination
                page={page}
                size={PAGE_SIZE}
                total={detail.data.total}
                onPageChange={setPage}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
