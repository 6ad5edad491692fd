// What the schedules page last did: a saved schedule with its next five runs
// (how the operator checks a cron reads as meant), the jobs a "Run now"
// started and the peers it could not reach, or a plain sentence.
import { Link } from 'react-router';
import { DateTime } from '@/components/ui/date-time';
import type { Schedule, ScheduleRun } from '../../api/types';

/** What the page last did, said above the list. */
export type Notice =
  | { kind: 'saved'; schedule: Schedule; created: boolean }
  | { kind: 'ran'; name: string; run: ScheduleRun }
  | { kind: 'text'; text: string };

export function ScheduleNotice({ notice }: { notice: Notice }) {
  if (notice.kind === 'text') return <p className="status">{notice.text}</p>;
  if (notice.kind === 'ran') {
    const { name, run } = notice;
    return (
      <div className="status">
        <p>
          Schedule {name} ran now:{' '}
          {run.job_ids.length === 0
            ? 'no job started.'
            : `${run.job_ids.length === 1 ? 'a job' : `${run.job_ids.length} jobs`} started.`}
        </p>
        {run.job_ids.length > 0 && (
          <ul className="plain-list">
            {run.job_ids.map((id) => (
              <li key={id}>
                <Link to={`/jobs/${encodeURIComponent(id)}`} title={id}>
                  Job <code>{id.slice(0, 8)}</code>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {run.errors && <p className="field-error">Not run with: {run.errors}</p>}
      </div>
    );
  }
  const { schedule, created } = notice;
  return (
    <div className="status" data-testid="schedule-saved">
      <p>
        Schedule {schedule.name} {created ? 'created' : 'saved'}.
      </p>
      {schedule.paused ? (
        <p>It is paused: no run is due until it is resumed.</p>
      ) : (
        <>
          <p id="next-runs-heading">Its next runs:</p>
          <ol className="next-runs" aria-labelledby="next-runs-heading">
            {schedule.next_runs.map((at) => (
              <li key={at}>
                <DateTime iso={at} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
