// Syncing everything with the peers picked on the Peers page at once (a
// broadcast): which way, and whether as a preview. A refusal (400) is shown
// as a message; the server names no form field the operator could fix here.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';
import { CheckboxField, SelectField } from '@/components/ui/field';
import type { StartBroadcastRequest } from '../../api/broadcasts';
import type { Direction } from '../../api/types';
import { DIRECTIONS, DIRECTION_IDS } from '../../utils/job-list';

interface BroadcastFormProps {
  peers: string[];
  pending: boolean;
  error: ApiProblem | null;
  onSubmit: (request: StartBroadcastRequest) => void;
  onCancel: () => void;
}

export function BroadcastForm({ peers, pending, error, onSubmit, onCancel }: BroadcastFormProps) {
  const [direction, setDirection] = useState<Direction>('push');
  const [dryRun, setDryRun] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({ peers, direction, dryRun });
  }

  return (
    <form
      className="item-form broadcast-form"
      onSubmit={submit}
      aria-label="Sync to selected peers"
    >
      <h2>Sync to selected peers</h2>
      <p>
        {peers.length === 1 ? 'Peer' : 'Peers'}: <strong>{peers.join(', ')}</strong>. Each gets a
        job of its own; one that is down or refuses fails alone.
      </p>
      <div className="form-grid">
        <SelectField path="selection" label="What" value="all" disabled>
          <option value="all">Everything</option>
        </SelectField>
        <SelectField
          path="direction"
          label="Direction"
          value={direction}
          onChange={(event) => setDirection(event.target.value as Direction)}
        >
          {DIRECTION_IDS.map((id) => (
            <option key={id} value={id}>
              {DIRECTIONS[id].label}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxField
        path="dry_run"
        label="Dry run (preview: change nothing)"
        checked={dryRun}
        onChange={(event) => setDryRun(event.target.checked)}
      />
      {error && (
        <Alert title="Not started">
          {error.fieldErrors.length > 0 ? (
            <ul>
              {error.fieldErrors.map((fieldError) => (
                <li key={`${fieldError.field}:${fieldError.message}`}>
                  {fieldError.field}: {fieldError.message}
                </li>
              ))}
            </ul>
          ) : (
            <p>{error.detail}</p>
          )}
        </Alert>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Starting…' : 'Start sync'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
