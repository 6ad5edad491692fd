// The jobs a schedule's last run recorded, one per peer, each linked to its
// page with its status as the jobs list words it: a run held back by conflicts
// reads "Needs attention" here too.
import { Link } from 'react-router';
import { useJob } from '../../api/jobs';
import { jobStatusBadge } from '../../utils/job-list';

export function ScheduleLastJobs({ ids }: { ids: string[] }) {
  if (ids.length === 0) return <span className="muted">none yet</span>;
  return (
    <ul className="plain-list">
      {ids.map((id) => (
        <li key={id}>
          <ScheduleJob id={id} />
        </li>
      ))}
    </ul>
  );
}

function ScheduleJob({ id }: { id: string }) {
  const job = useJob(id);
  const badge = job.data ? jobStatusBadge(job.data) : null;
  return (
    <>
      <Link
        to={`/jobs/${encodeURIComponent(id)}`}
        title={id}
        aria-label={`Open job ${id.slice(0, 8)}`}
      >
        <code>{id.slice(0, 8)}</code>
      </Link>
      {badge && (
        <>
          {' '}
          <span className="job-status" data-status={badge.tone}>
            <span aria-hidden="true">{badge.icon} </span>
            {badge.text}
          </span>
        </>
      )}
    </>
  );
}
