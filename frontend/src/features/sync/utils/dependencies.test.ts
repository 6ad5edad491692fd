import { describe, expect, it } from 'vitest';
import { comparison, entry } from '@/testing/sync-factories';
import { PUSH, rowsOf, type Plan, type Row } from './comparison';
import { dependenciesOf, dependenciesWords, remoteMembers, sourceOf } from './dependencies';

const PULL: Plan = { direction: 'pull', mirror: false };
const BOTH: Plan = { direction: 'both', mirror: false };

const rows = rowsOf(
  comparison({
    nodes: {
      identical: [entry('node-00')],
      missing_on_remote: [entry('node-01')],
      missing_on_local: [entry('node-09', { local_hash: undefined })],
    },
    clusters: {
      missing_on_remote: [entry('here', { remote_hash: undefined })],
      missing_on_local: [entry('there', { local_hash: undefined })],
      merged: [entry('both', { changed_on: 'both', merged_hash: 'm' })],
    },
    ssh_keys: { missing_on_remote: [entry('deploy')] },
  }),
);
const row = (id: string) => rows.find((each) => each.id === id) as Row;

describe('sourceOf', () => {
  it('is the side whose version of the cluster the job writes', () => {
    expect(sourceOf(row('clusters:here'), PUSH)).toBe('local');
    expect(sourceOf(row('clusters:here'), PULL)).toBeNull();
    expect(sourceOf(row('clusters:there'), PULL)).toBe('remote');
    expect(sourceOf(row('clusters:there'), BOTH)).toBe('remote');
    // A merge goes to both: this server's members are the ones to read.
    expect(sourceOf(row('clusters:both'), BOTH)).toBe('local');
  });
});

describe('remoteMembers', () => {
  it('reads the remote side of a nodes change, and nothing without one', () => {
    const cluster = (changes: Row['entry']['changes']) =>
      ({ ...row('clusters:there'), entry: { key: 'there', changes } }) as Row;
    expect(
      remoteMembers(
        cluster([{ field: 'nodes', remote: [{ hostname: 'node-09' }, { role: 'worker' }] }]),
      ),
    ).toEqual(['node-09']);
    expect(remoteMembers(cluster([{ field: 'description', remote: 'x' }]))).toBeNull();
    expect(remoteMembers(cluster(undefined))).toBeNull();
  });
});

describe('dependenciesOf', () => {
  const uses = { nodes: ['node-00', 'node-01', 'node-09', 'node-77'], sshKeys: ['deploy'] };

  it('offers what differs, the job can take, and is not selected', () => {
    const offer = dependenciesOf(uses, rows, new Set(), PUSH);
    expect(offer?.nodes.map((each) => each.id)).toEqual(['nodes:node-01']);
    expect(offer?.sshKeys.map((each) => each.id)).toEqual(['ssh_keys:deploy']);
    expect(dependenciesWords(offer ?? { nodes: [], sshKeys: [] })).toBe('its 1 node and 1 SSH key');
    expect(dependenciesOf(uses, rows, new Set(), BOTH)?.nodes).toHaveLength(2);
  });

  it('offers nothing when all of it is selected', () => {
    expect(
      dependenciesOf(uses, rows, new Set(['nodes:node-01', 'ssh_keys:deploy']), PUSH),
    ).toBeNull();
  });
});
