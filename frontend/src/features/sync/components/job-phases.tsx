import { PHASES, type JobEventsState } from '../utils/job-events';
import { PHASE_LABELS } from '../utils/format-job';

/**
 * The stages of a job: passed ones ticked, the current one marked, or the one
 * a failed job stopped in. A dry run verifies nothing.
 */
export function JobPhases({ job, dryRun }: { job: JobEventsState; dryRun: boolean }) {
  const expected = PHASES.filter((phase) => !(dryRun && phase === 'verifying'));
  const reached = job.phases.map((phase) => expected.indexOf(phase));
  const furthest = Math.max(-1, ...reached);
  const over = job.status === 'completed';
  const stopped = job.status === 'failed';
  return (
    <ol className="job-phases" aria-label="Phases">
      {expected.map((phase, index) => {
        // A stage is passed once a later one began, even if it sent no event of its own.
        const state =
          index < furthest || (over && index <= furthest)
            ? 'done'
            : index === furthest
              ? stopped
                ? 'stopped'
                : 'current'
              : 'pending';
        return (
          <li
            key={phase}
            data-state={state}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span aria-hidden="true">
              {{ done: '✓', current: '▶', stopped: '✖', pending: '○' }[state]}
            </span>{' '}
            {PHASE_LABELS[phase]}
            <span className="visually-hidden">
              {
                {
                  done: ' (done)',
                  current: ' (in progress)',
                  stopped: ' (stopped here)',
                  pending: '',
                }[state]
              }
            </span>
          </li>
        );
      })}
    </ol>
  );
}
