// A sync both ways and a mirroring push on the sync page, with the job's event
// stream played by the test through a stubbed fetch.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventStream, type EventStream } from '@/testing/event-stream';
import { fakeApi, json, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import {
  comparison,
  completedEvent,
  entry,
  sideResult,
  syncSession,
  syncSettings,
} from '@/testing/sync-factories';

const SESSIONS = '/api/v1/sync/sessions';
const JOBS = '/api/v1/sync/jobs';
const ONE_NODE = { nodes: 1, clusters: 0, ssh_keys: 0, configurations: 0 };
const TWO_NODES = { nodes: 2, clusters: 0, ssh_keys: 0, configurations: 0 };

const COMPARED = comparison({
  nodes: {
    different: [
      entry('node-02', { base_hash: 'remote-node-02', changed_on: 'local' }),
      entry('node-04', { base_hash: 'local-node-04', changed_on: 'remote' }),
      entry('node-07', { changed_on: 'unknown' }),
    ],
    missing_on_remote: [entry('node-03', { remote_hash: undefined })],
    missing_on_local: [entry('node-05', { local_hash: undefined })],
    deleted_on_remote: [entry('node-06', { remote_hash: undefined, base_hash: 'local-node-06' })],
  },
  clusters: { conflict: [entry('staging', { changed_on: 'both', base_hash: 'old' })] },
});

let api: FakeApi;
let streams: EventStream[];

beforeEach(() => {
  streams = [];
  api = fakeApi()
    .on('GET', '/api/v1/sync/settings', json(200, syncSettings()))
    .on('POST', SESSIONS, json(201, syncSession({ comparison: COMPARED })))
    .on('POST', JOBS, json(202, { job_id: 'job-1', events_url: `${JOBS}/job-1/events` }))
    .on('GET', `${JOBS}/{id}/events`, (request) => {
      const stream = eventStream(request.signal);
      streams.push(stream);
      return stream.response;
    });
});

async function openPage() {
  const view = renderApp('/sync/interactive');
  await view.user.click(await screen.findByRole('button', { name: 'Connect & Compare' }));
  await screen.findByTestId('remote-server');
  return view;
}

function rowOf(key: string): HTMLElement {
  const row = screen.getByRole('checkbox', { name: `Select ${key}` }).closest('tr');
  if (!row) throw new Error(`no row for ${key}`);
  return row;
}

describe('Sync both ways', () => {
  it('shows which way each row goes, syncs both ways and reports each direction', async () => {
    const { user } = await openPage();
    // A push cannot take what only the remote has.
    expect(screen.getByRole('checkbox', { name: 'Select node-05' })).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: 'Both ways with server-b' }));

    expect(rowOf('node-02')).toHaveTextContent('→ remote');
    expect(rowOf('node-03')).toHaveTextContent('→ remote');
    expect(rowOf('node-04')).toHaveTextContent('← here');
    expect(rowOf('node-05')).toHaveTextContent('← here');
    expect(rowOf('node-06')).toHaveTextContent('← here');
    expect(rowOf('node-07')).toHaveTextContent('skipped conflict');
    expect(rowOf('staging')).toHaveTextContent('skipped conflict');
    expect(screen.getByRole('checkbox', { name: 'Select node-05' })).toBeEnabled();
    expect(screen.getByRole('checkbox', { name: 'Select node-07' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Select staging' })).toBeDisabled();
    // Mirroring is a push's.
    expect(screen.queryByRole('checkbox', { name: /Mirror/ })).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: /Select all nodes shown/ }));
    expect(screen.getByTestId('both-ways-count')).toHaveTextContent('2 → server-b, 3 ← server-a');
    await user.click(screen.getByRole('button', { name: 'Start Sync' }));
    const dialog = screen.getByRole('dialog', { name: 'Sync 5 items both ways with server-b?' });
    expect(dialog).toHaveTextContent('→ server-b: 1 created, 1 replaced');
    expect(dialog).toHaveTextContent('← server-a: 1 created, 1 replaced, 1 deleted');
    await user.click(within(dialog).getByRole('button', { name: 'Start Sync' }));
    await waitFor(() => expect(api.sentTo('POST', JOBS)).toHaveLength(1));
    expect(api.sentTo('POST', JOBS)[0]?.body).toEqual({
      session_id: 'session-1',
      selection: { nodes: ['node-02', 'node-04', 'node-03', 'node-05', 'node-06'] },
      direction: 'both',
      dry_run: false,
    });

    await waitFor(() => expect(streams).toHaveLength(1));
    const stream = streams[0] as EventStream;
    const panel = screen.getByRole('region', { name: 'Sync both ways with server-b' });
    stream.event('progress', {
      done: 3,
      total: 5,
      bytes: 700,
      pushed: { done: 2, total: 2 },
      pulled: { done: 1, total: 3 },
    });
    stream.event('item', { kind: 'nodes', key: 'node-02', status: 'sent' });
    stream.event('item', { kind: 'nodes', key: 'node-05', status: 'received' });
    const directions = await within(panel).findByTestId('job-directions');
    await waitFor(() => expect(directions).toHaveTextContent('→ to server-b: 2 / 2 items'));
    expect(directions).toHaveTextContent('← to server-a: 1 / 3 items');
    expect(within(panel).getByRole('region', { name: 'Items' })).toHaveTextContent(
      'node node-05: received',
    );

    stream.event(
      'completed',
      completedEvent({
        applied: { nodes: 4, clusters: 0, ssh_keys: 0, configurations: 0 },
        deleted: ONE_NODE,
        pushed: sideResult({ applied: TWO_NODES }),
        pulled: sideResult({ applied: TWO_NODES, deleted: ONE_NODE }),
      }),
    );
    stream.close();
    const each = await within(panel).findByTestId('result-directions');
    expect(each).toHaveTextContent('→ server-b: apply 2 nodes; delete nothing; skipped 0');
    expect(each).toHaveTextContent('← server-a: apply 2 nodes; delete 1 node; skipped 0');
    expect(panel).toHaveTextContent('Sync finished: applied 4 nodes; deleted 1 node. Verified.');
  });
});

