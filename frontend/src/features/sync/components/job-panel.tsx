import { useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import type { Direction } from '../api/types';
import type { JobEvents } from '../hooks/use-job-events';
import type { SelectionState } from '../hooks/use-selection';
import type { Row } from '../utils/comparison';
import { PHASE_LABELS } from '../utils/format-job';
import {
  JOB_CANCELLED,
  JOB_INTERRUPTED,
  JOB_NEEDS_ATTENTION,
  JOB_STALLED,
  isRefused,
} from '../utils/job-events';
import { ConstraintConflictList } from './constraint-conflict-list';
import { JobDirections } from './job-directions';
import { JobItems } from './job-items';
import { JobPhases } from './job-phases';
import { JobProgressBar } from './job-progress-bar';
import { JobResult } from './job-result';

interface JobPanelProps {
  job: JobEvents;
  dryRun: boolean;
  remoteName: string;
  localName?: string;
  direction?: Direction;
  /** Offered once a real sync ended: the comparison on screen is from before it. */
  onCompareAgain?: () => void;
  comparing: boolean;
  /** The comparison's rows and the selection, for the one-click fixes of a refused job. */
  rows?: readonly Row[];
  selection?: SelectionState;
  /** On the sync page the panel appears below a long list, so it takes the focus; not on a job's own page. */
  focusOnMount?: boolean;
}

/** A short line for screen readers: the phase while running, then the outcome. */
function announcement(job: JobEvents, dryRun: boolean, remoteName: string): string {
  const what = dryRun ? 'Preview' : 'Sync';
  // Short: the result itself follows in the page.
  if (job.status === 'completed' && job.result) {
    if (dryRun) return `Preview finished; nothing was changed on ${remoteName}.`;
    return job.result.verified ? 'Sync finished and verified.' : 'Sync finished, not verified.';
  }
  if (isRefused(job)) return `${what} refused: nothing was moved.`;
  if (job.status === 'failed' && job.problem?.code === JOB_NEEDS_ATTENTION)
    return 'Needs attention: nothing was applied.';
  if (job.status === 'failed' && job.problem?.code === JOB_INTERRUPTED)
    return `${what} interrupted: its server stopped.`;
  if (job.status === 'failed' && job.problem?.code === JOB_CANCELLED) return `${what} cancelled.`;
  if (job.status === 'failed' && job.problem?.code === JOB_STALLED)
    return `${what} stalled: the server stopped it.`;
  if (job.status === 'failed') return `${what} failed.`;
  if (job.status === 'interrupted') return 'Lost the progress stream.';
  const phase = job.phases.at(-1);
  return phase ? `${what}: ${PHASE_LABELS[phase]}…` : `${what}: starting…`;
}

/**
 * A job that stopped with its server (job-interrupted) did not fail on its own,
 * a scheduled run that found conflicts (needs-attention) did not fail at
 * all but waits for an operator, and one the watchdog stopped (job-stalled)
 * made no progress: say so.
 */
function failureTitle(dryRun: boolean, code: string): string {
  const what = dryRun ? 'The preview' : 'The sync';
  if (code === JOB_NEEDS_ATTENTION)
    return 'Needs attention: the compare found conflicts, nothing was applied';
  if (code === JOB_STALLED)
    return `${what} stalled: the server stopped it when it made no progress`;
  return code === JOB_INTERRUPTED
    ? `${what} was interrupted: its server stopped while it ran`
    : `${what} failed`;
}

export function JobPanel({
  job,
  dryRun,
  remoteName,
  localName = 'this server',
  direction = 'push',
  onCompareAgain,
  comparing,
  rows,
  selection,
  focusOnMount = true,
}: JobPanelProps) {
  const pull = direction === 'pull';
  const both = direction === 'both';
  // The server the job changes: the remote for a push, this one for a pull,
  // either for both ways.
  const target = pull ? localName : both ? `${localName} and ${remoteName}` : remoteName;
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel appears below a long list: take keyboard and screen reader users to it.
  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  const ended = job.status === 'completed' || job.status === 'failed';

  return (
    <section className="job-panel" aria-labelledby="job-heading" aria-busy={!ended}>
      <h2 id="job-heading" ref={heading} tabIndex={-1}>
        {dryRun
          ? `Preview (dry run) on ${target}`
          : pull
            ? `Pull from ${remoteName}`
            : both
              ? `Sync both ways with ${remoteName}`
              : `Sync to ${remoteName}`}
      </h2>
      <p className="visually-hidden" role="status">
        {announcement(job, dryRun, target)}
      </p>
      <JobPhases job={job} dryRun={dryRun} />
      <JobProgressBar job={job} />
      {both && <JobDirections job={job} localName={localName} remoteName={remoteName} />}
      <JobItems job={job} />
      {job.status === 'completed' && job.result && (
        <JobResult
          result={job.result}
          remoteName={target}
          bothWays={both ? { localName, remoteName } : undefined}
        />
      )}
      {isRefused(job) && job.constraintConflicts.length > 0 ? (
        <Alert title={dryRun ? 'The preview was refused' : 'The sync was refused'}>
          <p>
            Nothing was moved: the sync would break{' '}
            {job.constraintConflicts.length === 1
              ? 'an inventory rule'
              : `${job.constraintConflicts.length} inventory rules`}
            . Fix {job.constraintConflicts.length === 1 ? 'it' : 'them'}, then start again.
          </p>
          <ConstraintConflictList
            conflicts={job.constraintConflicts}
            localName={localName}
            remoteName={remoteName}
            rows={rows}
            selection={selection}
          />
        </Alert>
      ) : job.status === 'failed' && job.problem?.code === JOB_CANCELLED ? (
        // Cancelled by an operator: said plainly, not as an error.
        <div className="job-cancelled-note" data-testid="job-cancelled">
          <p className="alert-title">
            {dryRun ? 'The preview was cancelled' : 'The sync was cancelled'}
          </p>
          <p>{job.problem.detail}</p>
        </div>
      ) : (
        job.status === 'failed' &&
        job.problem && (
          <Alert title={failureTitle(dryRun, job.problem.code)}>
            <p>{job.problem.detail}</p>
            {/* A scheduled run held back by inventory rules names them, as a refused job does. */}
            {job.problem.code === JOB_NEEDS_ATTENTION && job.constraintConflicts.length > 0 && (
              <ConstraintConflictList
                conflicts={job.constraintConflicts}
                localName={localName}
                remoteName={remoteName}
              />
            )}
          </Alert>
        )
      )}
      {job.status === 'interrupted' && job.problem && (
        <Alert title="Lost the progress stream">
          <p>{job.problem.detail}</p>
          <p>The job goes on without it on the server. Reconnect to follow it again.</p>
          <button type="button" className="button" onClick={job.reconnect}>
            Reconnect
          </button>
        </Alert>
      )}
      {onCompareAgain && ended && (
        <button
          type="button"
          // After a refusal the comparison still holds: starting again is the way on.
          className={isRefused(job) ? 'button' : 'button button-primary'}
          onClick={onCompareAgain}
          disabled={comparing}
        >
          {comparing ? 'Comparing…' : 'Compare again'}
        </button>
      )}
    </section>
  );
}
