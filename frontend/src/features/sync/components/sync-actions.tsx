import { useState } from 'react';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { Direction } from '../api/types';
import type { SelectionState } from '../hooks/use-selection';
import { isSelectable, type Row } from '../utils/comparison';
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
  direction: Direction;
  onDirectionChange: (direction: Direction) => void;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function SyncActions(props: SyncActionsProps) {
  const { rows, selection, busy, blockedBecause, startError, onStart, direction } = props;
  const [confirming, setConfirming] = useState(false);
  const picked = rows.filter(
    (row) => selection.selected.has(row.id) && isSelectable(row, direction),
  );
  const pull = direction === 'pull';
  const conflicts = picked.filter((row) => row.status === 'conflict').length;
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
      <fieldset className="sync-direction">
        <legend>Direction</legend>
        <label className="check-chip">
          <input
            type="radio"
            name="direction"
            checked={!pull}
            disabled={busy}
            onChange={() => props.onDirectionChange('push')}
          />
          Push to {props.remoteName}
        </label>
        <label className="check-chip">
          <input
            type="radio"
            name="direction"
            checked={pull}
            disabled={busy}
            onChange={() => props.onDirectionChange('pull')}
          />
          Pull from {props.remoteName}
        </label>
      </fieldset>
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
            pull
              ? `Take ${plural(picked.length, 'item')} from ${props.remoteName}?`
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
            direction={direction}
          />
        </ConfirmDialog>
      )}
    </div>
  );
}
