import { describe, expect, it } from 'vitest';
import {
  describeChange,
  describeFieldSide,
  formatValue,
  hasDetail,
  knowsBase,
} from './format-change';

describe('describeChange', () => {
  it("reads this server's value, then the remote's", () => {
    expect(describeChange({ field: 'ip', local: '192.168.1.11', remote: '192.168.1.12' })).toBe(
      'ip: 192.168.1.11 → 192.168.1.12',
    );
  });

  it('counts lists, such as the nodes of a cluster', () => {
    const nodes = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ hostname: `n${i}` }));
    expect(describeChange({ field: 'nodes', local: nodes(2), remote: nodes(3) })).toBe(
      'nodes: 2 nodes → 3 nodes',
    );
    expect(formatValue('nodes', nodes(1))).toBe('1 node');
  });

  it('says when a side has no value, and writes numbers, booleans and objects as JSON', () => {
    expect(describeChange({ field: 'wol', local: { mac: 'aa' }, remote: null })).toBe(
      'wol: {"mac":"aa"} → (none)',
    );
    expect(describeChange({ field: 'hardware.cpu', local: 8, remote: 16 })).toBe(
      'hardware.cpu: 8 → 16',
    );
    expect(formatValue('ha_enabled', true)).toBe('true');
  });

  it('cuts long and multi-line text, and says there is more to see', () => {
    const change = { field: 'content', local: 'replicas: 3\nimage: a', remote: 'replicas: 1' };
    expect(describeChange(change)).toBe('content: replicas: 3… → replicas: 1');
    expect(hasDetail(change)).toBe(true);
    expect(hasDetail({ field: 'ip', local: '10.0.0.1', remote: '10.0.0.2' })).toBe(false);
  });
});

describe('describeFieldSide', () => {
  const change = { field: 'ip', local: '10.0.0.2', remote: '10.0.0.3', base: '10.0.0.1' };

  it('names the server that changed the field since the last sync', () => {
    expect(describeFieldSide({ ...change, changed_on: 'local' }, 'A', 'B')).toBe('A (this server)');
    expect(describeFieldSide({ ...change, changed_on: 'remote' }, 'A', 'B')).toBe('B (remote)');
    expect(describeFieldSide({ ...change, changed_on: 'both', conflict: true }, 'A', 'B')).toBe(
      'both, differently',
    );
    expect(knowsBase(change)).toBe(false);
    expect(knowsBase({ ...change, changed_on: 'local' })).toBe(true);
  });
});
