import { useState } from 'react';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { Direction } from '../api/types';
import type { SelectionState } from '../hooks/use-selection';
import { isConflictIn, isSelectable, wayOf, type Plan, type Row } from '../utils/comparison';
import { StartSyncQuestion } from './start-sync-question';

/** POST /sync/jobs takes at most this many named keys. */
const MAX_KEYS = 100_000;

interface SyncActionsProps {
  rows: readonly Row[];
  selection: SelectionState;
  localName: string;
  remoteName: string;
  /** A job is starting or running. */
  busy: boolean;
  /** Why nothing can start now (the comparison is from before a sync), if so. */
  blockedBecause?: string;
  startError: ApiProblem | null;
  onStart: (dryRun: boolean) => void;
  plan: Plan;
  onPlanChange: (plan: Plan) => void;
}

const DIRECTIONS: readonly { id: Direction; label: (remote: string) => string }[] = [
  { id: 'push', label: (remote) => `Push to ${remote}` },
  { id: 'pull', label: (remote) => `Pull from ${remote}` },
  { id: 'both', label: (remote) => `Both ways with ${remote}` },
];

const PREFERENCES: readonly {
  id: Plan['prefer'];
  label: (local: string, remote: string) => string;
}[] = [
  { id: undefined, label: () => 'Skip them' },
  { id: 'local', label: (local) => `${local}’s version wins` },
  { id: 'remote', label: (_, remote) => `${remote}’s version wins` },
  { id: 'newest', label: () => 'The newer change wins' },
];

/** What mirroring loses: said next to the box, and again before the job starts. */
function MirrorWarning({ localName, remoteName }: { localName: string; remoteName: string }) {
  return (
    <div className="warning" role="note" data-testid="mirror-warning">
      <p>
        <span aria-hidden="true">⚠ </span>
        Mirror overwrites {remoteName}’s own changes: what {remoteName} changed since the last sync
        is replaced with {localName}’s version, and what {remoteName} deleted is re-created.
      </p>
    </div>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function SyncActions(props: SyncActionsProps) {
  const { rows, selection, busy, blockedBecause, startError, onStart, plan } = props;
  const { direction } = plan;
  const [confirming, setConfirming] = useState(false);
  const picked = rows.filter((row) => selection.selected.has(row.id) && isSelectable(row, plan));
  const conflicts = picked.filter((row) => isConflictIn(row, plan)).length;
  const toRemote = picked.filter((row) => wayOf(row, plan) === 'to_remote').length;
  const toBoth = picked.filter((row) => wayOf(row, plan) === 'both_sides').length;
  const byNewest = picked.filter((row) => wayOf(row, plan) === 'newest').length;
  const toLocal = picked.length - toRemote - toBoth - byNewest;
  const choose = (chosen: Direction) =>
    // Mirroring is a push's, a preference in conflicts a both-ways job's.
    props.onPlanChange({
      direction: chosen,
      mirror: chosen === 'push' && plan.mirror,
      prefer: chosen === 'both' ? plan.prefer : undefined,
    });
  const tooMany = picked.length > MAX_KEYS;
  const disabled = busy || picked.length === 0 || tooMany || Boolean(blockedBecause);

  return (
    <div className="sync-actions" role="region" aria-label="Sync the selected items">
      <p className="selected-count" aria-live="polite">
        {plural(picked.length, 'item')} selected
        {conflicts > 0 && ` (${plural(conflicts, 'conflict')})`}
      </p>
      {picked.length > 0 && (
        <button type="button" className="button" onClick={selection.clear}>
          Clear selection
        </button>
      )}
      {direction === 'both' && picked.length > 0 && (
        <p className="note" data-testid="both-ways-count">
          {toRemote} → {props.remoteName}, {toLocal} ← {props.localName}
          {toBoth > 0 && `, ${toBoth} ⇄ merged on both`}
          {byNewest > 0 && `, ${byNewest} ⇄ the newer change wins`}
        </p>
      )}
      <fieldset className="sync-direction">
        <legend>Direction</legend>
        {DIRECTIONS.map(({ id, label }) => (
          <label key={id} className="check-chip">
            <input
              type="radio"
              name="direction"
              checked={direction === id}
              disabled={busy}
              onChange={() => choose(id)}
            />
            {label(props.remoteName)}
          </label>
        ))}
      </fieldset>
      {direction === 'push' && (
        <label className="check-chip">
          <input
            type="checkbox"
            checked={plan.mirror}
            disabled={busy}
            onChange={(event) => props.onPlanChange({ ...plan, mirror: event.target.checked })}
          />
          Mirror: make {props.remoteName} like {props.localName}
        </label>
      )}
      {plan.mirror && direction === 'push' && <MirrorWarning {...props} />}
      {direction === 'both' && (
        <fieldset className="sync-direction">
          <legend>Conflicts</legend>
          {PREFERENCES.map(({ id, label }) => (
            <label key={id ?? 'skip'} className="check-chip">
              <input
                type="radio"
                name="prefer"
                checked={plan.prefer === id}
                disabled={busy}
                onChange={() => props.onPlanChange({ ...plan, prefer: id })}
              />
              {label(props.localName, props.remoteName)}
            </label>
          ))}
        </fieldset>
      )}
      {direction === 'both' && plan.prefer === 'newest' && (
        <p className="note" data-testid="newest-note">
          The newer change by the servers’ logical clocks, stamped on every change, not by their
          wall clocks: a server whose clock is skewed cannot win by it. Each conflicting field takes
          the newer change and the item merges; a conflict whose order cannot be told is skipped.
        </p>
      )}
      <div className="sync-buttons">
        <button type="button" className="button" disabled={disabled} onClick={() => onStart(true)}>
          Preview
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={disabled}
          onClick={() => setConfirming(true)}
        >
          Start Sync
        </button>
      </div>
      {blockedBecause && <p className="note">{blockedBecause}</p>}
      {tooMany && (
        <p className="note">
          A job names at most {MAX_KEYS.toLocaleString()} items; select fewer, or use the CLI’s{' '}
          <code>sync --all</code>.
        </p>
      )}
      {startError && (
        <Alert title="The sync did not start">
          <p>{startError.detail}</p>
        </Alert>
      )}
      {confirming && (
        <ConfirmDialog
          title={
            direction === 'pull'
              ? `Take ${plural(picked.length, 'item')} from ${props.remoteName}?`
              : direction === 'both'
                ? `Sync ${plural(picked.length, 'item')} both ways with ${props.remoteName}?`
                : `Send ${plural(picked.length, 'item')} to ${props.remoteName}?`
          }
          confirmLabel="Start Sync"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onStart(false);
          }}
        >
          <StartSyncQuestion
            picked={picked}
            localName={props.localName}
            remoteName={props.remoteName}
            plan={plan}
          />
          {plan.mirror && direction === 'push' && <MirrorWarning {...props} />}
        </ConfirmDialog>
      )}
    </div>
  );
}
