import type { JobView } from '../../api/types';

/** The server a job synced with, as the job names it; a job saved without one says so. */
export function JobRemote({ job, withUrl = false }: { job: JobView; withUrl?: boolean }) {
  const remote = job.remote;
  if (!remote) return <span className="muted">not known</span>;
  return (
    <span title={remote.url}>
      {remote.name}
      {withUrl && <span className="muted"> ({remote.url})</span>}
    </span>
  );
}

/** The remote's name for sentences, or "the remote" when the job does not name it. */
export function remoteNameOf(job: JobView): string {
  return job.remote?.name ?? 'the remote';
}
