import { useSessionRemote } from '../../api/sessions';

/** The job's remote, read from its session while the server still has that. */
export function JobRemote({
  sessionId,
  withUrl = false,
}: {
  sessionId: string;
  withUrl?: boolean;
}) {
  const remote = useSessionRemote(sessionId);
  if (remote.isPending) return <span className="muted">…</span>;
  if (remote.isError)
    return (
      <span className="muted" title={remote.error.detail}>
        not known (its session ended)
      </span>
    );
  return (
    <span title={remote.data.url}>
      {remote.data.name}
      {withUrl && <span className="muted"> ({remote.data.url})</span>}
    </span>
  );
}

/** The remote's name for sentences, or "the remote" while it is not known. */
export function useRemoteName(sessionId: string): string {
  return useSessionRemote(sessionId).data?.name ?? 'the remote';
}
