import type { SideProgress } from '../api/types';
import type { JobEventsState } from '../utils/job-events';

interface JobDirectionsProps {
  job: JobEventsState;
  localName: string;
  remoteName: string;
}

function line(side: SideProgress | undefined): string {
  return `${side?.done ?? 0} / ${side?.total ?? 0} items`;
}

/** A sync both ways moves two packages, one after the other: how far each is. */
export function JobDirections({ job, localName, remoteName }: JobDirectionsProps) {
  return (
    <ul className="job-directions" aria-label="Directions" data-testid="job-directions">
      <li>
        → to {remoteName}: {line(job.progress?.pushed)}
      </li>
      <li>
        ← to {localName}: {line(job.progress?.pulled)}
      </li>
    </ul>
  );
}
