// Creating a schedule, or editing one: its cron, the registered peers it runs
// with, what it syncs (kinds, whole or by key), which way, who wins a conflict,
// and whether a run applies when its compare finds conflicts. The server's
// field errors land under the control they name; the rest in an alert.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import type { ScheduleSettings } from '../../api/schedules';
import type { AnyConflictPolicy, Direction, Schedule, ScheduleApply } from '../../api/types';
import { KINDS } from '../../utils/comparison';
import { DIRECTIONS, DIRECTION_IDS, isDirection } from '../../utils/job-list';
import {
  APPLY,
  APPLY_IDS,
  CONFLICT_POLICIES,
  CONFLICT_POLICY_IDS,
  EVERYTHING,
  isApply,
  isConflictPolicy,
  picksOf,
  selectionOf,
  type KindPicks,
} from '../../utils/schedule-words';
import { KindPickField } from './kind-pick-field';

/** The fields the schedule API names in its 400 problems; `selection.*` goes with selection. */
const FIELDS = ['name', 'cron', 'peers', 'selection', 'direction', 'conflict_policy', 'apply'];

export interface ScheduleFormValues extends ScheduleSettings {
  name: string;
}

interface ScheduleFormProps {
  /** The schedule being edited; none when creating one. */
  editing?: Schedule;
  /** The registered peers' names, to pick from. */
  peers: string[];
  pending: boolean;
  error: ApiProblem | null;
  onSubmit: (values: ScheduleFormValues) => void;
  onCancel: () => void;
}

function belongsTo(path: string, field: string) {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

export function ScheduleForm({
  editing,
  peers,
  pending,
  error,
  onSubmit,
  onCancel,
}: ScheduleFormProps) {
  const [name, setName] = useState(editing?.name ?? '');
  const [cron, setCron] = useState(editing?.cron ?? '');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set(editing?.peers ?? []));
  const [kinds, setKinds] = useState<KindPicks>(editing ? picksOf(editing.selection) : EVERYTHING);
  // The view's words are plain strings: one the form does not know falls back to the default.
  const [direction, setDirection] = useState<Direction>(() => {
    const stored = editing?.direction;
    return isDirection(stored) ? stored : 'push';
  });
  const [conflictPolicy, setConflictPolicy] = useState<AnyConflictPolicy>(() => {
    const stored = editing?.conflict_policy;
    return isConflictPolicy(stored) ? stored : 'manual';
  });
  const [apply, setApply] = useState<ScheduleApply>(() => {
    const stored = editing?.apply;
    return isApply(stored) ? stored : 'always';
  });

  const fieldError = (field: string) =>
    error?.fieldErrors
      .filter((candidate) => belongsTo(candidate.field, field))
      .map((candidate) =>
        candidate.field === field ? candidate.message : `${candidate.field}: ${candidate.message}`,
      )
      .join('; ') || undefined;
  const otherErrors =
    error?.fieldErrors.filter(
      (candidate) => !FIELDS.some((field) => belongsTo(candidate.field, field)),
    ) ?? [];
  const showAlert = error && (error.fieldErrors.length === 0 || otherErrors.length > 0);

  // Peers picked earlier but deleted since stay listed, so the operator sees them go.
  const choices = [...peers, ...[...picked].filter((peer) => !peers.includes(peer))];

  function togglePeer(peer: string, on: boolean) {
    setPicked((before) => {
      const next = new Set(before);
      if (on) next.add(peer);
      else next.delete(peer);
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({
      name: editing?.name ?? name,
      cron,
      peers: choices.filter((peer) => picked.has(peer)),
      selection: selectionOf(kinds),
      direction,
      conflictPolicy,
      apply,
    });
  }

  const title = editing ? `Edit schedule ${editing.name}` : 'New schedule';
  const peersError = fieldError('peers');
  const selectionError = fieldError('selection');
  return (
    <form className="item-form schedule-form" onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <div className="form-grid">
        {!editing && (
          <TextField
            path="name"
            label="Name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="nightly-eu"
            autoComplete="off"
            spellCheck={false}
            required
            error={fieldError('name')}
            hint="Lower-case letters, digits and hyphens."
          />
        )}
        <TextField
          path="cron"
          label="Cron"
          value={cron}
          onChange={(event) => setCron(event.target.value)}
          placeholder="0 0 2 * * *"
          autoComplete="off"
          spellCheck={false}
          required
          error={fieldError('cron')}
          hint={
            <>
              In UTC: six fields from seconds (<code>*/30 * * * * *</code>: every 30 seconds), five
              from minutes (<code>0 2 * * *</code>: at 02:00), or a macro such as{' '}
              <code>@hourly</code>. The next five runs show once it is saved.
            </>
          }
        />
        <SelectField
          path="direction"
          label="Direction"
          value={direction}
          error={fieldError('direction')}
          onChange={(event) => setDirection(event.target.value as Direction)}
        >
          {DIRECTION_IDS.map((id) => (
            <option key={id} value={id}>
              {DIRECTIONS[id].label}
            </option>
          ))}
        </SelectField>
        <SelectField
          path="conflict_policy"
          label="Conflicts"
          value={conflictPolicy}
          error={fieldError('conflict_policy')}
          onChange={(event) => setConflictPolicy(event.target.value as AnyConflictPolicy)}
        >
          {CONFLICT_POLICY_IDS.map((id) => (
            <option key={id} value={id}>
              {CONFLICT_POLICIES[id]}
            </option>
          ))}
        </SelectField>
        <SelectField
          path="apply"
          label="Apply"
          value={apply}
          error={fieldError('apply')}
          hint={APPLY[apply].hint}
          onChange={(event) => setApply(event.target.value as ScheduleApply)}
        >
          {APPLY_IDS.map((id) => (
            <option key={id} value={id}>
              {APPLY[id].label}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset
        className="form-section"
        aria-describedby={peersError ? 'schedule-peers-error' : undefined}
      >
        <legend>Peers</legend>
        {choices.length === 0 ? (
          <p className="field-hint">
            No peer is registered yet: add one on the <Link to="/sync/peers">Peers page</Link>{' '}
            first.
          </p>
        ) : (
          choices.map((peer) => (
            <CheckboxField
              key={peer}
              path={`peers.${peer}`}
              label={peers.includes(peer) ? peer : `${peer} (not registered any more)`}
              checked={picked.has(peer)}
              onChange={(event) => togglePeer(peer, event.target.checked)}
            />
          ))
        )}
        {peersError && (
          <p id="schedule-peers-error" className="field-error">
            {peersError}
          </p>
        )}
      </fieldset>
      <fieldset
        className="form-section"
        aria-describedby={selectionError ? 'schedule-selection-error' : undefined}
      >
        <legend>What</legend>
        <p className="field-hint">
          The kinds each run syncs. Keys (comma-separated) narrow a kind to those items; none takes
          all of it. Nothing else is touched.
        </p>
        {KINDS.map((kind) => (
          <KindPickField
            key={kind.id}
            kind={kind}
            pick={kinds[kind.id]}
            onChange={(pick) => setKinds({ ...kinds, [kind.id]: pick })}
          />
        ))}
        {selectionError && (
          <p id="schedule-selection-error" className="field-error">
            {selectionError}
          </p>
        )}
      </fieldset>
      {showAlert && (
        <Alert title={error.status === 409 ? 'Not saved: conflict' : 'Not saved'}>
          {otherErrors.length > 0 ? (
            <ul>
              {otherErrors.map((other) => (
                <li key={`${other.field}:${other.message}`}>
                  {other.field}: {other.message}
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
          {pending ? 'Saving…' : editing ? 'Save schedule' : 'Create schedule'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
