import { describe, expect, it } from 'vitest';
import { comparison, entry } from '@/testing/sync-factories';
import {
  DEFAULT_FILTERS,
  isConflictIn,
  isSelectable,
  matches,
  PUSH,
  rowInfo,
  rowsOf,
  selectionOf,
  STATUSES,
  statusInfo,
  wayOf,
  type Plan,
  type Row,
} from './comparison';

const compared = comparison({
  nodes: {
    identical: [entry('node-00')],
    different: [entry('node-02'), entry('node-01')],
    missing_on_local: [entry('node-09')],
  },
  clusters: { conflict: [entry('staging')], deleted_on_local: [entry('old')] },
});

describe('rowsOf', () => {
  it('lists by kind, then status in the seed order, then key', () => {
    expect(rowsOf(compared).map((row) => row.id)).toEqual([
      'nodes:node-00',
      'nodes:node-01',
      'nodes:node-02',
      'nodes:node-09',
      'clusters:staging',
      'clusters:old',
    ]);
  });
});

describe('matches', () => {
  const rows = rowsOf(compared);
  const ids = (filters: Partial<typeof DEFAULT_FILTERS>) =>
    rows.filter((row) => matches(row, { ...DEFAULT_FILTERS, ...filters })).map((row) => row.id);

  it('leaves identical items out unless asked', () => {
    expect(ids({})).not.toContain('nodes:node-00');
    expect(ids({ status: 'all' })).toContain('nodes:node-00');
  });

  it('combines status, kind and a case-blind search on the key', () => {
    expect(ids({ status: 'different', search: 'NODE-01' })).toEqual(['nodes:node-01']);
    expect(ids({ kind: 'clusters' })).toEqual(['clusters:staging', 'clusters:old']);
  });
});

describe('selectionOf', () => {
  it('names keys per kind and never an item only the remote has', () => {
    const rows = rowsOf(compared);
    const selected = new Set(['nodes:node-01', 'nodes:node-09', 'clusters:old']);
    expect(selectionOf(rows, selected)).toEqual({ nodes: ['node-01'], clusters: ['old'] });
  });
});

describe('merged items', () => {
  const [merged] = rowsOf(
    comparison({
      nodes: { merged: [entry('node-07', { changed_on: 'both', merged_hash: 'merge-07' })] },
    }),
  );
  const row = merged as Row;

  it('go to both sides both ways, whatever the preference', () => {
    for (const prefer of [undefined, 'local', 'remote', 'newest'] as const) {
      const plan: Plan = { direction: 'both', mirror: false, prefer };
      expect(wayOf(row, plan)).toBe('both_sides');
      expect(isSelectable(row, plan)).toBe(true);
      expect(isConflictIn(row, plan)).toBe(false);
    }
    expect(rowInfo(row, { direction: 'both', mirror: false }).explanation).toContain(
      'gives the merge to both servers',
    );
  });

  it('are conflicts for a push or a pull: the selected side overwrites the other', () => {
    const pull: Plan = { direction: 'pull', mirror: false };
    expect(wayOf(row, PUSH)).toBe('to_remote');
    expect(wayOf(row, pull)).toBe('to_local');
    expect(isConflictIn(row, PUSH)).toBe(true);
    expect(isConflictIn(row, pull)).toBe(true);
    expect(rowInfo(row, PUSH).explanation).toContain('A push treats it as a conflict');
    expect(rowInfo(row, pull).explanation).toContain('A pull treats it as a conflict');
  });

  it('have a status of their own, with an icon and words, after conflicts', () => {
    expect(statusInfo('merged')).toMatchObject({ icon: '🟣', label: 'merged' });
    expect(STATUSES.map((status) => status.id).indexOf('merged')).toBe(
      STATUSES.map((status) => status.id).indexOf('conflict') + 1,
    );
  });
});

describe('the newest policy', () => {
  // By kind, then key: the nodes first.
  const [unsynced, changedHere, conflict] = rowsOf(
    comparison({
      nodes: {
        different: [
          entry('node-02', { changed_on: 'unknown' }),
          entry('node-03', { changed_on: 'local' }),
        ],
      },
      clusters: { conflict: [entry('staging', { changed_on: 'both' })] },
    }),
  ) as [Row, Row, Row];
  const newest: Plan = { direction: 'both', mirror: false, prefer: 'newest' };

  it('lets conflicts be selected, to go from whichever side changed them last', () => {
    for (const row of [conflict, unsynced]) {
      expect(wayOf(row, newest)).toBe('newest');
      expect(isSelectable(row, newest)).toBe(true);
      expect(rowInfo(row, newest).explanation).toContain('logical clocks');
    }
  });

  it('leaves what changed on one side only to go from that side', () => {
    expect(wayOf(changedHere, newest)).toBe('to_remote');
  });
});
