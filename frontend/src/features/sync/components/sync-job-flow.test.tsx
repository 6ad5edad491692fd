// Preview and Start Sync on the sync page, with the job's event stream played
// by the test through a stubbed fetch.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventStream, type EventStream } from '@/testing/event-stream';
import { fakeApi, json, problem, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import {
  comparison,
  completedEvent,
  entry,
  syncSession,
  syncSettings,
} from '@/testing/sync-factories';

const SESSIONS = '/api/v1/sync/sessions';
const JOBS = '/api/v1/sync/jobs';

const COMPARED = comparison({
  nodes: {
    different: [
      entry('node-02', { changes: [{ field: 'ip', local: '10.0.0.2', remote: '10.0.0.3' }] }),
    ],
    missing_on_remote: [entry('node-03')],
  },
  clusters: { conflict: [entry('staging', { changed_on: 'both' })] },
});

let api: FakeApi;
let streams: EventStream[];
let jobs: number;

beforeEach(() => {
  streams = [];
  jobs = 0;
  api = fakeApi()
    .on('GET', '/api/v1/sync/settings', json(200, syncSettings()))
    .on('POST', SESSIONS, () =>
      json(
        201,
        syncSession({
          session_id: `session-${api.sentTo('POST', SESSIONS).length}`,
          comparison: COMPARED,
        }),
      ),
    )
    .on('POST', JOBS, () => {
      jobs++;
      return json(202, { job_id: `job-${jobs}`, events_url: `${JOBS}/job-${jobs}/events` });
    })
    .on('GET', `${JOBS}/{id}/events`, (request) => {
      const stream = eventStream(request.signal);
      streams.push(stream);
      return stream.response;
    });
});

async function openPage(password = '') {
  const view = renderApp('/sync/interactive');
  if (password) await view.user.type(await screen.findByLabelText(/Sync password/), password);
  await view.user.click(await screen.findByRole('button', { name: 'Connect & Compare' }));
  await screen.findByTestId('remote-server');
  return view;
}

/** The event stream of the n-th job the page follows. */
async function streamOfJob(n: number): Promise<EventStream> {
  await waitFor(() => expect(streams.length).toBeGreaterThanOrEqual(n));
  return streams[n - 1] as EventStream;
}

function playSuccessfulRun(stream: EventStream, dryRun: boolean) {
  const phases = ['connecting', 'fetching', 'comparing', 'packaging', 'transferring', 'applying'];
  if (!dryRun) phases.push('verifying');
  phases.forEach((phase) => stream.event('phase', { phase }));
  stream.event('progress', { done: 0, total: 2, bytes: 0 });
  stream.event('item', { kind: 'nodes', key: 'node-02', status: 'sent' });
  stream.event('item', { kind: 'nodes', key: 'node-03', status: 'sent' });
  stream.event('progress', { done: 2, total: 2, bytes: 2048 });
  stream.event(
    'completed',
    completedEvent({
      applied: { nodes: 2, clusters: 0, ssh_keys: 0, configurations: 0 },
      changed: { nodes: 2, clusters: 0, ssh_keys: 0, configurations: 0 },
      dry_run: dryRun,
      verified: dryRun ? undefined : true,
      duration_ms: 1406,
    }),
  );
  stream.close();
}

describe('Preview and Start Sync', () => {
  it('need a selection', async () => {
    await openPage();
    expect(screen.getByRole('button', { name: 'Preview' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Start Sync' })).toBeDisabled();
  });

  it('previews as a dry run and shows what would happen, live', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: /Select all nodes shown/ }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    await waitFor(() => expect(api.sentTo('POST', JOBS)).toHaveLength(1));
    expect(api.sentTo('POST', JOBS)[0]?.body).toEqual({
      session_id: 'session-1',
      selection: { nodes: ['node-02', 'node-03'] },
      direction: 'push',
      dry_run: true,
    });
    const stream = await streamOfJob(1);
    const panel = screen.getByRole('region', { name: 'Preview (dry run) on server-b' });
    expect(screen.getByRole('heading', { name: 'Preview (dry run) on server-b' })).toHaveFocus();

    stream.event('phase', { phase: 'connecting' });
    stream.event('phase', { phase: 'fetching' });
    stream.event('progress', { done: 1, total: 2, bytes: 900 });
    stream.event('item', { kind: 'nodes', key: 'node-02', status: 'sent' });
    const bar = await within(panel).findByRole('progressbar', { name: 'Items sent' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '1'));
    expect(bar).toHaveAttribute('aria-valuemax', '2');
    expect(panel).toHaveTextContent('1 / 2 items · 900 B sent');
    expect(within(panel).getByRole('list', { name: 'Phases' })).toHaveTextContent(
      '✓ Connecting (done)',
    );
    expect(within(panel).getByText('Fetching').closest('li')).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(within(panel).getByRole('region', { name: 'Items' })).toHaveTextContent(
      'node node-02: sent',
    );
    // A dry run verifies nothing, so there is no such phase to wait for.
    expect(within(panel).queryByText('Verifying')).toBeNull();

    playSuccessfulRun(stream, true);
    expect(
      await within(panel).findByText(
        'Preview: would apply 2 nodes; would delete nothing; nothing was changed on server-b.',
      ),
    ).toBeInTheDocument();
    expect(bar).toHaveAttribute('aria-valuenow', '2');
    expect(within(panel).queryByRole('button', { name: 'Compare again' })).toBeNull();
    // Still the same comparison: the real sync can follow.
    expect(screen.getByRole('button', { name: 'Start Sync' })).toBeEnabled();
  });

  it('asks before a real sync, naming the conflicts it overwrites', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: 'Select node-03' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select staging' }));
    await user.click(screen.getByRole('button', { name: 'Start Sync' }));

    let dialog = screen.getByRole('dialog', { name: 'Send 2 items to server-b?' });
    expect(dialog).toHaveTextContent('1 created, 1 overwritten on server-b');
    expect(dialog).toHaveTextContent('1 conflict will be overwritten');
    expect(dialog).toHaveTextContent('cluster: staging');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.sentTo('POST', JOBS)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Start Sync' }));
    dialog = screen.getByRole('dialog', { name: 'Send 2 items to server-b?' });
    await user.click(within(dialog).getByRole('button', { name: 'Start Sync' }));
    await waitFor(() => expect(api.sentTo('POST', JOBS)).toHaveLength(1));
    expect(api.sentTo('POST', JOBS)[0]?.body).toEqual({
      session_id: 'session-1',
      selection: { nodes: ['node-03'], clusters: ['staging'] },
      direction: 'push',
      dry_run: false,
    });
  });

  it('pulls from the remote: what the remote has becomes selectable, and the job says so', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('radio', { name: 'Pull from server-b' }));
    // node-03 is only here: nothing to pull.
    expect(screen.getByRole('checkbox', { name: 'Select node-03' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Select node-02' }));
    await user.click(screen.getByRole('button', { name: 'Start Sync' }));
    const dialog = screen.getByRole('dialog', { name: 'Take 1 item from server-b?' });
    expect(dialog).toHaveTextContent('1 replaced on server-a');
    await user.click(within(dialog).getByRole('button', { name: 'Start Sync' }));
    await waitFor(() => expect(api.sentTo('POST', JOBS)).toHaveLength(1));
    expect(api.sentTo('POST', JOBS)[0]?.body).toEqual({
      session_id: 'session-1',
      selection: { nodes: ['node-02'] },
      direction: 'pull',
      dry_run: false,
    });

    const stream = await streamOfJob(1);
    stream.event('item', { kind: 'nodes', key: 'node-02', status: 'received' });
    stream.event('completed', completedEvent());
    stream.close();
    expect(await screen.findByRole('heading', { name: 'Pull from server-b' })).toBeInTheDocument();
    expect(await screen.findByText(/node-02/, { selector: 'strong' })).toBeInTheDocument();
  });

  it('follows a real sync to "Verified", then compares again with the same remote', async () => {
    const { user } = await openPage('their-secret');
    await user.click(screen.getByRole('checkbox', { name: /Select all nodes shown/ }));
    await user.click(screen.getByRole('button', { name: 'Start Sync' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Start Sync' }),
    );

    playSuccessfulRun(await streamOfJob(1), false);
    const panel = screen.getByRole('region', { name: 'Sync to server-b' });
    expect(
      await within(panel).findByText('Verified: every item sent now matches on server-b.'),
    ).toBeInTheDocument();
    expect(panel).toHaveTextContent('2 / 2 items');
    expect(panel).toHaveTextContent('Took 1.4 s');
    expect(within(panel).getByRole('row', { name: /Nodes 2 2 0/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start Sync' })).toBeDisabled();

    await user.click(within(panel).getByRole('button', { name: 'Compare again' }));
    await waitFor(() => expect(api.sentTo('POST', SESSIONS)).toHaveLength(2));
    expect(api.sentTo('POST', SESSIONS)[1]?.body).toEqual({
      remote_url: 'http://server-b:5000',
      password: 'their-secret',
    });
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Sync to server-b' })).toBeNull(),
    );
    expect(await screen.findByText('0 items selected')).toBeInTheDocument();
    // The button is gone with the old result: focus goes on to the new comparison.
    expect(screen.getByRole('heading', { name: 'Summary' })).toHaveFocus();
  });

  it('names the items the remote left alone because they changed there since the comparison', async () => {
    const { user } = await openPage('their-secret');
    await user.click(screen.getByRole('checkbox', { name: /Select all nodes shown/ }));
    await user.click(screen.getByRole('button', { name: 'Start Sync' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Start Sync' }),
    );

    const stream = await streamOfJob(1);
    stream.event('phase', { phase: 'connecting' });
    stream.event('item', { kind: 'nodes', key: 'node-03', status: 'sent' });
    stream.event('item', { kind: 'nodes', key: 'node-02', status: 'changed_since_compare' });
    stream.event(
      'completed',
      completedEvent({
        applied: { nodes: 1, clusters: 0, ssh_keys: 0, configurations: 0 },
        skipped: 1,
        changed_since_compare: [{ kind: 'nodes', key: 'node-02' }],
      }),
    );
    stream.close();

    const panel = screen.getByRole('region', { name: 'Sync to server-b' });
    const leftAlone = await within(panel).findByTestId('changed-since-compare');
    expect(leftAlone).toHaveTextContent(
      'Left alone on server-b: changed there since the comparison.',
    );
    expect(within(leftAlone).getByRole('listitem')).toHaveTextContent('node node-02');
    expect(panel).toHaveTextContent('left alone: changed since the comparison');
  });

  it('shows why a job failed', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: 'Select node-03' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const stream = await streamOfJob(1);
    stream.event('phase', { phase: 'connecting' });
    stream.event('failed', {
      problem: {
        status: 502,
        code: 'remote-unreachable',
        detail: 'http://server-b:5000 refused the connection',
      },
      duration_ms: 12,
    });
    stream.close();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The preview failed');
    expect(alert).toHaveTextContent('http://server-b:5000 refused the connection');
  });

  it('shows why a job did not start', async () => {
    api.on(
      'POST',
      JOBS,
      problem(404, { code: 'not-found', detail: "sync session 'session-1' does not exist" }),
    );
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: 'Select node-03' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "sync session 'session-1' does not exist",
    );
  });

  it('closes the event stream when the user leaves the page', async () => {
    const { user, unmount } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: 'Select node-03' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const stream = await streamOfJob(1);
    stream.event('phase', { phase: 'connecting' });
    const [request] = api.sentTo('GET', `${JOBS}/job-1/events`);
    expect(request?.signal.aborted).toBe(false);

    unmount();
    expect(request?.signal.aborted).toBe(true);
  });
});
