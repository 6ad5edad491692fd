import { PHASES, type JobEventsState } from '../utils/job-events';
import { PHASE_LABELS } from '../utils/format-job';

/** The stages of a job: passed ones ticked, the current one marked. A dry run verifies nothing. */
export function JobPhases({ job, dryRun }: { job: JobEventsState; dryRun: boolean }) {
  const expected = PHASES.filter((phase) => !(dryRun && phase === 'verifying'));
  const reached = job.phases.map((phase) => expected.indexOf(phase));
  const furthest = Math.max(-1, ...reached);
  const over = job.status === 'completed';
  return (
    <ol className="job-phases" aria-label="Phases">
      {expected.map((phase, index) => {
        // A stage is passed once a later one began, even if it sent no event of its own.
        const state =
          index < furthest || (over && index <= furthest)
            ? 'done'
            : index === furthest
              ? 'current'
              : 'pending';
        return (
          <li
            key={phase}
            data-state={state}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span aria-hidden="true">
              {state === 'done' ? '✓' : state === 'current' ? '▶' : '○'}
            </span>{' '}
            {PHASE_LABELS[phase]}
            <span className="visually-hidden">
              {state === 'done' ? ' (done)' : state === 'current' ? ' (in progress)' : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
