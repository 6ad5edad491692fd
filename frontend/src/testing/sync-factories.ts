// Sync sessions, comparisons and job results as the API returns them, with
// only what a test cares about to set.
import type { components } from '@/api/generated/schema';

type Schemas = components['schemas'];
type KindComparison = Schemas['KindComparison'];
type StatusLists = Required<KindComparison>;

export function entry(
  key: string,
  overrides: Partial<Schemas['ComparisonEntry']> = {},
): Schemas['ComparisonEntry'] {
  return { key, local_hash: `local-${key}`, remote_hash: `remote-${key}`, ...overrides };
}

function kind(lists: Partial<StatusLists> = {}): StatusLists {
  return {
    identical: [],
    different: [],
    missing_on_remote: [],
    missing_on_local: [],
    conflict: [],
    merged: [],
    deleted_on_remote: [],
    deleted_on_local: [],
    ...lists,
  };
}

type KindLists = Partial<
  Record<'nodes' | 'clusters' | 'ssh_keys' | 'configurations', Partial<StatusLists>>
>;

/** A comparison whose summary counts the entries given. */
export function comparison(lists: KindLists = {}, truncated = false): Schemas['Comparison'] {
  const kinds = {
    nodes: kind(lists.nodes),
    clusters: kind(lists.clusters),
    ssh_keys: kind(lists.ssh_keys),
    configurations: kind(lists.configurations),
  };
  const statuses = Object.keys(kind()) as (keyof StatusLists)[];
  const summarize = (of: StatusLists[]): Schemas['Summary'] => {
    const counts = Object.fromEntries(
      statuses.map((status) => [status, of.reduce((sum, lists) => sum + lists[status].length, 0)]),
    ) as Required<Omit<Schemas['Summary'], 'total'>>;
    return { ...counts, total: Object.values(counts).reduce((sum, count) => sum + count, 0) };
  };
  const counts = {
    nodes: summarize([kinds.nodes]),
    clusters: summarize([kinds.clusters]),
    ssh_keys: summarize([kinds.ssh_keys]),
    configurations: summarize([kinds.configurations]),
  };
  const method = {
    mode: 'full' as const,
    reason: 'no replication state with this remote yet (first sync)',
    candidates: null,
  };
  return {
    summary: summarize(Object.values(kinds)),
    counts,
    truncated,
    ...kinds,
    method,
    constraint_conflicts: [],
  };
}

/** The other server, as a session and a job name it. */
export function remoteServer(
  overrides: Partial<Schemas['RemoteServer']> = {},
): Schemas['RemoteServer'] {
  return {
    url: 'http://server-b:5000',
    server_id: 'id-b',
    name: 'server-b',
    version: '1.0.0',
    ...overrides,
  };
}

export function syncSession(
  overrides: Partial<Schemas['SessionResponse']> = {},
): Schemas['SessionResponse'] {
  return {
    session_id: 'session-1',
    remote: remoteServer(),
    remote_fingerprint: null,
    created_at: '2026-01-01T00:00:00Z',
    comparison: comparison(),
    ...overrides,
  };
}

export function syncSettings(
  overrides: Partial<Schemas['SyncSettings']> = {},
): Schemas['SyncSettings'] {
  return {
    enabled: true,
    default_remote_url: 'http://server-b:5000',
    sync_password_set: true,
    server: { server_id: 'id-a', name: 'server-a' },
    version: '1.0.0',
    ...overrides,
  };
}

const NONE = { nodes: 0, clusters: 0, ssh_keys: 0, configurations: 0 };

/** What one direction of a job did: nothing, unless told. */
export function sideResult(overrides: Partial<Schemas['SideResult']> = {}): Schemas['SideResult'] {
  return {
    applied: NONE,
    changed: NONE,
    deleted: NONE,
    skipped: 0,
    changed_since_compare: [],
    ...overrides,
  };
}

export function completedEvent(
  overrides: Partial<Schemas['Completed']> = {},
): Schemas['Completed'] {
  return {
    type: 'completed',
    applied: NONE,
    changed: NONE,
    deleted: NONE,
    skipped: 0,
    changed_since_compare: [],
    errors: [],
    duration_ms: 1200,
    verified: true,
    mismatches: [],
    dry_run: false,
    pushed: sideResult(),
    pulled: sideResult(),
    ...overrides,
  };
}

/** A rule a sync would break: by default a cluster listing a node the remote lacks. */
export function constraintConflict(
  overrides: Partial<Schemas['ConstraintConflict']> = {},
): Schemas['ConstraintConflict'] {
  return {
    type: 'missing_reference',
    on: 'remote',
    message: "cluster 'production' would list node 'node-03', which the remote would not have",
    items: [
      { kind: 'clusters', key: 'production' },
      { kind: 'nodes', key: 'node-03' },
    ],
    fix: "also select node 'node-03'",
    also_select: { nodes: ['node-03'] },
    ...overrides,
  };
}

/** A job's failed event, refused before it moved anything for these conflicts. */
export function refusedEvent(conflicts: Schemas['ConstraintConflict'][]): Schemas['Failed'] {
  const [first] = conflicts;
  return {
    type: 'failed',
    duration_ms: 40,
    problem: {
      type: 'urn:live-sync:problem:constraint-conflicts',
      title: 'Constraint conflicts',
      status: 409,
      code: 'constraint-conflicts',
      detail: `the sync would break ${conflicts.length} inventory rules, so nothing was moved; first: ${first?.message ?? ''}`,
    },
    constraint_conflicts: conflicts,
  };
}

/** A registered peer: never contacted, no pin, this server's password, unless told. */
export function peer(overrides: Partial<Schemas['PeerView']> = {}): Schemas['PeerView'] {
  return {
    name: 'server-b',
    url: 'http://server-b:5000',
    fingerprint: null,
    has_password: false,
    server_id: null,
    server_name: null,
    last_contact_at: null,
    replication: { state: 'none', checkpoint_id: null, local_seq: null, remote_seq: null },
    last_job: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

/** A schedule: active, every night at 02:00 with server-b, never run, unless told. */
export function schedule(
  overrides: Partial<Schemas['ScheduleView']> = {},
): Schemas['ScheduleView'] {
  return {
    name: 'nightly',
    cron: '0 0 2 * * *',
    peers: ['server-b'],
    selection: 'all',
    direction: 'push',
    conflict_policy: 'manual',
    apply: 'always',
    paused: false,
    next_runs: [
      '2026-03-05T02:00:00Z',
      '2026-03-06T02:00:00Z',
      '2026-03-07T02:00:00Z',
      '2026-03-08T02:00:00Z',
      '2026-03-09T02:00:00Z',
    ],
    last_run_at: null,
    last_job_ids: [],
    last_error: null,
    missed_runs: 0,
    last_missed_at: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}
