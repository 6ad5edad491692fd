// Adding a peer, or editing one: its URL, an optional pinned certificate and an
// optional sync password of its own. Editing, an empty password keeps the
// stored one; "Remove the stored password" sends "" to remove it.
import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';
import { CheckboxField, TextField } from '@/components/ui/field';
import type { PeerSettings } from '../../api/peers';
import type { Peer } from '../../api/types';

/** The fields the peer API names in its 400 problems. */
const FIELDS = ['name', 'url', 'fingerprint', 'password'] as const;

export interface PeerFormValues extends PeerSettings {
  name: string;
}

interface PeerFormProps {
  /** The peer being edited; none when adding one. */
  editing?: Peer;
  pending: boolean;
  error: ApiProblem | null;
  onSubmit: (values: PeerFormValues) => void;
  onCancel: () => void;
}

export function PeerForm({ editing, pending, error, onSubmit, onCancel }: PeerFormProps) {
  const [name, setName] = useState(editing?.name ?? '');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [fingerprint, setFingerprint] = useState(editing?.fingerprint ?? '');
  // Kept only in this form's state: never stored in the page, never shown back.
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);

  const fieldError = (field: string) =>
    error?.fieldErrors
      .filter((candidate) => candidate.field === field)
      .map((candidate) => candidate.message)
      .join('; ') || undefined;
  const otherError = error && !FIELDS.some((field) => fieldError(field));

  function submit(event: FormEvent) {
    event.preventDefault();
    let sent: string | undefined;
    if (editing) sent = removePassword ? '' : password || undefined;
    else sent = password || undefined;
    onSubmit({ name: editing?.name ?? name, url, fingerprint, password: sent });
  }

  const title = editing ? `Edit peer ${editing.name}` : 'Add a peer';
  return (
    <form className="item-form peer-form" onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <div className="form-grid">
        {!editing && (
          <TextField
            path="name"
            label="Name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="production-eu"
            autoComplete="off"
            spellCheck={false}
            required
            error={fieldError('name')}
            hint="Lower-case letters, digits and hyphens; how the sync page and the CLI pick it."
          />
        )}
        <TextField
          path="url"
          label="URL"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder="https://server2:5000"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          required
          error={fieldError('url')}
        />
        <TextField
          path="fingerprint"
          label="Certificate fingerprint (optional)"
          value={fingerprint}
          onChange={(event) => setFingerprint(event.target.value)}
          placeholder="AB:CD:…"
          autoComplete="off"
          spellCheck={false}
          error={fieldError('fingerprint')}
          hint={
            editing
              ? 'For an https:// peer: the SHA-256 of its certificate. Empty: no pin, the usual trust.'
              : 'For an https:// peer: the SHA-256 of its certificate. Only that certificate is then accepted, even self-signed.'
          }
        />
        <TextField
          path="password"
          label="Sync password (optional)"
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="new-password"
          disabled={removePassword}
          error={fieldError('password')}
          hint={
            editing
              ? editing.has_password
                ? 'A password is stored. Leave this empty to keep it.'
                : "No password is stored: sessions use this server's SYNC_PASSWORD. Enter the peer's to store one."
              : "The peer's SYNC_PASSWORD, when it is not this server's. Stored encrypted, never shown again."
          }
        />
      </div>
      {editing?.has_password && (
        <CheckboxField
          path="remove_password"
          label="Remove the stored password (use this server's SYNC_PASSWORD)"
          checked={removePassword}
          onChange={(event) => {
            setRemovePassword(event.target.checked);
            if (event.target.checked) setPassword('');
          }}
        />
      )}
      {otherError && (
        <Alert title={error.status === 409 ? 'Not saved: conflict' : 'Not saved'}>
          <p>{error.detail}</p>
        </Alert>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Saving…' : editing ? 'Save peer' : 'Add peer'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
