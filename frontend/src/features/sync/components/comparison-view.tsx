import { useMemo, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { EmptyState } from '@/components/ui/states';
import type { Comparison } from '../api/types';
import type { SelectionState } from '../hooks/use-selection';
import {
  DEFAULT_FILTERS,
  KINDS,
  matches,
  rowElementId,
  type Filters,
  type Row,
} from '../utils/comparison';
import { ComparisonFilters } from './comparison-filters';
import { CompareMethod } from './compare-method';
import { ConstraintConflictsPanel } from './constraint-conflicts-panel';
import { ComparisonSummary } from './comparison-summary';
import { KindTable } from './kind-table';
import { SelectAllByStatus } from './select-all-by-status';

interface ComparisonViewProps {
  comparison: Comparison;
  rows: readonly Row[];
  selection: SelectionState;
  localName: string;
  remoteName: string;
  focusSummary?: boolean;
  /**
   * The selection's actions and the job, between the filters and the lists:
   * in reach without scrolling past thousands of rows.
   */
  children?: ReactNode;
}

export function ComparisonView({
  comparison,
  rows,
  selection,
  localName,
  remoteName,
  focusSummary,
  children,
}: ComparisonViewProps) {
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const shown = useMemo(() => rows.filter((row) => matches(row, filters)), [rows, filters]);

  /** A link from a constraint conflict: filter down to the row, then take the operator there. */
  function show(row: Row) {
    const next: Filters = { status: filters.status, kind: row.kind, search: row.entry.key ?? '' };
    // Rendered at once, so the row is there to go to.
    flushSync(() => setFilters(matches(row, next) ? next : { ...next, status: 'all' }));
    const element = document.getElementById(rowElementId(row.id));
    // jsdom has no scrolling.
    if (typeof element?.scrollIntoView === 'function') element.scrollIntoView({ block: 'center' });
    element?.focus();
  }
  const summary = comparison.summary ?? {};
  const differences = (summary.total ?? 0) - (summary.identical ?? 0);

  return (
    <section className="comparison" aria-label="Comparison">
      <ComparisonSummary summary={summary} focusOnMount={focusSummary} />
      <CompareMethod method={comparison.method} />
      {differences > 0 && (
        <ConstraintConflictsPanel
          conflicts={comparison.constraint_conflicts}
          rows={rows}
          selection={selection}
          localName={localName}
          remoteName={remoteName}
          onShow={show}
        />
      )}
      {listsCut(comparison) && (
        <p className="note" role="note">
          The lists below are cut at 10,000 entries per kind and status; the counts above are
          complete. Items beyond the lists cannot be picked here: sync them with the CLI’s{' '}
          <code>sync --all</code>, or compare again after a first sync.
        </p>
      )}
      {differences === 0 ? (
        <EmptyState>
          <p>No differences: both servers have the same inventory.</p>
        </EmptyState>
      ) : (
        <>
          <ComparisonFilters filters={filters} onChange={setFilters} />
          <SelectAllByStatus rows={shown} selection={selection} />
          {children}
          {shown.length === 0 ? (
            <EmptyState>
              <p>No item matches these filters.</p>
            </EmptyState>
          ) : (
            KINDS.map((kind) => {
              const kindRows = shown.filter((row) => row.kind === kind.id);
              return (
                kindRows.length > 0 && (
                  <KindTable
                    key={kind.id}
                    kind={kind}
                    rows={kindRows}
                    selection={selection}
                    localName={localName}
                    remoteName={remoteName}
                  />
                )
              );
            })
          )}
        </>
      )}
    </section>
  );
}

/**
 * Whether a list is incomplete: the server says some are, and a list reached the server's
 * cap. (The server also says so when it counted an identical item it could not list, as
 * when one was deleted here during the compare: then no list is full and nothing is cut.)
 */
function listsCut(comparison: Comparison): boolean {
  if (!comparison.truncated) return false;
  return KINDS.some((kind) =>
    Object.values(comparison[kind.id] ?? {}).some(
      (entries) => Array.isArray(entries) && entries.length >= 10_000,
    ),
  );
}
