import { describe, expect, it } from 'vitest';
import { counts, rollbackConflict, rollbackResult } from '@/testing/history-factories';
import { conflictWords, decisionsRequest, rollbackSentence } from './format-history';

describe('decisionsRequest', () => {
  const preview = rollbackResult({
    conflicts: [rollbackConflict({ key: 'a' }), rollbackConflict({ kind: 'clusters', key: 'b' })],
    conflict_count: 2,
  });

  it('keeps by name, without force while nothing is to be overwritten', () => {
    const decisions = new Map([
      ['nodes/a', 'keep' as const],
      ['clusters/b', 'keep' as const],
    ]);
    expect(decisionsRequest(preview, decisions)).toEqual({
      force: false,
      keep: [
        { kind: 'nodes', key: 'a' },
        { kind: 'clusters', key: 'b' },
      ],
    });
  });

  it('forces when one is to be overwritten', () => {
    const decisions = new Map([
      ['nodes/a', 'overwrite' as const],
      ['clusters/b', 'keep' as const],
    ]);
    expect(decisionsRequest(preview, decisions)).toEqual({
      force: true,
      keep: [{ kind: 'clusters', key: 'b' }],
    });
  });

  it('forces when some conflicts were not listed', () => {
    expect(decisionsRequest(rollbackResult({ conflict_count: 3 }), new Map())).toEqual({
      force: true,
      keep: [],
    });
  });

  it('asks nothing of a rollback without conflicts', () => {
    expect(decisionsRequest(rollbackResult(), new Map())).toEqual({ force: false, keep: [] });
  });
});

describe('words', () => {
  it('tell how an item moved on since the entry', () => {
    expect(conflictWords(rollbackConflict())).toBe('changed since');
    expect(conflictWords(rollbackConflict({ current_hash: null }))).toBe('deleted since');
    expect(conflictWords(rollbackConflict({ expected_hash: null }))).toBe('created again since');
  });

  it('say what a rollback would do and did', () => {
    expect(rollbackSentence(rollbackResult({ deleted: counts({ ssh_keys: 1 }) }))).toBe(
      'Rolling back would restore 1 node and delete 1 SSH key on this server.',
    );
    expect(
      rollbackSentence(
        rollbackResult({ dry_run: false, restored: counts(), kept: counts({ clusters: 2 }) }),
      ),
    ).toBe('Rolled back: kept 2 clusters unchanged.');
    expect(
      rollbackSentence(
        rollbackResult({
          dry_run: false,
          deleted: counts({ nodes: 2 }),
          kept: counts({ clusters: 1 }),
        }),
      ),
    ).toBe('Rolled back: restored 1 node, deleted 2 nodes and kept 1 cluster unchanged.');
    expect(rollbackSentence(rollbackResult({ restored: counts() }))).toBe(
      'Rolling back would change nothing on this server.',
    );
  });
});
