import { Link } from 'react-router';
import { DateTime } from '@/components/ui/date-time';
import type { HistoryEntry } from '../api/types';
import { OPERATIONS, entryCounts, entryTitle, peerOf } from '../utils/format-history';
import { EntryLinks } from './entry-links';

export function HistoryTable({ entries, busy }: { entries: HistoryEntry[]; busy: boolean }) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      {/* Explicit roles: the stacked layout of narrow windows would drop them. */}
      <table className="item-table history-table" role="table">
        <caption className="visually-hidden">History entries, newest first</caption>
        <thead role="rowgroup">
          <tr role="row">
            {['When', 'Operation', 'Peer', 'Started by', 'Changes', 'Rollback'].map((header) => (
              <th key={header} scope="col" role="columnheader">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {entries.map((entry) => (
            <tr key={entry.id} role="row" data-operation={entry.operation}>
              <td role="cell" data-label="When">
                <DateTime iso={entry.applied_at} />
              </td>
              <td role="cell" data-label="Operation">
                <span aria-hidden="true">{OPERATIONS[entry.operation].icon} </span>
                <Link to={`/history/${entry.id}`}>{entryTitle(entry)}</Link>
              </td>
              <td role="cell" data-label="Peer">
                <span title={entry.peer_server_id ?? undefined}>{peerOf(entry)}</span>
              </td>
              <td role="cell" data-label="Started by">
                <StartedBy entry={entry} />
              </td>
              <td role="cell" data-label="Changes">
                {entryCounts(entry)}
              </td>
              <td role="cell" data-label="Rollback">
                <EntryLinks entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Who started it; for a push received, that operator is on the peer. */
export function StartedBy({ entry }: { entry: HistoryEntry }) {
  if (!entry.started_by) return <span className="muted">not known</span>;
  return (
    <>
      {entry.started_by}
      {entry.operation === 'push' && <span className="muted"> on {peerOf(entry)}</span>}
    </>
  );
}
