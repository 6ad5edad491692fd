// Cancelling a running job, from its row in the jobs list and from its page:
// only running jobs offer it, it asks first, sends DELETE /sync/jobs/{id},
// waits with its button disabled, then shows the job's end; a job that ended
// meanwhile (409) shows the server's reason and is read again.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventStream, type EventStream } from '@/testing/event-stream';
import { countedJson, fakeApi, json, problem, type FakeApi } from '@/testing/fake-api';
import { jobView } from '@/testing/history-factories';
import { renderApp } from '@/testing/render-app';
import { syncSettings } from '@/testing/sync-factories';

const JOBS = '/api/v1/sync/jobs';
const RUNNING_ID = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const DONE_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const CANCELLED_DETAIL =
  'cancelled by admin; a package the remote had not applied yet was not applied, one it had applied stays applied: compare again to see where the two stand';
const ENDED_DETAIL = `sync job '${RUNNING_ID}' has ended (completed)`;

const RUNNING = jobView({
  job_id: RUNNING_ID,
  status: 'running',
  phase: 'transferring',
  finished_at: null,
});
const DONE = jobView({ job_id: DONE_ID });
const CANCELLED_PROBLEM = {
  type: 'urn:live-sync:problem:job-cancelled',
  title: 'Job cancelled',
  status: 409,
  code: 'job-cancelled',
  detail: CANCELLED_DETAIL,
};
const CANCELLED = { ...RUNNING, status: 'failed' as const, problem: CANCELLED_PROBLEM };
const COMPLETED = { ...RUNNING, status: 'completed' as const };

let api: FakeApi;
let streams: EventStream[];
/** What GET /sync/jobs/{id} of the running job answers now. */
let current: typeof RUNNING;

beforeEach(() => {
  streams = [];
  current = RUNNING;
  api = fakeApi()
    .on('GET', '/api/v1/sync/settings', json(200, syncSettings()))
    .on('GET', JOBS, () => countedJson([current, DONE]))
    .on('GET', `${JOBS}/{id}`, (_request, params) =>
      json(200, params.id === RUNNING_ID ? current : DONE),
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

describe('Cancel a job', () => {
  it('is offered in the jobs list only for a running job, asks first, then shows it cancelled', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    api.on('DELETE', `${JOBS}/{id}`, async () => {
      await released;
      current = CANCELLED;
      return json(200, CANCELLED);
    });
    const { user } = renderApp('/jobs');
    await screen.findByRole('link', { name: 'Open job dddddddd' });
    expect(within(rowOf(DONE_ID)).queryByRole('button', { name: /Cancel/ })).toBeNull();
    const button = within(rowOf(RUNNING_ID)).getByRole('button', { name: 'Cancel job dddddddd' });
    expect(button).toHaveTextContent('Cancel');

    // Asked, and kept running: nothing is sent.
    await user.click(button);
    let dialog = screen.getByRole('dialog', { name: 'Cancel this job?' });
    expect(dialog).toHaveTextContent('What the remote has not applied yet is not applied.');
    await user.click(within(dialog).getByRole('button', { name: 'Keep it running' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.sentTo('DELETE', `${JOBS}/${RUNNING_ID}`)).toHaveLength(0);

    await user.click(button);
    dialog = screen.getByRole('dialog', { name: 'Cancel this job?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel job' }));
    await waitFor(() => expect(api.sentTo('DELETE', `${JOBS}/${RUNNING_ID}`)).toHaveLength(1));
    // While the server stops it, neither the button nor the dialog takes a second go.
    expect(button).toBeDisabled();
    expect(button).toHaveTextContent('Cancelling…');
    expect(within(dialog).getByRole('button', { name: 'Working…' })).toBeDisabled();

    release();
    await waitFor(() => expect(within(rowOf(RUNNING_ID)).getByText('Cancelled')).toBeVisible());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(rowOf(RUNNING_ID)).queryByRole('button', { name: /Cancel/ })).toBeNull();
    expect(rowOf(RUNNING_ID)).toHaveTextContent(CANCELLED_DETAIL);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('on the job page, follows the job to its end: the failed event and the job read again', async () => {
    api.on('DELETE', `${JOBS}/{id}`, () => {
      current = CANCELLED;
      return json(200, CANCELLED);
    });
    const { user } = renderApp(`/jobs/${RUNNING_ID}`);
    const button = await screen.findByRole('button', { name: 'Cancel job dddddddd' });
    await waitFor(() => expect(streams).toHaveLength(1));
    const stream = streams[0] as EventStream;
    stream.event('phase', { phase: 'transferring' });

    await user.click(button);
    await user.click(
      within(screen.getByRole('dialog', { name: 'Cancel this job?' })).getByRole('button', {
        name: 'Cancel job',
      }),
    );
    expect(api.sentTo('DELETE', `${JOBS}/${RUNNING_ID}`)).toHaveLength(1);
    // The server's stream ends with the job's failed event.
    stream.event('failed', { problem: CANCELLED_PROBLEM, duration_ms: 1500 });
    stream.close();

    const note = await screen.findByTestId('job-cancelled');
    expect(note).toHaveTextContent('The sync was cancelled');
    expect(note).toHaveTextContent(CANCELLED_DETAIL);
    const facts = screen.getByTestId('job-facts');
    await waitFor(() =>
      expect(within(facts).getByText('Status').nextElementSibling).toHaveTextContent('Cancelled'),
    );
    expect(screen.queryByRole('button', { name: 'Cancel job dddddddd' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows why not when the job had ended already (409), and reads it again', async () => {
    api.on('DELETE', `${JOBS}/{id}`, () => {
      current = COMPLETED;
      return problem(409, { code: 'conflict', title: 'Conflict', detail: ENDED_DETAIL });
    });
    const { user } = renderApp(`/jobs/${RUNNING_ID}`);
    await user.click(await screen.findByRole('button', { name: 'Cancel job dddddddd' }));
    const reads = api.sentTo('GET', `${JOBS}/${RUNNING_ID}`).length;
    await user.click(
      within(screen.getByRole('dialog', { name: 'Cancel this job?' })).getByRole('button', {
        name: 'Cancel job',
      }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not cancelled');
    expect(alert).toHaveTextContent(ENDED_DETAIL);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() =>
      expect(api.sentTo('GET', `${JOBS}/${RUNNING_ID}`).length).toBeGreaterThan(reads),
    );
    const facts = screen.getByTestId('job-facts');
    await waitFor(() =>
      expect(within(facts).getByText('Status').nextElementSibling).toHaveTextContent('completed'),
    );
    expect(screen.queryByRole('button', { name: 'Cancel job dddddddd' })).toBeNull();
  });

  it('says the job is stopping when it did not end within the server’s wait (202)', async () => {
    api.on('DELETE', `${JOBS}/{id}`, json(202, RUNNING));
    const { user } = renderApp(`/jobs/${RUNNING_ID}`);
    const button = await screen.findByRole('button', { name: 'Cancel job dddddddd' });
    await user.click(button);
    await user.click(
      within(screen.getByRole('dialog', { name: 'Cancel this job?' })).getByRole('button', {
        name: 'Cancel job',
      }),
    );
    await waitFor(() => expect(button).toHaveTextContent('Stopping…'));
    expect(button).toBeDisabled();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
