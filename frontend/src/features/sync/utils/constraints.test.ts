import { describe, expect, it } from 'vitest';
import { comparison, constraintConflict, entry } from '@/testing/sync-factories';
import { rowsOf } from './comparison';
import { alsoSelectOf, alsoSelectWords, rowsFor } from './constraints';

describe('alsoSelectOf', () => {
  it('reads the fix per kind, in the seed’s order, and nothing it cannot read', () => {
    const conflict = constraintConflict({
      // What a server outside the contract might send.
      also_select: {
        ssh_keys: ['deploy'],
        nodes: ['node-03', 7] as unknown as string[],
        planets: ['mars'],
      },
    });
    expect(alsoSelectOf(conflict)).toEqual([
      { kind: 'nodes', key: 'node-03' },
      { kind: 'ssh_keys', key: 'deploy' },
    ]);
    expect(alsoSelectOf(constraintConflict({ also_select: undefined }))).toEqual([]);
  });
});

describe('alsoSelectWords', () => {
  it('names nodes by name, other kinds with their kind, and many by their count', () => {
    const node = (key: string) => ({ kind: 'nodes' as const, key });
    expect(alsoSelectWords([node('node-07')])).toBe('node-07');
    expect(alsoSelectWords([node('a'), node('b')])).toBe('a and b');
    expect(alsoSelectWords([node('a'), { kind: 'ssh_keys', key: 'deploy' }])).toBe(
      'node a and SSH key deploy',
    );
    expect(alsoSelectWords([{ kind: 'clusters', key: 'prod' }])).toBe('cluster prod');
    expect(alsoSelectWords([node('a'), node('b'), node('c'), node('d')])).toBe('4 items');
  });
});

describe('rowsFor', () => {
  it('finds the rows the comparison lists, and leaves the others out', () => {
    const rows = rowsOf(comparison({ nodes: { missing_on_remote: [entry('node-03')] } }));
    expect(
      rowsFor(
        [
          { kind: 'nodes', key: 'node-03' },
          { kind: 'nodes', key: 'node-04' },
        ],
        rows,
      ).map((row) => row.id),
    ).toEqual(['nodes:node-03']);
  });
});
