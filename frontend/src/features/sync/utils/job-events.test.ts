import { describe, expect, it } from 'vitest';
import {
  IDLE,
  MAX_ITEMS,
  applyJobEvent,
  decodeJobEvent,
  isRefused,
  type JobEvent,
} from './job-events';

function decode(event: string, data: string): JobEvent | null {
  return decodeJobEvent({ event, data });
}

describe('decodeJobEvent', () => {
  it('ignores events it does not know and data it cannot read', () => {
    expect(decode('heartbeat', '{}')).toBeNull();
    expect(decode('progress', 'not json')).toBeNull();
    expect(decode('phase', '{"phase":"dancing"}')).toBeNull();
  });

  it('turns a failed event into a problem, with words even when the server gave none', () => {
    const failed = decode('failed', '{"problem":{"status":500},"duration_ms":3}');
    expect(failed).toMatchObject({ type: 'failed', durationMs: 3 });
    expect(failed?.type === 'failed' && failed.problem.detail).toMatch(/gave no reason/);
  });

  it('keeps the constraint conflicts of a refused job, and none of a failure without them', () => {
    const conflict = {
      type: 'duplicate_ip',
      on: 'remote',
      message: "nodes 'a' and 'b' would both have IP 10.0.0.7 on the remote",
      items: [
        { kind: 'nodes', key: 'a' },
        { kind: 'planets', key: 'mars' },
      ],
      fix: "change the IP of node 'a' or 'b'",
    };
    const refused = decode(
      'failed',
      JSON.stringify({
        problem: { code: 'constraint-conflicts', detail: 'refused' },
        constraint_conflicts: [conflict, { type: 'duplicate_ip' }],
      }),
    );
    const state = refused && applyJobEvent(IDLE, refused);
    expect(state?.problem?.code).toBe('constraint-conflicts');
    // An item of a kind this app does not know is left out; a conflict without words too.
    expect(state?.constraintConflicts).toEqual([
      { ...conflict, items: [{ kind: 'nodes', key: 'a' }] },
    ]);
    expect(state && isRefused(state)).toBe(true);
    const other = decode('failed', '{"problem":{"code":"x"},"constraint_conflicts":null}');
    expect(other && applyJobEvent(IDLE, other).constraintConflicts).toEqual([]);
  });

  it('reads missing progress numbers as zero', () => {
    const none = { done: 0, total: 0 };
    expect(decode('progress', '{"done":3}')).toEqual({
      type: 'progress',
      progress: { done: 3, total: 0, bytes: 0, pushed: none, pulled: none },
    });
  });

  it('reads each direction of a sync both ways', () => {
    const event = decode(
      'progress',
      '{"done":3,"total":5,"bytes":9,"pushed":{"done":2,"total":2},"pulled":{"done":1,"total":3}}',
    );
    expect(event).toMatchObject({
      progress: { pushed: { done: 2, total: 2 }, pulled: { done: 1, total: 3 } },
    });
  });
});

describe('applyJobEvent', () => {
  it(`keeps the last ${MAX_ITEMS} items and counts them all`, () => {
    let state = IDLE;
    for (let i = 0; i < MAX_ITEMS + 5; i++) {
      state = applyJobEvent(state, {
        type: 'item',
        item: { kind: 'nodes', key: `node-${i}`, status: 'sent' },
      });
    }
    expect(state.items).toHaveLength(MAX_ITEMS);
    expect(state.items[0]?.key).toBe('node-5');
    expect(state.itemCount).toBe(MAX_ITEMS + 5);
  });
});
