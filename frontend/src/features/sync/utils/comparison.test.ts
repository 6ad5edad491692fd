import { describe, expect, it } from 'vitest';
import { comparison, entry } from '@/testing/sync-factories';
import { DEFAULT_FILTERS, matches, rowsOf, selectionOf } from './comparison';

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
