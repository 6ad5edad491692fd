import { describe, expect, it } from 'vitest';
import { jobView } from '@/testing/history-factories';
import { jobStatusBadge, jobStatusText } from './job-list';

function failedWith(code: string, detail: string) {
  return jobView({
    status: 'failed',
    result: null,
    problem: { type: `urn:live-sync:problem:${code}`, title: 'Problem', status: 409, code, detail },
  });
}

describe('job status words', () => {
  it('labels a cancelled job "Cancelled", in a neutral tone rather than failed', () => {
    const job = failedWith('job-cancelled', 'cancelled by admin');
    expect(jobStatusText(job)).toBe('Cancelled');
    expect(jobStatusBadge(job)).toEqual({ icon: '■', text: 'Cancelled', tone: 'cancelled' });
  });

  it('labels a job the watchdog stopped "Stalled", as a failure', () => {
    const job = failedWith('job-stalled', 'no progress for 5m');
    expect(jobStatusText(job)).toBe('Stalled');
    expect(jobStatusBadge(job)).toEqual({ icon: '✖', text: 'Stalled', tone: 'failed' });
  });

  it('keeps the plain words for any other failure', () => {
    const job = failedWith('remote-failed', 'server-b did not answer');
    expect(jobStatusBadge(job)).toEqual({ icon: '✖', text: 'failed', tone: 'failed' });
  });
});
