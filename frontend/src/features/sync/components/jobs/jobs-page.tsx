// /jobs: the sync jobs this server ran or runs, newest first, a page at a time
// and filtered by status, direction and remote; each opens to its live
// progress or result. A running job can be cancelled from its row.
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';
import { DateTime } from '@/components/ui/date-time';
import { Pagination } from '@/components/ui/pagination';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { PAGE_SIZE } from '@/config/paging';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useJobs } from '../../api/jobs';
import type { JobView } from '../../api/types';
import { useJobsParams } from '../../hooks/use-jobs-params';
import {
  DIRECTIONS,
  isInterrupted,
  jobStatusBadge,
  jobCounts,
  jobDuration,
  jobsTotalText,
} from '../../utils/job-list';
import { CancelJobButton } from './cancel-job-button';
import { JobRemote } from './job-remote';
import { JobsFilters } from './jobs-filters';

const HEADERS = ['Job', 'Started', 'Status', 'Direction', 'Remote', 'Started by', 'Result', 'Took'];

export function JobsPage() {
  useDocumentTitle('Jobs');
  const params = useJobsParams();
  const { page, status, direction, remote } = params;
  const jobs = useJobs({
    page,
    size: PAGE_SIZE,
    ...(status ? { status } : {}),
    ...(direction ? { direction } : {}),
    ...(remote ? { remote } : {}),
  });
  const filtered = Boolean(status || direction || remote);
  const [cancelRefused, setCancelRefused] = useState<ApiProblem | null>(null);

  return (
    <section className="page jobs-page">
      <h1>Jobs</h1>
      <p className="lead">
        The sync jobs started on this server, newest first: running ones live, ended ones with their
        result, kept across restarts. Open a job for its progress, its result, and the history
        entries it made.
      </p>
      <JobsFilters params={params} />
      {cancelRefused && (
        <Alert title="Not cancelled">
          <p>{cancelRefused.detail}</p>
        </Alert>
      )}
      {jobs.isPending ? (
        <LoadingState label="Loading the jobs…" />
      ) : jobs.isError ? (
        <ErrorState problem={jobs.error} what="the jobs" onRetry={() => void jobs.refetch()} />
      ) : jobs.data.total === 0 ? (
        <EmptyState>
          {filtered ? (
            <p>No job matches these filters.</p>
          ) : (
            <p>
              No job yet. Start one on the <Link to="/sync/interactive">sync page</Link>.
            </p>
          )}
        </EmptyState>
      ) : (
        <>
          <p className="list-total" data-testid="jobs-total">
            {jobsTotalText(jobs.data.total, filtered)}
          </p>
          {jobs.data.items.length > 0 ? (
            <JobsTable
              jobs={jobs.data.items}
              busy={jobs.isPlaceholderData}
              onCancelAsk={() => setCancelRefused(null)}
              onCancelRefused={setCancelRefused}
            />
          ) : (
            <EmptyState>
              <p>No job on this page.</p>
            </EmptyState>
          )}
          <Pagination
            page={page}
            size={PAGE_SIZE}
            total={jobs.data.total}
            onPageChange={params.setPage}
          />
        </>
      )}
    </section>
  );
}

interface JobsTableProps {
  jobs: JobView[];
  busy: boolean;
  onCancelAsk: () => void;
  onCancelRefused: (problem: ApiProblem) => void;
}

function JobsTable({ jobs, busy, onCancelAsk, onCancelRefused }: JobsTableProps) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="item-table jobs-table" role="table">
        <caption className="visually-hidden">Jobs, newest first</caption>
        <thead role="rowgroup">
          <tr role="row">
            {HEADERS.map((header) => (
              <th key={header} scope="col" role="columnheader">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {jobs.map((job) => (
            <tr key={job.job_id} role="row" data-status={job.status}>
              <td role="cell" data-label="Job">
                <Link
                  to={`/jobs/${encodeURIComponent(job.job_id)}`}
                  title={job.job_id}
                  aria-label={`Open job ${job.job_id.slice(0, 8)}`}
                >
                  <code>{job.job_id.slice(0, 8)}</code>
                </Link>
              </td>
              <td role="cell" data-label="Started">
                <DateTime iso={job.started_at} />
              </td>
              <td role="cell" data-label="Status">
                <JobStatusBadge job={job} />
                {job.status === 'running' && (
                  <>
                    {' '}
                    <CancelJobButton
                      jobId={job.job_id}
                      className="button button-danger button-small"
                      onAsk={onCancelAsk}
                      onRefused={onCancelRefused}
                    />
                  </>
                )}
              </td>
              <td role="cell" data-label="Direction">
                <span aria-hidden="true">{DIRECTIONS[job.direction].icon} </span>
                {DIRECTIONS[job.direction].label}
                {job.dry_run && <span className="muted"> (preview)</span>}
              </td>
              <td role="cell" data-label="Remote">
                <JobRemote job={job} />
              </td>
              <td role="cell" data-label="Started by">
                {job.started_by ?? <span className="muted">not known</span>}
              </td>
              <td role="cell" data-label="Result">
                {isInterrupted(job) ? (
                  <span className="job-interrupted" title={job.problem?.detail}>
                    {jobCounts(job)}
                  </span>
                ) : (
                  jobCounts(job)
                )}
              </td>
              <td role="cell" data-label="Took">
                {jobDuration(job)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function JobStatusBadge({ job }: { job: JobView }) {
  const { icon, text, tone } = jobStatusBadge(job);
  return (
    <span className="job-status" data-status={tone}>
      <span aria-hidden="true">{icon} </span>
      {text}
    </span>
  );
}
