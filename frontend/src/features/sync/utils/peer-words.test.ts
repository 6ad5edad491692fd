import { describe, expect, it } from 'vitest';
import { peer } from '@/testing/sync-factories';
import { lastJobParts, peerPasswordText, replicationText, shortFingerprint } from './peer-words';

const PIN = Array.from({ length: 32 }, (_, index) => (index + 16).toString(16).toUpperCase()).join(
  ':',
);

describe('peer words', () => {
  it('shortens a fingerprint to its start and end', () => {
    expect(shortFingerprint(PIN)).toBe(`${PIN.slice(0, 8)}…${PIN.slice(-5)}`);
    expect(shortFingerprint('AB:CD')).toBe('AB:CD');
  });

  it('says whose password a session uses', () => {
    expect(peerPasswordText(peer({ has_password: true }))).toBe('own');
    expect(peerPasswordText(peer({ has_password: false }))).toBe("this server's");
  });

  it('says whether the next compare is incremental', () => {
    expect(replicationText(peer())).toMatch(/none yet/);
    expect(
      replicationText(
        peer({
          replication: { state: 'checkpoint', checkpoint_id: 'c', local_seq: 12, remote_seq: 9 },
        }),
      ),
    ).toBe('checkpoint: here at 12, there at 9');
  });

  it('names the last job as the jobs page does', () => {
    const job = {
      id: 'j',
      status: 'completed',
      direction: 'push',
      started_at: '2026-01-01T00:00:00Z',
      finished_at: '2026-01-01T00:00:01Z',
    };
    expect(lastJobParts(job)).toEqual({ icon: '✓', text: 'completed, push' });
    expect(lastJobParts({ ...job, status: 'odd', direction: 'sideways' }).text).toBe(
      'odd, sideways',
    );
  });
});
