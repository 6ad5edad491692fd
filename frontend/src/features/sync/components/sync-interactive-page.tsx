// /sync/interactive, the seed's web flow: enter the remote, connect and
// compare, review the differences, select, preview or start the sync, and
// follow it live.
import { useState } from 'react';
import { LoadingState, ErrorState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';
import { usePeers } from '../api/peers';
import { useCreateSession } from '../api/sessions';
import { useSyncSettings } from '../api/sync-settings';
import { ConnectForm } from './connect-form';
import { SyncWorkspace } from './sync-workspace';

export function SyncInteractivePage() {
  useDocumentTitle('Sync');
  const settings = useSyncSettings();
  const connect = useCreateSession();
  // Peers are a convenience: if they cannot be read, the form still takes a URL.
  const peers = usePeers();
  const [recompared, setRecompared] = useState(false);
  const localName = settings.data?.server?.name ?? 'this server';

  return (
    <section className="page sync-page">
      <h1>Live Sync</h1>
      <p className="lead">
        Compare <strong>{localName}</strong> with another server, pick what to send, and push this
        server’s version of it to the other one.
      </p>
      {settings.isPending ? (
        <LoadingState label="Loading the sync settings…" />
      ) : settings.isError ? (
        <ErrorState
          problem={settings.error}
          what="the sync settings"
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <>
          {settings.data.enabled === false && (
            <p className="note">Sync is turned off on this server; connecting will be refused.</p>
          )}
          <ConnectForm
            defaultUrl={settings.data.default_remote_url ?? ''}
            ownPasswordSet={settings.data.sync_password_set !== false}
            peers={peers.data}
            pending={connect.isPending}
            error={connect.error}
            onConnect={(request) => {
              setRecompared(false);
              connect.mutate(request);
            }}
          />
        </>
      )}
      {connect.isPending && <LoadingState label="Connecting and comparing the inventories…" />}
      {connect.data && !connect.isPending && (
        <SyncWorkspace
          key={connect.data.session_id}
          session={connect.data}
          localName={localName}
          localVersion={settings.data?.version}
          comparing={connect.isPending}
          recompared={recompared}
          onCompareAgain={() => {
            if (!connect.variables) return;
            setRecompared(true);
            connect.mutate(connect.variables);
          }}
        />
      )}
    </section>
  );
}
