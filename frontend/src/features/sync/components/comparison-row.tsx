import { useState } from 'react';
import { statusInfo, type Row } from '../utils/comparison';
import { useDirection } from './direction-context';
import { EntryChanges } from './entry-changes';

interface ComparisonRowProps {
  row: Row;
  selected: boolean;
  onToggle: (id: string, on: boolean) => void;
  localName: string;
  remoteName: string;
}

const COLUMNS = 4;

export function ComparisonRow({
  row,
  selected,
  onToggle,
  localName,
  remoteName,
}: ComparisonRowProps) {
  const [expanded, setExpanded] = useState(false);
  const direction = useDirection();
  const status = statusInfo(row.status, direction);
  const key = row.entry.key ?? '';
  const changes = row.entry.changes?.length ?? 0;
  const expandable = row.status === 'different' || row.status === 'conflict';
  const detailsId = `changes-${row.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <>
      <tr role="row" className={selected ? 'row-selected' : undefined}>
        <td role="cell" className="select-cell" data-label="Select">
          {/* Not offered when a push cannot act on it; the reason shows on hover
              and is read out with the box. */}
          <span title={status.selectable ? undefined : status.explanation}>
            <input
              type="checkbox"
              aria-label={`Select ${key}`}
              checked={selected}
              disabled={!status.selectable}
              aria-description={status.selectable ? undefined : status.explanation}
              onChange={(event) => onToggle(row.id, event.target.checked)}
            />
          </span>
        </td>
        <td role="cell" data-label="Name" className="key-cell">
          {key}
        </td>
        <td role="cell" data-label="Status">
          <span className="status-badge" data-status={row.status} title={status.explanation}>
            <span aria-hidden="true">{status.icon}</span> {status.label}
          </span>
        </td>
        <td role="cell" data-label="Details">
          {expandable ? (
            // One name whether open or shut ("1 change of node-02"); aria-expanded says which.
            <button
              type="button"
              className="button button-small"
              aria-expanded={expanded}
              aria-controls={detailsId}
              onClick={() => setExpanded(!expanded)}
            >
              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>&nbsp;
              {changes === 1 ? '1 change' : `${changes} changes`}{' '}
              <span className="visually-hidden">of {key}</span>
            </button>
          ) : (
            <span className="muted">{status.explanation}</span>
          )}
        </td>
      </tr>
      {expanded && (
        <tr role="row" className="changes-row">
          <td role="cell" colSpan={COLUMNS}>
            <EntryChanges
              id={detailsId}
              entry={row.entry}
              localName={localName}
              remoteName={remoteName}
            />
          </td>
        </tr>
      )}
    </>
  );
}