describe('Conflicts both ways', () => {
  it('lets a preferred version win a conflict, and says which way it goes', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('radio', { name: 'Both ways with server-b' }));
    expect(screen.getByRole('radio', { name: 'Skip them' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select staging' })).toBeDisabled();

    // Another direction forgets the preference: a one-way job picks conflicts by name.
    await user.click(screen.getByRole('radio', { name: 'server-a’s version wins' }));
    expect(rowOf('staging')).toHaveTextContent('→ remote');
    await user.click(screen.getByRole('radio', { name: 'Push to server-b' }));
    await user.click(screen.getByRole('radio', { name: 'Both ways with server-b' }));
    expect(screen.getByRole('radio', { name: 'Skip them' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'server-b’s version wins' }));
    expect(rowOf('staging')).toHaveTextContent('← here');
    expect(rowOf('node-07')).toHaveTextContent('← here');
    await user.click(screen.getByRole('checkbox', { name: 'Select staging' }));
    await user.click(screen.getByRole('button', { name: 'Start Sync' }));
    const dialog = screen.getByRole('dialog', { name: 'Sync 1 item both ways with server-b?' });
    expect(dialog).toHaveTextContent('a conflict, from server-b, whose version wins');
    expect(dialog).toHaveTextContent('← server-a: 1 conflict overwritten');
    await user.click(within(dialog).getByRole('button', { name: 'Start Sync' }));
    await waitFor(() => expect(api.sentTo('POST', JOBS)).toHaveLength(1));
    expect(api.sentTo('POST', JOBS)[0]?.body).toEqual({
      session_id: 'session-1',
      selection: { clusters: ['staging'] },
      direction: 'both',
      dry_run: false,
      conflict_policy: 'prefer_remote',
    });
  });
});

describe('The newest policy', () => {
  it('lets the newer change win a conflict, by the logical clocks, and says a skip may follow', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('radio', { name: 'Both ways with server-b' }));
    expect(screen.queryByTestId('newest-note')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'The newer change wins' }));
    expect(screen.getByTestId('newest-note')).toHaveTextContent(
      'a server whose clock is skewed cannot win by it',
    );
    expect(rowOf('staging')).toHaveTextContent('newer change wins');
    expect(rowOf('node-07')).toHaveTextContent('newer change wins');
    await user.click(screen.getByRole('checkbox', { name: 'Select staging' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select node-02' }));
    expect(screen.getByTestId('both-ways-count')).toHaveTextContent(
      '1 → server-b, 0 ← server-a, 1 ⇄ the newer change wins',
    );
    await user.click(screen.getByRole('button', { name: 'Start Sync' }));
    const dialog = screen.getByRole('dialog', { name: 'Sync 2 items both ways with server-b?' });
    expect(dialog).toHaveTextContent('in a conflict, the newer change wins');
    expect(dialog).toHaveTextContent('1 conflict decided by the newer change');
    await user.click(within(dialog).getByRole('button', { name: 'Start Sync' }));
    await waitFor(() => expect(api.sentTo('POST', JOBS)).toHaveLength(1));
    expect(api.sentTo('POST', JOBS)[0]?.body).toEqual({
      session_id: 'session-1',
      selection: { nodes: ['node-02'], clusters: ['staging'] },
      direction: 'both',
      dry_run: false,
      conflict_policy: 'newest',
    });

    await waitFor(() => expect(streams).toHaveLength(1));
    const stream = streams[0] as EventStream;
    stream.event('item', { kind: 'clusters', key: 'staging', status: 'skipped_conflict' });
    stream.event('completed', completedEvent({ skipped: 1 }));
    stream.close();
    const panel = screen.getByRole('region', { name: 'Sync both ways with server-b' });
    await within(panel).findByTestId('job-result');
    expect(within(panel).getByRole('region', { name: 'Items' })).toHaveTextContent(
      'cluster staging: skipped: conflict (no policy decided it, or under newest the clocks could not tell which change is newer)',
    );
    expect(panel).toHaveTextContent('newest among them when the clocks could not tell');
  });
});

