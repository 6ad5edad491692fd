import { Link } from 'react-router';
import { DateTime } from '@/components/ui/date-time';
import type { Peer } from '../../api/types';
import {
  lastJobParts,
  peerPasswordText,
  replicationText,
  shortFingerprint,
} from '../../utils/peer-words';

const HEADERS = [
  'Name',
  'URL',
  'Pinned certificate',
  'Password',
  'Server',
  'Last contact',
  'Replication',
  'Last job',
];

interface PeersTableProps {
  peers: Peer[];
  busy: boolean;
  onEdit: (peer: Peer) => void;
  onDelete: (peer: Peer) => void;
  /** The peers picked for a broadcast, by name. */
  selected: ReadonlySet<string>;
  onToggle: (name: string, selected: boolean) => void;
}

export function PeersTable({ peers, busy, onEdit, onDelete, selected, onToggle }: PeersTableProps) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      {/* Explicit roles: the stacked layout of narrow windows would drop them. */}
      <table className="item-table peers-table" role="table">
        <caption className="visually-hidden">Registered peers, by name</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              <span className="visually-hidden">Selected</span>
            </th>
            {HEADERS.map((header) => (
              <th key={header} scope="col" role="columnheader">
                {header}
              </th>
            ))}
            <th scope="col" role="columnheader">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {peers.map((peer) => (
            <tr key={peer.name} role="row" data-peer={peer.name}>
              <td role="cell" className="row-select">
                <input
                  type="checkbox"
                  aria-label={`Select ${peer.name}`}
                  checked={selected.has(peer.name)}
                  onChange={(event) => onToggle(peer.name, event.target.checked)}
                />
              </td>
              <td role="cell" data-label="Name">
                <strong>{peer.name}</strong>
              </td>
              <td role="cell" data-label="URL">
                <code>{peer.url}</code>
              </td>
              <td role="cell" data-label="Pinned certificate">
                {peer.fingerprint ? (
                  <code title={peer.fingerprint}>{shortFingerprint(peer.fingerprint)}</code>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
              <td role="cell" data-label="Password">
                {peerPasswordText(peer)}
              </td>
              <td role="cell" data-label="Server">
                {peer.server_name ? (
                  <span title={peer.server_id ?? undefined}>{peer.server_name}</span>
                ) : (
                  <span className="muted">not known</span>
                )}
              </td>
              <td role="cell" data-label="Last contact">
                {peer.last_contact_at ? (
                  <DateTime iso={peer.last_contact_at} />
                ) : (
                  <span className="muted">never</span>
                )}
              </td>
              <td role="cell" data-label="Replication">
                <span title={peer.replication.checkpoint_id ?? undefined}>
                  {replicationText(peer)}
                </span>
              </td>
              <td role="cell" data-label="Last job">
                <LastJob peer={peer} />
              </td>
              <td className="row-actions" role="cell">
                <button
                  type="button"
                  className="button"
                  aria-label={`Edit ${peer.name}`}
                  onClick={() => onEdit(peer)}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button button-danger"
                  aria-label={`Delete ${peer.name}`}
                  onClick={() => onDelete(peer)}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LastJob({ peer }: { peer: Peer }) {
  const job = peer.last_job;
  if (!job) return <span className="muted">none</span>;
  const { icon, text } = lastJobParts(job);
  return (
    <>
      <Link
        to={`/jobs/${encodeURIComponent(job.id)}`}
        title={job.id}
        aria-label={`Open job ${job.id.slice(0, 8)}`}
      >
        <code>{job.id.slice(0, 8)}</code>
      </Link>{' '}
      <span className="job-status" data-status={job.status}>
        {icon && <span aria-hidden="true">{icon} </span>}
        {text}
      </span>
    </>
  );
}
