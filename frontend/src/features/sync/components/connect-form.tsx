import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';
import { SelectField, TextField } from '@/components/ui/field';
import type { ConnectRequest } from '../api/sessions';
import type { Peer } from '../api/types';

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
  /** The registered peers to pick from by name; none, and the form takes a URL only. */
  peers?: Peer[];
  pending: boolean;
  error: ApiProblem | null;
  onConnect: (request: ConnectRequest) => void;
}

export function ConnectForm({
  defaultUrl,
  ownPasswordSet,
  peers = [],
  pending,
  error,
  onConnect,
}: ConnectFormProps) {
  const [peerName, setPeerName] = useState('');
  const [remoteUrl, setRemoteUrl] = useState(defaultUrl);
  const peer = peers.find((candidate) => candidate.name === peerName);
  // Kept only in this form's state while the page is open: never stored, never shown back.
  const [password, setPassword] = useState('');
  const [remoteFingerprint, setRemoteFingerprint] = useState('');
  const fieldError = (field: string) =>
    error?.fieldErrors.find((candidate) => candidate.field === field)?.message;
  const otherError =
    error &&
    !fieldError('peer') &&
    !fieldError('remote_url') &&
    !fieldError('password') &&
    !fieldError('remote_fingerprint');

  function submit(event: FormEvent) {
    event.preventDefault();
    onConnect(
      peer
        ? { peer: peer.name, remoteUrl: '', password, remoteFingerprint }
        : { remoteUrl, password, remoteFingerprint },
    );
  }

  return (
    <form className="connect-form" onSubmit={submit} aria-label="Connect to a remote server">
      <div className="form-grid">
        {peers.length > 0 && (
          <SelectField
            path="peer"
            label="Registered peer"
            value={peerName}
            onChange={(event) => setPeerName(event.target.value)}
            error={fieldError('peer')}
            hint={
              peer ? (
                <>
                  Connects to <code>{peer.url}</code> with its stored settings.
                </>
              ) : (
                'Pick a peer by name, or type a URL.'
              )
            }
          >
            <option value="">None: type a URL</option>
            {peers.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.name} ({candidate.url})
              </option>
            ))}
          </SelectField>
        )}
        {!peer && (
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
        )}
        <TextField
          path="password"
          label="Sync password (optional)"
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="off"
          error={fieldError('password')}
          hint={
            peer
              ? peer.has_password
                ? "Overrides the peer's stored password; empty uses the stored one."
                : "Empty uses this server's SYNC_PASSWORD (no password is stored for the peer)."
              : ownPasswordSet
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
          hint={
            peer
              ? peer.fingerprint
                ? "Overrides the peer's pinned certificate; empty uses its pin."
                : 'For an https:// peer: the SHA-256 of its certificate. None is pinned for it.'
              : 'For an https:// remote: the SHA-256 of its certificate. Only that certificate is then accepted, even self-signed.'
          }
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
