// /sync/peers: the registered remotes, which the sync page and the CLI pick by
// name; add, edit and delete them. Each row says how the last contact found
// the peer, whether the next compare can be incremental, and its last job.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useStartBroadcast, type StartBroadcastRequest } from '../../api/broadcasts';
import { useCreatePeer, useDeletePeer, usePeers, useUpdatePeer } from '../../api/peers';
import type { Peer } from '../../api/types';
import { BroadcastForm } from './broadcast-form';
import { PeerForm, type PeerFormValues } from './peer-form';
import { PeersTable } from './peers-table';

type FormState = { mode: 'add' } | { mode: 'edit'; peer: Peer } | null;

export function PeersPage() {
  useDocumentTitle('Peers');
  const peers = usePeers();
  const create = useCreatePeer();
  const update = useUpdatePeer();
  const remove = useDeletePeer();
  const [form, setForm] = useState<FormState>(null);
  const [pendingDelete, setPendingDelete] = useState<Peer | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const startBroadcast = useStartBroadcast();
  const navigate = useNavigate();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [broadcasting, setBroadcasting] = useState(false);
  // Only peers still listed count: a deleted one drops out of the pick.
  const selected = (peers.data ?? []).map((peer) => peer.name).filter((name) => picked.has(name));

  function toggle(name: string, on: boolean) {
    setPicked((before) => {
      const next = new Set(before);
      if (on) next.add(name);
      else next.delete(name);
      return next;
    });
  }

  function broadcast(request: StartBroadcastRequest) {
    startBroadcast.mutate(request, {
      onSuccess: (started) =>
        void navigate(`/sync/broadcasts/${encodeURIComponent(started.broadcast_id)}`),
    });
  }

  // A deleted row or a closed form took the focused control with it.
  useEffect(() => {
    if (status) heading.current?.focus();
  }, [status]);

  function openForm(next: FormState) {
    create.reset();
    update.reset();
    setStatus(null);
    setForm(next);
  }

  function save(values: PeerFormValues) {
    const mutation = form?.mode === 'edit' ? update : create;
    mutation.mutate(values, {
      onSuccess: (saved) => {
        setForm(null);
        setStatus(`Peer ${saved.name} ${form?.mode === 'edit' ? 'saved' : 'added'}.`);
      },
    });
  }

  async function confirmDelete() {
    if (!pendingDelete) return;
    try {
      await remove.mutateAsync(pendingDelete.name);
      if (form?.mode === 'edit' && form.peer.name === pendingDelete.name) setForm(null);
      setStatus(`Peer ${pendingDelete.name} deleted.`);
      setPendingDelete(null);
    } catch {
      // remove.error is shown in the dialog, which stays open.
    }
  }

  return (
    <section className="page peers-page">
      <div className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          Peers
        </h1>
        {form?.mode !== 'add' && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => openForm({ mode: 'add' })}
          >
            Add peer
          </button>
        )}
      </div>
      <p className="lead">
        The servers this one syncs with, registered by name: the{' '}
        <Link to="/sync/interactive">sync page</Link> and the CLI connect to a peer by its name,
        with its URL, pinned certificate and sync password.
      </p>
      {/* Always in the page, so screen readers announce what appears in it later. */}
      <div role="status">{status && <p className="status">{status}</p>}</div>
      {form && (
        <PeerForm
          key={form.mode === 'edit' ? `edit-${form.peer.name}` : 'add'}
          editing={form.mode === 'edit' ? form.peer : undefined}
          pending={form.mode === 'edit' ? update.isPending : create.isPending}
          error={form.mode === 'edit' ? update.error : create.error}
          onSubmit={save}
          onCancel={() => setForm(null)}
        />
      )}
      {selected.length > 0 && !broadcasting && (
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              startBroadcast.reset();
              setBroadcasting(true);
            }}
          >
            Sync to selected peers ({selected.length})
          </button>
        </div>
      )}
      {broadcasting && selected.length > 0 && (
        <BroadcastForm
          peers={selected}
          pending={startBroadcast.isPending}
          error={startBroadcast.error}
          onSubmit={broadcast}
          onCancel={() => setBroadcasting(false)}
        />
      )}
      {peers.isPending ? (
        <LoadingState label="Loading the peers…" />
      ) : peers.isError ? (
        <ErrorState problem={peers.error} what="the peers" onRetry={() => void peers.refetch()} />
      ) : peers.data.length === 0 ? (
        <EmptyState>
          <p>No peer yet. Add one to connect to it by name; the sync page also takes any URL.</p>
        </EmptyState>
      ) : (
        <PeersTable
          peers={peers.data}
          busy={peers.isFetching}
          selected={new Set(selected)}
          onToggle={toggle}
          onEdit={(peer) => openForm({ mode: 'edit', peer })}
          onDelete={(peer) => {
            remove.reset();
            setPendingDelete(peer);
          }}
        />
      )}
      {pendingDelete && (
        <ConfirmDialog
          title={`Delete peer ${pendingDelete.name}?`}
          confirmLabel="Delete"
          busy={remove.isPending}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setPendingDelete(null)}
        >
          <p>
            This forgets peer <strong>{pendingDelete.name}</strong> and its stored password. Its
            jobs, history and replication state stay; sessions can still reach its URL directly.
          </p>
          {remove.error && (
            <Alert title="Not deleted">
              <p>{remove.error.detail}</p>
            </Alert>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
