import { formatBytes } from '@/utils/format';
import type { JobEventsState } from '../utils/job-events';

/** Items sent of those to send, and the encrypted bytes on the wire. */
export function JobProgressBar({ job }: { job: JobEventsState }) {
  const done = job.progress?.done ?? 0;
  const total = job.progress?.total ?? 0;
  // Until the job has counted what to send, the bar cannot say how far it is.
  const known = total > 0 || job.status === 'completed';
  const percent = total > 0 ? Math.min(100, (done / total) * 100) : known ? 100 : 0;
  return (
    <div className="job-progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Items sent"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={known ? `${done} of ${total} items` : 'counting the items to send'}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-text" data-testid="progress-text">
        {done} / {total} items · {formatBytes(job.progress?.bytes ?? 0)} sent
      </p>
    </div>
  );
}
