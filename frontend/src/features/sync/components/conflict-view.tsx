// The side-by-side view of one conflict: each differing field with its value
// at the last sync, here and on the remote. The operator decides each field
// both servers changed differently; the rest merge as the server would. A
// modal <dialog> (showModal: focus stays inside, Escape closes, the page
// behind is inert), as the confirm dialog is.
import { useEffect, useRef, useState } from 'react';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';
import type { ConflictResolution } from '../api/types';
import { KINDS, type Row } from '../utils/comparison';
import {
  conflictingFields,
  resolutionOf,
  undecided,
  type Decisions,
  type FieldDecision,
} from '../utils/resolution';
import { ResolveField } from './resolve-field';

interface ConflictViewProps {
  row: Row;
  localName: string;
  remoteName: string;
  /** The job is starting. */
  busy: boolean;
  error: ApiProblem | null;
  /** Why it cannot be applied now, if so. */
  unavailableBecause?: string;
  onApply: (resolution: ConflictResolution) => void;
  onCancel: () => void;
}

export function ConflictView(props: ConflictViewProps) {
  const { row, localName, remoteName, busy, onCancel } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [decisions, setDecisions] = useState<Decisions>({});

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // The title first, so the dialog is announced by name before its fields.
    heading.current?.focus();
    return () => {
      if (element?.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const key = row.entry.key ?? '';
  const noun = KINDS.find((kind) => kind.id === row.kind)?.noun ?? row.kind;
  const changes = row.entry.changes ?? [];
  const total = conflictingFields(row).length;
  const left = undecided(row, decisions).length;
  const decide = (field: string, decision: FieldDecision) =>
    setDecisions((current) => ({ ...current, [field]: decision }));
  const blocked = busy || left > 0 || Boolean(props.unavailableBecause);

  return (
    <dialog
      ref={dialog}
      className="dialog dialog-wide"
      aria-labelledby="conflict-view-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="conflict-view-title" ref={heading} tabIndex={-1}>
        Resolve the conflict of {noun} {key}
      </h2>
      <div className="dialog-body conflict-view">
        <p>
          Both servers changed this {noun} since their last sync. For each field marked ⚠ conflict,
          pick the value to keep: {localName}’s, {remoteName}’s, or one you type. The other fields
          take the change of the server that made it. Applying syncs this {noun} both ways: both
          servers get the result.
        </p>
        <ol className="resolve-fields">
          {changes.map((change, index) => (
            <ResolveField
              key={change.field ?? index}
              change={change}
              idBase={`resolve-${index}`}
              decision={decisions[change.field ?? '']}
              onDecide={(decision) => decide(change.field ?? '', decision)}
              localName={localName}
              remoteName={remoteName}
            />
          ))}
        </ol>
        {props.unavailableBecause && <p className="note">{props.unavailableBecause}</p>}
        {props.error && (
          <Alert title="The sync did not start">
            <p>{props.error.detail}</p>
          </Alert>
        )}
      </div>
      {/* Under the scrolling fields, so it stays in sight next to the button it explains. */}
      <div className="dialog-actions">
        <p id="conflict-view-status" className="resolve-status" aria-live="polite">
          {left > 0
            ? `${total - left} of ${total} conflicting ${total === 1 ? 'field' : 'fields'} decided: decide every one to apply.`
            : `All ${total} conflicting ${total === 1 ? 'field' : 'fields'} decided.`}
        </p>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={blocked}
          aria-describedby="conflict-view-status"
          onClick={() => props.onApply(resolutionOf(row, decisions))}
        >
          {busy ? 'Starting…' : 'Apply to both servers'}
        </button>
      </div>
    </dialog>
  );
}
