import type { RemoteServer } from '../api/types';

/** Who the comparison is with, so the operator knows which server a sync will change. */
export function RemoteServerInfo({
  remote,
  localVersion,
}: {
  remote: RemoteServer;
  localVersion?: string;
}) {
  const versionsDiffer = localVersion && remote.version && localVersion !== remote.version;
  return (
    <div className="remote-server" data-testid="remote-server">
      <p>
        Connected to <strong>{remote.name}</strong> at <code>{remote.url}</code>
      </p>
      <dl className="remote-facts">
        <div>
          <dt>Version</dt>
          <dd>{remote.version ?? 'unknown'}</dd>
        </div>
        <div>
          <dt>Server id</dt>
          <dd>
            <code>{remote.server_id}</code>
          </dd>
        </div>
      </dl>
      {versionsDiffer && (
        <p className="note">
          This server runs version {localVersion}; both should run the same version to sync.
        </p>
      )}
    </div>
  );
}
