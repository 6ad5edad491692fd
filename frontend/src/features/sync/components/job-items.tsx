import { useEffect, useRef } from 'react';
import type { JobEventsState } from '../utils/job-events';
import { itemStatus, kindNoun } from '../utils/format-job';

/** The items as the job reports them, newest at the bottom, in a short scrolling box. */
export function JobItems({ job }: { job: JobEventsState }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [job.items]);
  if (job.items.length === 0) return null;
  return (
    <div className="job-items-wrap">
      {/* Focusable, so keyboard users can scroll it too. */}
      <div ref={box} className="job-items" role="region" aria-label="Items" tabIndex={0}>
        <ul>
          {job.items.map((item, index) => {
            const status = itemStatus(item.status);
            return (
              <li key={`${index}-${item.kind}-${item.key}`} data-status={item.status}>
                <span aria-hidden="true">{status.icon}</span> {kindNoun(item.kind)}{' '}
                <strong>{item.key}</strong>: {status.words}
              </li>
            );
          })}
        </ul>
      </div>
      {job.itemCount > job.items.length && (
        <p className="muted">
          {job.itemCount} item events so far; the latest {job.items.length} are listed (large jobs
          report a sample).
        </p>
      )}
    </div>
  );
}
