// A job an operator cancelled reads "Cancelled", plainly and not in red; one
// the server's watchdog stopped reads "Stalled", as a failure with its reason:
// in the jobs list, on the job page and in its live panel.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventStream, type EventStream } from '@/testing/event-stream';
import { countedJson, fakeApi, json } from '@/testing/fake-api';
import { jobView } from '@/testing/history-factories';
import { renderApp } from '@/testing/render-app';
import { syncSettings } from '@/testing/sync-factories';

const JOBS = '/api/v1/sync/jobs';
const CANCELLED_ID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const STALLED_ID = '99999999-9999-4999-8999-999999999999';
const CANCELLED_DETAIL =
  'cancelled by admin; a package the remote had not applied yet was not applied, one it had applied stays applied: compare again to see where the two stand';
const STALLED_DETAIL = 'the job made no progress for 5m0s: the server stopped it';

const CANCELLED = jobView({
  job_id: CANCELLED_ID,
  status: 'failed',
  phase: 'transferring',
  problem: {
    type: 'urn:live-sync:problem:job-cancelled',
    title: 'Job cancelled',
    status: 409,
    code: 'job-cancelled',
    detail: CANCELLED_DETAIL,
  },
});

const STALLED = jobView({
  job_id: STALLED_ID,
  status: 'failed',
  phase: 'applying',
  problem: {
    type: 'urn:live-sync:problem:job-stalled',
    title: 'Job stalled',
    status: 504,
    code: 'job-stalled',
    detail: STALLED_DETAIL,
  },
});

let streams: EventStream[];

beforeEach(() => {
  streams = [];
  fakeApi()
    .on('GET', '/api/v1/sync/settings', json(200, syncSettings()))
    .on('GET', JOBS, countedJson([CANCELLED, STALLED]))
    .on('GET', `${JOBS}/{id}`, (_request, params) =>
      json(
        200,
        [CANCELLED, STALLED].find((job) => job.job_id === params.id),
      ),
    )
    .on('GET', `${JOBS}/{id}/events`, (request) => {
      const stream = eventStream(request.signal);
      streams.push(stream);
      return stream.response;
    });
});

function rowOf(id: string) {
  const row = screen.getByRole('link', { name: `Open job ${id.slice(0, 8)}` }).closest('tr');
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

describe('Job end labels', () => {
  it('labels a cancelled job "Cancelled" in a neutral tone, in the list and on its page', async () => {
    const { user } = renderApp('/jobs');
    await screen.findByRole('link', { name: 'Open job cccccccc' });
    const row = rowOf(CANCELLED_ID);
    expect(within(row).getByText('Cancelled')).toHaveAttribute('data-status', 'cancelled');
    expect(row).not.toHaveTextContent('failed');
    expect(row).toHaveTextContent(CANCELLED_DETAIL);

    await user.click(screen.getByRole('link', { name: 'Open job cccccccc' }));
    const facts = await screen.findByTestId('job-facts');
    expect(within(facts).getByText('Status').nextElementSibling).toHaveTextContent('Cancelled');
    expect(within(facts).queryByText('Why it failed')).toBeNull();
    expect(within(facts).getByText('How it ended').nextElementSibling).toHaveTextContent(
      CANCELLED_DETAIL,
    );

    await waitFor(() => expect(streams).toHaveLength(1));
    const stream = streams[0] as EventStream;
    stream.event('failed', { problem: CANCELLED.problem, duration_ms: 1200 });
    stream.close();
    const note = await screen.findByTestId('job-cancelled');
    expect(note).toHaveTextContent('The sync was cancelled');
    expect(note).toHaveTextContent(CANCELLED_DETAIL);
    // Not an error.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('labels a job the watchdog stopped "Stalled", as a failure with its reason', async () => {
    const { user } = renderApp('/jobs');
    await screen.findByRole('link', { name: 'Open job 99999999' });
    const row = rowOf(STALLED_ID);
    expect(within(row).getByText('Stalled')).toHaveAttribute('data-status', 'failed');
    expect(row).toHaveTextContent(STALLED_DETAIL);

    await user.click(screen.getByRole('link', { name: 'Open job 99999999' }));
    const facts = await screen.findByTestId('job-facts');
    expect(within(facts).getByText('Status').nextElementSibling).toHaveTextContent('Stalled');
    expect(within(facts).getByText('Why it failed').nextElementSibling).toHaveTextContent(
      STALLED_DETAIL,
    );

    await waitFor(() => expect(streams).toHaveLength(1));
    const stream = streams[0] as EventStream;
    stream.event('failed', { problem: STALLED.problem, duration_ms: 300000 });
    stream.close();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'The sync stalled: the server stopped it when it made no progress',
    );
    expect(alert).toHaveTextContent(STALLED_DETAIL);
  });
});
