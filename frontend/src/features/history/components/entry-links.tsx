import { Link } from 'react-router';
import type { HistoryEntry } from '../api/types';

/** The first characters of an entry id: enough to tell entries apart on a page. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** "↶ Rolled back" and "↶ Rollback of …", each linking the other entry. */
export function EntryLinks({ entry }: { entry: HistoryEntry }) {
  if (!entry.rolled_back_by && !entry.rollback_of) return <span className="muted">—</span>;
  return (
    <ul className="entry-links">
      {entry.rollback_of && (
        <li>
          <span className="marker" data-marker="rollback-of">
            Rollback of{' '}
            <Link to={`/history/${entry.rollback_of}`} title={entry.rollback_of}>
              entry {shortId(entry.rollback_of)}
            </Link>
          </span>
        </li>
      )}
      {entry.rolled_back_by && (
        <li>
          <span className="marker" data-marker="rolled-back">
            <span aria-hidden="true">↶ </span>Rolled back by{' '}
            <Link to={`/history/${entry.rolled_back_by}`} title={entry.rolled_back_by}>
              entry {shortId(entry.rolled_back_by)}
            </Link>
          </span>
        </li>
      )}
    </ul>
  );
}
