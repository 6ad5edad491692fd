import { Link } from 'react-router';
import { DateTime } from '@/components/ui/date-time';
import type { HistoryEntry } from '../api/types';
import { entryCounts, peerOf } from '../utils/format-history';
import { EntryLinks } from './entry-links';
import { StartedBy } from './history-table';

const MEANING = {
  push: 'pushed here by the peer',
  pull: 'pulled from the peer by this server',
  rollback: 'undid an earlier entry on this server',
} as const satisfies Record<HistoryEntry['operation'], string>;

/** The job behind an entry: a pull ran here, so its page may still be here; a push ran on the peer. */
function JobFact({ entry }: { entry: HistoryEntry }) {
  if (!entry.job_id) return <span className="muted">none</span>;
  if (entry.operation === 'pull')
    return (
      <Link to={`/jobs/${entry.job_id}`}>
        <code>{entry.job_id}</code>
      </Link>
    );
  return (
    <>
      <code>{entry.job_id}</code> <span className="muted fact-aside">on {peerOf(entry)}</span>
    </>
  );
}

export function EntryFacts({ entry }: { entry: HistoryEntry }) {
  return (
    <dl className="facts" data-testid="entry-facts">
      <div>
        <dt>When</dt>
        <dd>
          <DateTime iso={entry.applied_at} />
        </dd>
      </div>
      <div>
        <dt>Operation</dt>
        <dd>
          {entry.operation}: {MEANING[entry.operation]}
        </dd>
      </div>
      <div>
        <dt>Peer</dt>
        <dd>
          {peerOf(entry)}
          {entry.peer_server_id && entry.peer_name && (
            <span className="muted"> (id {entry.peer_server_id})</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Started by</dt>
        <dd>
          <StartedBy entry={entry} />
        </dd>
      </div>
      <div>
        <dt>Job</dt>
        <dd>
          <JobFact entry={entry} />
        </dd>
      </div>
      <div>
        <dt>Changes</dt>
        <dd>{entryCounts(entry)}</dd>
      </div>
      {(entry.rolled_back_by || entry.rollback_of) && (
        <div>
          <dt>Rollback</dt>
          <dd>
            <EntryLinks entry={entry} />
          </dd>
        </div>
      )}
    </dl>
  );
}
