// History entries, their items, rollbacks and jobs as the API returns them,
// with only what a test cares about to set.
import type { components } from '@/api/generated/schema';
import { remoteServer } from './sync-factories';

type Schemas = components['schemas'];

const NONE = { nodes: 0, clusters: 0, ssh_keys: 0, configurations: 0 };

/** Counts per kind: `counts({ nodes: 2 })`. */
export function counts(some: Partial<Schemas['KindCounts']> = {}): Schemas['KindCounts'] {
  return { ...NONE, ...some };
}

export function historyEntry(
  overrides: Partial<Schemas['HistoryEntry']> = {},
): Schemas['HistoryEntry'] {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    applied_at: '2026-03-04T10:00:00Z',
    operation: 'push',
    package_id: '99999999-9999-4999-8999-999999999999',
    job_id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    peer_server_id: 'id-a',
    peer_name: 'server-a',
    started_by: 'admin',
    rollback_of: null,
    rolled_back_by: null,
    counts: { applied: counts({ nodes: 1 }), changed: counts({ nodes: 1 }), deleted: counts() },
    items: 1,
    ...overrides,
  };
}

export function historyItem(
  overrides: Partial<Schemas['HistoryItem']> = {},
): Schemas['HistoryItem'] {
  return {
    kind: 'nodes',
    key: 'node-01',
    action: 'changed',
    before: { hostname: 'node-01', ip: '10.0.0.1' },
    after: { hostname: 'node-01', ip: '10.0.0.2' },
    before_hash: 'hash-before',
    after_hash: 'hash-after',
    changes: [{ field: 'ip', before: '10.0.0.1', after: '10.0.0.2' }],
    ...overrides,
  };
}

export function historyDetail(
  entry: Schemas['HistoryEntry'],
  items: Schemas['HistoryItem'][],
  overrides: { page?: number; size?: number; total?: number } = {},
): Schemas['HistoryDetail'] {
  return { entry, items, page: 0, size: 20, total: items.length, ...overrides };
}

export function rollbackResult(
  overrides: Partial<Schemas['RollbackResult']> = {},
): Schemas['RollbackResult'] {
  return {
    history_id: null,
    rollback_of: '11111111-1111-4111-8111-111111111111',
    dry_run: true,
    restored: counts({ nodes: 1 }),
    deleted: counts(),
    kept: counts(),
    conflicts: [],
    conflict_count: 0,
    ...overrides,
  };
}

export function rollbackConflict(
  overrides: Partial<Schemas['RollbackConflict']> = {},
): Schemas['RollbackConflict'] {
  return {
    kind: 'nodes',
    key: 'node-01',
    expected_hash: 'hash-after',
    current_hash: 'hash-now',
    ...overrides,
  };
}

export function jobView(overrides: Partial<Schemas['JobView']> = {}): Schemas['JobView'] {
  return {
    job_id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
    session_id: 'session-1',
    remote: remoteServer(),
    direction: 'push',
    status: 'completed',
    dry_run: false,
    phase: 'verifying',
    progress: {
      type: 'progress',
      done: 2,
      total: 2,
      bytes: 2048,
      pushed: { done: 2, total: 2 },
      pulled: { done: 0, total: 0 },
    },
    result: null,
    problem: null,
    started_at: '2026-03-04T10:00:00Z',
    finished_at: '2026-03-04T10:00:02Z',
    compare: { mode: 'full', reason: 'first sync', candidates: null },
    started_by: 'admin',
    resolutions: [],
    ...overrides,
  };
}
