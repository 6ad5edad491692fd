import { useMemo, useState } from 'react';
import { useStartJob } from '../api/jobs';
import type { ConflictPolicy, ConflictResolution, Direction, SyncSession } from '../api/types';
import { useClusterDependencies } from '../hooks/use-cluster-dependencies';
import { useJobEvents } from '../hooks/use-job-events';
import { useSelection } from '../hooks/use-selection';
import { isRefused } from '../utils/job-events';
import { PUSH, rowsOf, selectionOf, type Plan, type Row } from '../utils/comparison';
import { ComparisonView } from './comparison-view';
import { ConflictView } from './conflict-view';
import { DependencyContext, type DependencyOffers } from './dependency-context';
import { PlanContext } from './plan-context';
import { JobPanel } from './job-panel';
import { RemoteServerInfo } from './remote-server';
import { ResolverContext, type Resolver } from './resolve-context';
import { SyncActions } from './sync-actions';

/** The job's conflict_policy for the plan's preference; none: conflicts are skipped. */
function policyOf(prefer: Plan['prefer']): ConflictPolicy | undefined {
  if (prefer === 'newest') return 'newest';
  return prefer ? `prefer_${prefer}` : undefined;
}

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
  const [resolving, setResolving] = useState<Row | null>(null);
  const events = useJobEvents(job?.id ?? null);
  const offers = useClusterDependencies(session.session_id ?? '', rows, selection.selected, plan);
  const dependencies: DependencyOffers = {
    offers,
    select: (picked) =>
      selection.setMany(
        picked.map((row) => row.id),
        true,
      ),
  };
  const remoteName = session.remote?.name ?? session.remote?.url ?? 'the remote';

  const jobRunning =
    job !== null && !['completed', 'failed', 'interrupted'].includes(events.status);
  const running = start.isPending || jobRunning;
  // A job refused for constraint conflicts moved nothing: the comparison still holds.
  const synced =
    job !== null &&
    !job.dryRun &&
    (events.status === 'completed' || (events.status === 'failed' && !isRefused(events)));

  const blockedBecause = synced
    ? 'The comparison is from before the sync: compare again to go on.'
    : undefined;
  const { reset } = start;
  const resolver = useMemo<Resolver>(
    () => ({
      open: (row) => {
        reset();
        setResolving(row);
      },
      unavailableBecause: jobRunning ? 'A job is running: wait for it to end.' : blockedBecause,
    }),
    [reset, jobRunning, blockedBecause],
  );

  /** A resolved conflict goes both ways, alone: its resolution selects it. */
  function applyResolution(resolution: ConflictResolution) {
    start.mutate(
      {
        sessionId: session.session_id ?? '',
        selection: { [resolution.kind]: [] },
        direction: 'both',
        dryRun: false,
        resolutions: [resolution],
      },
      {
        onSuccess: (started) => {
          setResolving(null);
          setJob({ id: started.job_id ?? '', dryRun: false, direction: 'both' });
        },
      },
    );
  }

  function startJob(dryRun: boolean) {
    start.mutate(
      {
        sessionId: session.session_id ?? '',
        selection: selectionOf(rows, selection.selected, plan),
        direction: plan.direction,
        dryRun,
        mirror: plan.direction === 'push' && plan.mirror,
        conflictPolicy: plan.direction === 'both' ? policyOf(plan.prefer) : undefined,
      },
      {
        onSuccess: (started) =>
          setJob({ id: started.job_id ?? '', dryRun, direction: plan.direction }),
      },
    );
  }

  return (
    <PlanContext.Provider value={plan}>
      <ResolverContext.Provider value={resolver}>
        <DependencyContext.Provider value={dependencies}>
          {session.remote && (
            <RemoteServerInfo remote={session.remote} localVersion={localVersion} />
          )}
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
              blockedBecause={blockedBecause}
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
                rows={rows}
                selection={selection}
              />
            )}
          </ComparisonView>
          {resolving && (
            <ConflictView
              row={resolving}
              localName={localName}
              remoteName={remoteName}
              busy={start.isPending}
              error={start.error}
              unavailableBecause={resolver.unavailableBecause}
              onApply={applyResolution}
              onCancel={() => setResolving(null)}
            />
          )}
        </DependencyContext.Provider>
      </ResolverContext.Provider>
    </PlanContext.Provider>
  );
}
