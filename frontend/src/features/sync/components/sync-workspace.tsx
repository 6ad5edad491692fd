import { useMemo, useState } from 'react';
import { useStartJob } from '../api/jobs';
import type { Direction, SyncSession } from '../api/types';
import { useJobEvents } from '../hooks/use-job-events';
import { useSelection } from '../hooks/use-selection';
import { PUSH, rowsOf, selectionOf, type Plan } from '../utils/comparison';
import { ComparisonView } from './comparison-view';
import { PlanContext } from './plan-context';
import { JobPanel } from './job-panel';
import { RemoteServerInfo } from './remote-server';
import { SyncActions } from './sync-actions';

interface SyncWorkspaceProps {
  session: SyncSession;
  localName: string;
  localVersion?: string;
  onCompareAgain: () => void;
  comparing: boolean;
  /** This comparison replaced one the operator was looking at. */
  recompared: boolean;
}

/**
 * Everything about one session: the comparison, what is selected, the job.
 * The page renders it keyed by session, so a new comparison starts clean and
 * the old job's stream is closed.
 */
export function SyncWorkspace({
  session,
  localName,
  localVersion,
  onCompareAgain,
  comparing,
  recompared,
}: SyncWorkspaceProps) {
  const comparison = useMemo(() => session.comparison ?? {}, [session.comparison]);
  const rows = useMemo(() => rowsOf(comparison), [comparison]);
  const selection = useSelection();
  const start = useStartJob();
  const [plan, setPlan] = useState<Plan>(PUSH);
  const [job, setJob] = useState<{ id: string; dryRun: boolean; direction: Direction } | null>(
    null,
  );
  const events = useJobEvents(job?.id ?? null);
  const remoteName = session.remote?.name ?? session.remote?.url ?? 'the remote';

  const running =
    start.isPending ||
    (job !== null && !['completed', 'failed', 'interrupted'].includes(events.status));
  const synced =
    job !== null && !job.dryRun && (events.status === 'completed' || events.status === 'failed');

  function startJob(dryRun: boolean) {
    start.mutate(
      {
        sessionId: session.session_id ?? '',
        selection: selectionOf(rows, selection.selected, plan),
        direction: plan.direction,
        dryRun,
        mirror: plan.direction === 'push' && plan.mirror,
        conflictPolicy:
          plan.direction === 'both' && plan.prefer ? `prefer_${plan.prefer}` : undefined,
      },
      {
        onSuccess: (started) =>
          setJob({ id: started.job_id ?? '', dryRun, direction: plan.direction }),
      },
    );
  }

  return (
    <PlanContext.Provider value={plan}>
      {session.remote && <RemoteServerInfo remote={session.remote} localVersion={localVersion} />}
      <ComparisonView
        comparison={comparison}
        rows={rows}
        selection={selection}
        localName={localName}
        remoteName={remoteName}
        focusSummary={recompared}
      >
        <SyncActions
          rows={rows}
          selection={selection}
          localName={localName}
          remoteName={remoteName}
          busy={running}
          blockedBecause={
            synced ? 'The comparison is from before the sync: compare again to go on.' : undefined
          }
          startError={start.error}
          onStart={startJob}
          plan={plan}
          onPlanChange={setPlan}
        />
        {job && (
          <JobPanel
            key={job.id}
            job={events}
            dryRun={job.dryRun}
            remoteName={remoteName}
            localName={localName}
            direction={job.direction}
            onCompareAgain={job.dryRun ? undefined : onCompareAgain}
            comparing={comparing}
          />
        )}
      </ComparisonView>
    </PlanContext.Provider>
  );
}
