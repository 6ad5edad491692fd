import { describe, expect, it } from 'vitest';
import { comparison, entry } from '@/testing/sync-factories';
import { rowsOf, type Row } from './comparison';
import {
  describeEdited,
  editText,
  isResolvable,
  readEdited,
  resolutionOf,
  undecided,
} from './resolution';

function conflictRow(overrides: Parameters<typeof entry>[1] = {}): Row {
  const [row] = rowsOf(
    comparison({
      clusters: {
        conflict: [
          entry('staging', {
            changed_on: 'both',
            changes: [
              {
                field: 'nodes[node-07]',
                base: { hostname: 'node-07', role: 'worker' },
                local: { hostname: 'node-07', role: 'master' },
                remote: null,
                changed_on: 'both',
                conflict: true,
              },
              { field: 'description', local: 'a', remote: 'b', base: 'b', changed_on: 'local' },
            ],
            ...overrides,
          }),
        ],
      },
    }),
  );
  return row as Row;
}

describe('edited values', () => {
  it('read as JSON when they are valid JSON, else as text', () => {
    expect(readEdited('16')).toBe(16);
    expect(readEdited('{"role": "master"}')).toEqual({ role: 'master' });
    expect(readEdited('null')).toBeNull();
    expect(readEdited('prod')).toBe('prod');
    expect(readEdited('')).toBe('');
  });

  it('start from text that reads back as the same value', () => {
    for (const value of ['prod', '16', 'true', 8, { role: 'master' }, ['a']])
      expect(readEdited(editText(value))).toEqual(value);
    expect(editText('16')).toBe('"16"');
    expect(editText(undefined)).toBe('null');
  });

  it('say how they will be read', () => {
    expect(describeEdited('prod')).toBe('text: “prod”');
    expect(describeEdited('12')).toBe('the number 12');
    expect(describeEdited('null')).toBe('null: the field is removed');
    expect(describeEdited('{"a": 1}')).toBe('a JSON object');
  });
});

describe('resolutions', () => {
  it('need a conflict whose fields the server could tell apart, on both sides', () => {
    expect(isResolvable(conflictRow())).toBe(true);
    expect(isResolvable(conflictRow({ remote_hash: undefined }))).toBe(false);
    expect(
      isResolvable(
        conflictRow({ changes: [{ field: 'ip', local: '10.0.0.1', remote: '10.0.0.2' }] }),
      ),
    ).toBe(false);
  });

  it('send sides in fields and the operator’s values in values, by the compare’s paths', () => {
    const row = conflictRow();
    expect(undecided(row, {})).toEqual(['nodes[node-07]']);
    expect(resolutionOf(row, { 'nodes[node-07]': { take: 'local' } })).toEqual({
      kind: 'clusters',
      key: 'staging',
      fields: { 'nodes[node-07]': 'local' },
    });
    expect(
      resolutionOf(row, {
        'nodes[node-07]': { take: 'edit', text: '{"hostname": "node-07", "role": "worker"}' },
      }),
    ).toEqual({
      kind: 'clusters',
      key: 'staging',
      values: { 'nodes[node-07]': { hostname: 'node-07', role: 'worker' } },
    });
  });
});
