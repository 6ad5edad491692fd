import { useState } from 'react';
import { TriStateCheckbox } from '@/components/ui/tri-state-checkbox';
import { stateOf, type SelectionState } from '../hooks/use-selection';
import { isSelectable, type KindInfo, type Row } from '../utils/comparison';
import { ComparisonRow } from './comparison-row';
import { usePlan } from './plan-context';

/** Rows rendered at first and per "show more": a comparison can list 10,000 per status. */
export const ROWS_PER_STEP = 100;

interface KindTableProps {
  kind: KindInfo;
  /** This kind's rows that pass the filters. */
  rows: readonly Row[];
  selection: SelectionState;
  localName: string;
  remoteName: string;
}

export function KindTable({ kind, rows, selection, localName, remoteName }: KindTableProps) {
  const [shown, setShown] = useState(ROWS_PER_STEP);
  const plan = usePlan();
  const selectableIds = rows.filter((row) => isSelectable(row, plan)).map((row) => row.id);
  const headingId = `kind-${kind.id}`;
  const visible = rows.slice(0, shown);
  return (
    <section className="kind-table" aria-labelledby={headingId}>
      <div className="kind-header">
        <h3 id={headingId}>
          {kind.label} <span className="muted">({rows.length})</span>
        </h3>
        {/* Above the table, not in its head: narrow windows hide the head. */}
        {selectableIds.length > 0 && (
          <label className="check-chip">
            <TriStateCheckbox
              checked={stateOf(selectableIds, selection.selected)}
              onChange={(event) => selection.setMany(selectableIds, event.target.checked)}
            />
            Select all {kind.plural} shown ({selectableIds.length})
          </label>
        )}
      </div>
      <div className="table-wrap">
        <table className="item-table sync-table" role="table" aria-labelledby={headingId}>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader" className="select-cell">
                <span className="visually-hidden">Selected</span>
              </th>
              <th scope="col" role="columnheader">
                Name
              </th>
              <th scope="col" role="columnheader">
                Status
              </th>
              <th scope="col" role="columnheader">
                Details
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {visible.map((row) => (
              <ComparisonRow
                key={row.id}
                row={row}
                selected={selection.selected.has(row.id)}
                onToggle={selection.toggle}
                localName={localName}
                remoteName={remoteName}
              />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <button type="button" className="button" onClick={() => setShown(shown + ROWS_PER_STEP)}>
          Show {Math.min(ROWS_PER_STEP, rows.length - shown)} more {kind.plural} (
          {rows.length - shown} not shown)
        </button>
      )}
    </section>
  );
}
