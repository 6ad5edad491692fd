import { describe, expect, it } from 'vitest';
import { EVERYTHING, picksOf, selectionOf, selectionText } from './schedule-words';

const NONE = { on: false, keys: '' };

describe('a schedule selection', () => {
  it('is "all" when every kind is taken whole', () => {
    expect(selectionOf(EVERYTHING)).toBe('all');
    expect(picksOf('all')).toEqual(EVERYTHING);
    expect(selectionText('all')).toBe('everything');
  });

  it('names the kinds taken, whole or by key', () => {
    const kinds = {
      nodes: { on: true, keys: '' },
      clusters: { on: true, keys: ' production,  staging ' },
      ssh_keys: NONE,
      configurations: { on: false, keys: 'ignored' },
    };
    const selection = selectionOf(kinds);
    expect(selection).toEqual({ nodes: 'all', clusters: ['production', 'staging'] });
    expect(picksOf(selection)).toEqual({
      nodes: { on: true, keys: '' },
      clusters: { on: true, keys: 'production, staging' },
      ssh_keys: NONE,
      configurations: NONE,
    });
    expect(selectionText(selection)).toBe('all nodes; clusters production, staging');
  });

  it('is every kind whole, except one by key, as an object', () => {
    expect(selectionOf({ ...EVERYTHING, nodes: { on: true, keys: 'node-01' } })).toEqual({
      nodes: ['node-01'],
      clusters: 'all',
      ssh_keys: 'all',
      configurations: 'all',
    });
  });

  it('reads nothing from what it does not know', () => {
    expect(selectionText(null)).toBe('nothing');
    expect(selectionText({ nodes: null })).toBe('nothing');
    expect(picksOf(42).nodes).toEqual(NONE);
  });
});
