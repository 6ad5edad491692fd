import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import type { ConnectRequest } from '../api/sessions';

/** What to try next for each way a connection fails; the problem's detail says what happened. */
const ADVICE: Record<string, string> = {
  'remote-unreachable': 'Is the remote running, and are the scheme, host and port right?',
  'remote-timeout': 'The remote did not answer in time; check the address and the network.',
  'remote-tls':
    "Check the scheme (http or https) and the remote's certificate: this server trusts it through SYNC_TRUST_CA_FILE, or when you pin its fingerprint below.",
  'remote-not-live-sync': 'Something answers there, but not an Orchestrator Live Sync server.',
  'remote-rejected-password': "Enter the remote's sync password (its SYNC_PASSWORD).",
};

interface ConnectFormProps {
  defaultUrl: string;
  /** Whether this server has a SYNC_PASSWORD to use when the field is left empty. */
  ownPasswordSet: boolean;
  pending: boolean;
  error: ApiProblem | null;
  onConnect: (request: ConnectRequest) => void;
}

export function ConnectForm({
  defaultUrl,
  ownPasswordSet,
  pending,
  error,
  onConnect,
}: ConnectFormProps) {
  const [remoteUrl, setRemoteUrl] = useState(defaultUrl);
  // Kept only in this form's state while the page is open: never stored, never shown back.
  const [password, setPassword] = useState('');
  const [remoteFingerprint, setRemoteFingerprint] = useState('');
  const fieldError = (field: string) =>
    error?.fieldErrors.find((candidate) => candidate.field === field)?.message;
  const otherError =
    error &&
    !fieldError('remote_url') &&
    !fieldError('password') &&
    !fieldError('remote_fingerprint');

  function submit(event: FormEvent) {
    event.preventDefault();
    onConnect({ remoteUrl, password, remoteFingerprint });
  }

  return (
    <form className="connect-form" onSubmit={submit} aria-label="Connect to a remote server">
      <div className="form-grid">
        <TextField
          path="remote_url"
          label="Remote server URL"
          value={remoteUrl}
          onChange={(event) => setRemoteUrl(event.target.value)}
          placeholder="https://server2:5000"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          required
          error={fieldError('remote_url')}
        />
        <TextField
          path="password"
          label="Sync password (optional)"
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="off"
          error={fieldError('password')}
          hint={
            ownPasswordSet
              ? "The remote's SYNC_PASSWORD. Leave it empty when both servers share this server's."
              : "The remote's SYNC_PASSWORD: this server has none of its own to use."
          }
        />
        <TextField
          path="remote_fingerprint"
          label="Certificate fingerprint (optional)"
          value={remoteFingerprint}
          onChange={(event) => setRemoteFingerprint(event.target.value)}
          placeholder="AB:CD:…"
          autoComplete="off"
          spellCheck={false}
          error={fieldError('remote_fingerprint')}
          hint="For an https:// remote: the SHA-256 of its certificate. Only that certificate is then accepted, even self-signed."
        />
      </div>
      {otherError && (
        <Alert title="Could not connect">
          <p>{error.detail}</p>
          {ADVICE[error.code] && <p>{ADVICE[error.code]}</p>}
        </Alert>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? 'Connecting…' : 'Connect & Compare'}
        </button>
      </div>
    </form>
  );
}
