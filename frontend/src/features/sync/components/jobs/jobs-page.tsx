// /jobs: the sync jobs this server ran or runs, newest first, each opening to
// its live progress or result.
import { Link, useSearchParams } from 'react-router';
import { DateTime } from '@/components/ui/date-time';
import { Pagination } from '@/components/ui/pagination';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { PAGE_SIZE } from '@/config/paging';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useJobs } from '../../api/jobs';
import type { JobView } from '../../api/types';
import {
  DIRECTIONS,
  JOB_STATUSES,
  jobCounts,
  jobDuration,
  jobStatusText,
} from '../../utils/job-list';
import { JobRemote } from './job-remote';

const HEADERS = ['Job', 'Started', 'Status', 'Direction', 'Remote', 'Started by', 'Result', 'Took'];

export function JobsPage() {
  useDocumentTitle('Jobs');
  const jobs = useJobs();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, (Number.parseInt(params.get('page') ?? '1', 10) || 1) - 1);
  const setPage = (next: number) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (next > 0) updated.set('page', String(next + 1));
      else updated.delete('page');
      return updated;
    });

  return (
    <section className="page jobs-page">
      <h1>Jobs</h1>
      <p className="lead">
        The sync jobs started on this server, newest first: running ones live, ended ones with their
        result. The server keeps the last 200 until it restarts. Open a job for its progress, its
        result, and the history entries it made.
      </p>
      {jobs.isPending ? (
        <LoadingState label="Loading the jobs…" />
      ) : jobs.isError ? (
        <ErrorState problem={jobs.error} what="the jobs" onRetry={() => void jobs.refetch()} />
      ) : jobs.data.length === 0 ? (
        <EmptyState>
          <p>
            No job yet. Start one on the <Link to="/sync/interactive">sync page</Link>.
          </p>
        </EmptyState>
      ) : (
        <>
          <JobsTable jobs={jobs.data.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)} />
          <Pagination
            page={page}
            size={PAGE_SIZE}
            total={jobs.data.length}
            onPageChange={setPage}
          />
        </>
      )}
    </section>
  );
}

function JobsTable({ jobs }: { jobs: JobView[] }) {
  return (
    <div className="table-wrap">
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
                <span className="job-status" data-status={job.status}>
                  <span aria-hidden="true">{JOB_STATUSES[job.status].icon} </span>
                  {jobStatusText(job)}
                </span>
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
                {jobCounts(job)}
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
