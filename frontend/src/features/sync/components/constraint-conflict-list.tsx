import { useState } from 'react';
import type { ConstraintConflict } from '../api/types';
import type { SelectionState } from '../hooks/use-selection';
import { isSelectable, rowInfo, type Row } from '../utils/comparison';
import {
  alsoSelectOf,
  alsoSelectWords,
  CONSTRAINT_TYPES,
  itemWords,
  rowsFor,
  type ItemRef,
} from '../utils/constraints';
import { usePlan } from './plan-context';

/** Conflicts listed at first; the rest behind "Show all". */
const SHOWN_AT_FIRST = 10;

interface ConstraintConflictListProps {
  conflicts: readonly ConstraintConflict[];
  localName: string;
  remoteName: string;
  /** The comparison's rows and the selection: given, a fix is one click. */
  rows?: readonly Row[];
  selection?: SelectionState;
  /** Given, the items involved link to their rows in the comparison. */
  onShow?: (row: Row) => void;
}

/** Each conflict: what rule breaks where, the items involved, and the fix. */
export function ConstraintConflictList({
  conflicts,
  localName,
  remoteName,
  rows = [],
  selection,
  onShow,
}: ConstraintConflictListProps) {
  const [all, setAll] = useState(false);
  const shown = all ? conflicts : conflicts.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <ul className="constraint-list">
        {shown.map((conflict, index) => (
          <li key={`${index}-${conflict.message}`} data-type={conflict.type}>
            <p>
              <span className="constraint-type">
                {CONSTRAINT_TYPES[conflict.type] ?? conflict.type}
              </span>{' '}
              <span className="constraint-on">
                on{' '}
                {conflict.on === 'local' ? `${localName} (this server)` : `${remoteName} (remote)`}:
              </span>{' '}
              {conflict.message}
            </p>
            {conflict.items.length > 0 && (
              <p className="constraint-items">
                Involves:{' '}
                {conflict.items.map((item, at) => (
                  <span key={`${item.kind}:${item.key}`}>
                    {at > 0 && ', '}
                    <ItemLink item={item} rows={rows} onShow={onShow} />
                  </span>
                ))}
              </p>
            )}
            {conflict.fix && (
              <p className="constraint-fix">
                <span className="constraint-fix-label">Fix:</span> {conflict.fix}
              </p>
            )}
            {selection && (
              <AlsoSelect refs={alsoSelectOf(conflict)} rows={rows} selection={selection} />
            )}
          </li>
        ))}
      </ul>
      {conflicts.length > shown.length && (
        <button type="button" className="button button-small" onClick={() => setAll(true)}>
          Show all {conflicts.length} conflicts
        </button>
      )}
    </>
  );
}

function ItemLink({
  item,
  rows,
  onShow,
}: {
  item: ItemRef;
  rows: readonly Row[];
  onShow?: (row: Row) => void;
}) {
  const [row] = rowsFor([item], rows);
  const words = itemWords(item);
  if (!row || !onShow) return <strong>{words}</strong>;
  return (
    <button
      type="button"
      className="link-button"
      aria-label={`Show ${words} in the comparison`}
      onClick={() => onShow(row)}
    >
      {words}
    </button>
  );
}

/**
 * The fix as one click: adds the items to the selection. Says when they are
 * already selected, and why they cannot be when this job's direction cannot
 * take them.
 */
function AlsoSelect({
  refs,
  rows,
  selection,
}: {
  refs: readonly ItemRef[];
  rows: readonly Row[];
  selection: SelectionState;
}) {
  const plan = usePlan();
  if (refs.length === 0) return null;
  const words = alsoSelectWords(refs);
  const listed = rowsFor(refs, rows);
  const selectable = listed.filter((row) => isSelectable(row, plan));
  const toAdd = selectable.filter((row) => !selection.selected.has(row.id));
  const [first] = listed;
  if (!first)
    return (
      <p className="muted">
        {words}: not in the comparison’s lists. Compare again, or sync it with the CLI’s{' '}
        <code>--select</code>.
      </p>
    );
  if (selectable.length > 0 && toAdd.length === 0)
    return (
      <p className="fix-done">
        <span aria-hidden="true">✓ </span>
        {words} selected
      </p>
    );
  const why = selectable.length === 0 ? rowInfo(first, plan).explanation : undefined;
  return (
    <p className="constraint-action">
      <button
        type="button"
        className="button button-small"
        disabled={Boolean(why)}
        aria-description={why}
        title={why}
        onClick={() =>
          selection.setMany(
            toAdd.map((row) => row.id),
            true,
          )
        }
      >
        Also select {words}
      </button>
      {why && <span className="muted"> {why}</span>}
    </p>
  );
}
