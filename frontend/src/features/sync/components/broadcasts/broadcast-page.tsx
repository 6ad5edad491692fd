// /sync/broadcasts/:id: one sync to several peers, a job each, followed live
// from the broadcast's event stream: a row per peer with its state, progress,
// job and result or problem. A finished broadcast replays its results, so a
// reload shows the same rows.
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { DateTime } from '@/components/ui/date-time';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';
import { formatBytes } from '@/utils/format';
import { useBroadcast } from '../../api/broadcasts';
import type { Broadcast } from '../../api/types';
import { useBroadcastEvents } from '../../hooks/use-broadcast-events';
import {
  PEER_STATUS_TEXT,
  type BroadcastEventsState,
  type BroadcastPeerRow,
} from '../../utils/broadcast-events';
import { countsText } from '../../utils/format-job';
import { DIRECTIONS, isDirection } from '../../utils/job-list';

export function BroadcastPage() {
  const { id = '' } = useParams();
  const broadcast = useBroadcast(id);
  useDocumentTitle(`Broadcast ${id.slice(0, 8)}`);
  return (
    <section className="page broadcast-page">
      <p className="breadcrumb">
        <Link to="/sync/peers">← Peers</Link>
      </p>
      <h1>
        Broadcast <code>{id.slice(0, 8)}</code>
      </h1>
      {broadcast.isPending ? (
        <LoadingState label="Loading the broadcast…" />
      ) : broadcast.isError ? (
        <ErrorState
          problem={broadcast.error}
          what="the broadcast"
          onRetry={() => void broadcast.refetch()}
        />
      ) : (
        <BroadcastDetail broadcast={broadcast.data} />
      )}
    </section>
  );
}

/** The broadcast's status as the stream or, before it says, the GET gives it. */
function overallStatus(broadcast: Broadcast, events: BroadcastEventsState): string {
  if (events.finished) return events.finished.failed > 0 ? 'failed' : 'completed';
  return broadcast.status;
}

function BroadcastDetail({ broadcast }: { broadcast: Broadcast }) {
  const events = useBroadcastEvents(broadcast);
  const rows = events.rows;
  const status = overallStatus(broadcast, events);
  const completed = rows.filter((row) => row.status === 'completed').length;
  const direction = isDirection(broadcast.direction)
    ? DIRECTIONS[broadcast.direction].label
    : broadcast.direction;
  return (
    <>
      <p className="broadcast-summary" role="status" data-testid="broadcast-summary">
        <span className="job-status" data-status={status}>
          {status === 'running' ? 'Running' : status === 'completed' ? 'Completed' : 'Failed'}
        </span>
        {events.finished
          ? ` · ${events.finished.completed} of ${rows.length} completed`
          : ` · ${completed} of ${rows.length} completed so far`}
      </p>
      <dl className="facts" data-testid="broadcast-facts">
        <div>
          <dt>What</dt>
          <dd>everything</dd>
        </div>
        <div>
          <dt>Direction</dt>
          <dd>
            {direction}
            {broadcast.dry_run && ' (preview: a dry run)'}
          </dd>
        </div>
        <div>
          <dt>Started by</dt>
          <dd>{broadcast.started_by ?? <span className="muted">not known</span>}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <DateTime iso={broadcast.started_at} />
          </dd>
        </div>
      </dl>
      {events.stream === 'interrupted' && events.problem && (
        <Alert title="Live progress stopped">
          <p>{events.problem.detail}</p>
        </Alert>
      )}
      <div className="table-wrap">
        <table className="item-table broadcast-table" role="table">
          <caption className="visually-hidden">Each peer of the broadcast</caption>
          <thead role="rowgroup">
            <tr role="row">
              {['Peer', 'Status', 'Progress', 'Job', 'Result'].map((header) => (
                <th key={header} scope="col" role="columnheader">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((row) => (
              <PeerRow key={row.peer} row={row} dryRun={broadcast.dry_run} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function PeerRow({ row, dryRun }: { row: BroadcastPeerRow; dryRun: boolean }) {
  const ended = row.status === 'completed';
  const percent = row.total > 0 ? Math.min(100, (row.done / row.total) * 100) : ended ? 100 : 0;
  return (
    <tr role="row" data-peer={row.peer} data-status={row.status}>
      <td role="cell" data-label="Peer">
        <strong>{row.peer}</strong>
      </td>
      <td role="cell" data-label="Status">
        <span className="job-status" data-status={row.status}>
          {PEER_STATUS_TEXT[row.status]}
        </span>
      </td>
      <td role="cell" data-label="Progress">
        <div
          className="progress-track"
          role="progressbar"
          aria-label={`Items sent to ${row.peer}`}
          aria-valuemin={0}
          aria-valuemax={row.total}
          aria-valuenow={row.total > 0 ? row.done : undefined}
          aria-valuetext={`${row.done} of ${row.total} items`}
        >
          <div className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <span className="progress-text">
          {row.done} / {row.total} items
          {row.bytes > 0 && ` · ${formatBytes(row.bytes)}`}
        </span>
      </td>
      <td role="cell" data-label="Job">
        {row.jobId ? (
          <Link
            to={`/jobs/${encodeURIComponent(row.jobId)}`}
            title={row.jobId}
            aria-label={`Open job ${row.jobId.slice(0, 8)}`}
          >
            <code>{row.jobId.slice(0, 8)}</code>
          </Link>
        ) : (
          <span className="muted">none</span>
        )}
      </td>
      <td role="cell" data-label="Result">
        <PeerOutcome row={row} dryRun={dryRun} />
      </td>
    </tr>
  );
}

function PeerOutcome({ row, dryRun }: { row: BroadcastPeerRow; dryRun: boolean }) {
  if (row.status === 'failed' && row.problem) {
    return <span className="peer-problem">{row.problem.detail}</span>;
  }
  if (row.status === 'completed' && row.result) {
    const would = dryRun ? 'would ' : '';
    const verified =
      row.result.verified === true
        ? 'verified'
        : row.result.verified === false
          ? 'not verified'
          : null;
    return (
      <span className="peer-result">
        {`${would}apply ${countsText(row.result.applied)}; ${would}delete ${countsText(row.result.deleted)}`}
        {verified && ` · ${verified}`}
      </span>
    );
  }
  return <span className="muted">—</span>;
}