describe('Mirror', () => {
  it('lets a push overwrite what changed on the remote, after a clear warning', async () => {
    const { user } = await openPage();
    // Changed on the remote: a push leaves it alone, so it cannot be picked.
    expect(screen.getByRole('checkbox', { name: 'Select node-04' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Select node-06' })).toBeDisabled();
    expect(screen.queryByTestId('mirror-warning')).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: /Mirror/ }));
    expect(screen.getByTestId('mirror-warning')).toHaveTextContent(
      'Mirror overwrites server-b’s own changes',
    );
    expect(screen.getByTestId('mirror-warning')).toHaveTextContent(
      'what server-b deleted is re-created',
    );
    await user.click(screen.getByRole('checkbox', { name: 'Select node-06' }));
    await user.click(screen.getByRole('button', { name: 'Start Sync' }));
    const dialog = screen.getByRole('dialog', { name: 'Send 1 item to server-b?' });
    expect(within(dialog).getByTestId('mirror-warning')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Start Sync' }));
    await waitFor(() => expect(api.sentTo('POST', JOBS)).toHaveLength(1));
    expect(api.sentTo('POST', JOBS)[0]?.body).toEqual({
      session_id: 'session-1',
      selection: { nodes: ['node-06'] },
      direction: 'push',
      dry_run: false,
      mode: 'mirror',
    });
  });

  it('is a push’s only: another direction drops it', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: /Mirror/ }));
    await user.click(screen.getByRole('radio', { name: 'Pull from server-b' }));
    expect(screen.queryByRole('checkbox', { name: /Mirror/ })).toBeNull();
    expect(screen.queryByTestId('mirror-warning')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Push to server-b' }));
    expect(screen.getByRole('checkbox', { name: /Mirror/ })).not.toBeChecked();
  });
});
