// /jobs/:id: one job, followed live from its event stream while it runs (the
// sync page's panel), or its result once it ended, and where its changes were
// recorded. A running job can be cancelled from here.
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';
import { DateTime } from '@/components/ui/date-time';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useJob, useRefreshJobs } from '../../api/jobs';
import { useSyncSettings } from '../../api/sync-settings';
import type { JobView } from '../../api/types';
import { useJobEvents } from '../../hooks/use-job-events';
import {
  DIRECTIONS,
  INTERRUPTED_REASON,
  isCancelled,
  isInterrupted,
  jobDuration,
  jobStatusText,
  needsAttention,
  recordsHere,
  recordsOnRemote,
} from '../../utils/job-list';
import { JobPanel } from '../job-panel';
import { CancelJobButton } from './cancel-job-button';
import { JobRemote, remoteNameOf } from './job-remote';

export function JobPage() {
  const { id = '' } = useParams();
  const job = useJob(id);
  useDocumentTitle(`Job ${id.slice(0, 8)}`);
  return (
    <section className="page job-page">
      <p className="breadcrumb">
        <Link to="/jobs">← Jobs</Link>
      </p>
      <h1>
        Job <code>{id.slice(0, 8)}</code>
      </h1>
      {job.isPending ? (
        <LoadingState label="Loading the job…" />
      ) : job.isError ? (
        <ErrorState problem={job.error} what="the job" onRetry={() => void job.refetch()} />
      ) : (
        <JobDetail job={job.data} />
      )}
    </section>
  );
}

function JobDetail({ job }: { job: JobView }) {
  const remoteName = remoteNameOf(job);
  const localName = useSyncSettings().data?.server?.name ?? 'this server';
  const events = useJobEvents(job.job_id);
  const [cancelRefused, setCancelRefused] = useState<ApiProblem | null>(null);
  const streamEnded = events.status === 'completed' || events.status === 'failed';
  const running = job.status === 'running' && !streamEnded;
  const refreshJobs = useRefreshJobs();
  // The stream tells the end first: read the job again for its facts, without waiting for the poll.
  useEffect(() => {
    if (streamEnded && job.status === 'running') void refreshJobs();
  }, [streamEnded, job.status, refreshJobs]);
  return (
    <>
      {cancelRefused && (
        <Alert title="Not cancelled">
          <p>{cancelRefused.detail}</p>
        </Alert>
      )}
      {running && (
        <div className="job-actions">
          <CancelJobButton
            jobId={job.job_id}
            onAsk={() => setCancelRefused(null)}
            onRefused={setCancelRefused}
          />
        </div>
      )}
      <dl className="facts" data-testid="job-facts">
        <div>
          <dt>Status</dt>
          <dd>{jobStatusText(job)}</dd>
        </div>
        {needsAttention(job) && job.problem ? (
          <div>
            <dt>Why it needs attention</dt>
            <dd className="job-needs-attention">{job.problem.detail ?? job.problem.title}</dd>
          </div>
        ) : isCancelled(job) && job.problem ? (
          <div>
            <dt>How it ended</dt>
            <dd className="job-cancelled">{job.problem.detail ?? job.problem.title}</dd>
          </div>
        ) : (
          job.status === 'failed' &&
          job.problem && (
            <div>
              <dt>Why it failed</dt>
              <dd className={isInterrupted(job) ? 'job-interrupted' : undefined}>
                {isInterrupted(job)
                  ? INTERRUPTED_REASON
                  : (job.problem.detail ?? job.problem.title)}
              </dd>
            </div>
          )
        )}
        <div>
          <dt>Direction</dt>
          <dd>
            {DIRECTIONS[job.direction].sentence(remoteName)}
            {job.dry_run && ' (preview: a dry run)'}
          </dd>
        </div>
        <div>
          <dt>Remote</dt>
          <dd>
            <JobRemote job={job} withUrl />
          </dd>
        </div>
        <div>
          <dt>Started by</dt>
          <dd>{job.started_by ?? <span className="muted">not known</span>}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <DateTime iso={job.started_at} />
          </dd>
        </div>
        <div>
          <dt>Took</dt>
          <dd>{jobDuration(job)}</dd>
        </div>
        {job.compare && (
          <div>
            <dt>Compared</dt>
            <dd>
              {job.compare.mode}
              {job.compare.reason && <span className="muted"> ({job.compare.reason})</span>}
            </dd>
          </div>
        )}
      </dl>
      <JobHistory job={job} remoteName={remoteName} />
      <JobPanel
        job={events}
        dryRun={job.dry_run}
        remoteName={remoteName}
        localName={localName}
        direction={job.direction}
        comparing={false}
        focusOnMount={false}
      />
    </>
  );
}

/** Where the job's changes are recorded: what it pulled here, what it pushed on the remote. */
function JobHistory({ job, remoteName }: { job: JobView; remoteName: string }) {
  if (job.dry_run)
    return <p className="muted">A preview changes nothing, so it left no history entry.</p>;
  return (
    <ul className="job-history" aria-label="History of this job">
      {recordsHere(job) && (
        <li>
          <Link to={`/history?job=${encodeURIComponent(job.job_id)}`}>
            History entries of this job on this server
          </Link>{' '}
          <span className="muted">(what it pulled here)</span>
        </li>
      )}
      {recordsOnRemote(job) && (
        <li>
          What it pushed is recorded in the history of {remoteName}, under this job’s id{' '}
          <code>{job.job_id}</code>.
        </li>
      )}
    </ul>
  );
}
