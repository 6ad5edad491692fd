// The broadcast view and how it starts: peers picked on the Peers page are
// synced at once, then each peer's row follows the broadcast's event stream.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventStream, type EventStream } from '@/testing/event-stream';
import { fakeApi, json, problem, validationProblem, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import { completedEvent, peer } from '@/testing/sync-factories';

const ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const JOB_EU = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
const BROADCAST = `/api/v1/sync/broadcasts/${ID}`;
const PEERS = '/api/v1/sync/peers';

function view(overrides: Record<string, unknown> = {}) {
  return {
    broadcast_id: ID,
    status: 'running',
    direction: 'push',
    dry_run: false,
    started_by: 'admin',
    started_at: '2026-03-04T10:00:00Z',
    finished_at: null,
    peers: [
      { peer: 'eu', status: 'pending', job_id: null, result: null, problem: null },
      { peer: 'down', status: 'pending', job_id: null, result: null, problem: null },
    ],
    ...overrides,
  };
}

const EU_DONE = {
  peer: 'eu',
  status: 'completed',
  job_id: JOB_EU,
  result: completedEvent({ applied: { nodes: 2, clusters: 0, ssh_keys: 0, configurations: 0 } }),
  problem: null,
};
const DOWN_FAILED = {
  peer: 'down',
  status: 'failed',
  job_id: null,
  result: null,
  problem: {
    status: 502,
    code: 'remote-unreachable',
    title: 'Remote unreachable',
    detail: 'Connection refused: 127.0.0.1:1',
  },
};

let api: FakeApi;
let stream: EventStream;

beforeEach(() => {
  api = fakeApi()
    .on('GET', BROADCAST, json(200, view()))
    .on('GET', `${BROADCAST}/events`, (request) => {
      stream = eventStream(request.signal);
      return stream.response;
    });
});

function rowOf(name: string) {
  const row = document.querySelector(`tr[data-peer="${name}"]`);
  if (!(row instanceof HTMLElement)) throw new Error(`no row for ${name}`);
  return row;
}

describe('the broadcast view', () => {
  it('shows a row per peer from the events: progress, job link, result, then the end', async () => {
    renderApp(`/sync/broadcasts/${ID}`);
    await screen.findByText('eu');
    await waitFor(() => expect(api.sentTo('GET', `${BROADCAST}/events`)).toHaveLength(1));
    expect(within(rowOf('eu')).getByText('pending')).toBeInTheDocument();

    stream.event('peer', {
      type: 'peer',
      peer: { peer: 'eu', status: 'running', job_id: JOB_EU, result: null, problem: null },
    });
    stream.event('progress', { type: 'progress', peer: 'eu', done: 3, total: 4, bytes: 2048 });
    const bar = await within(rowOf('eu')).findByRole('progressbar');
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '3'));
    expect(bar).toHaveAttribute('aria-valuemax', '4');
    expect(within(rowOf('eu')).getByText('running')).toBeInTheDocument();
    expect(within(rowOf('eu')).getByRole('link', { name: 'Open job eeeeeeee' })).toHaveAttribute(
      'href',
      `/jobs/${JOB_EU}`,
    );

    stream.event('peer', { type: 'peer', peer: EU_DONE });
    stream.event('peer', { type: 'peer', peer: DOWN_FAILED });
    stream.event('finished', {
      type: 'finished',
      completed: 1,
      failed: 1,
      peers: [EU_DONE, DOWN_FAILED],
    });
    stream.close();

    await waitFor(() =>
      expect(screen.getByTestId('broadcast-summary')).toHaveTextContent(
        'Failed · 1 of 2 completed',
      ),
    );
    const eu = within(rowOf('eu'));
    expect(eu.getByText('completed')).toBeInTheDocument();
    expect(eu.getByText(/apply 2 nodes; delete nothing · verified/)).toBeInTheDocument();
    const down = within(rowOf('down'));
    expect(down.getByText('failed')).toBeInTheDocument();
    expect(down.getByText('Connection refused: 127.0.0.1:1')).toBeInTheDocument();
    expect(down.getByText('none')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a finished broadcast again on reload: the results, then finished', async () => {
    api.on(
      'GET',
      BROADCAST,
      json(
        200,
        view({ status: 'completed', peers: [EU_DONE], finished_at: '2026-03-04T10:01:00Z' }),
      ),
    );
    renderApp(`/sync/broadcasts/${ID}`);
    expect(await within(await findRow('eu')).findByText(/apply 2 nodes/)).toBeInTheDocument();
    await waitFor(() => expect(api.sentTo('GET', `${BROADCAST}/events`)).toHaveLength(1));
    stream.event('peer', { type: 'peer', peer: EU_DONE });
    stream.event('finished', { type: 'finished', completed: 1, failed: 0, peers: [EU_DONE] });
    stream.close();
    await waitFor(() =>
      expect(screen.getByTestId('broadcast-summary')).toHaveTextContent(
        'Completed · 1 of 1 completed',
      ),
    );
  });

  it('says so when the stream breaks before the end', async () => {
    renderApp(`/sync/broadcasts/${ID}`);
    await screen.findByText('eu');
    await waitFor(() => expect(api.sentTo('GET', `${BROADCAST}/events`)).toHaveLength(1));
    stream.close();
    expect(await screen.findByRole('alert')).toHaveTextContent(/closed before the broadcast ended/);
  });
});

async function findRow(name: string) {
  await screen.findByText(name);
  return rowOf(name);
}

describe('starting a broadcast on the Peers page', () => {
  beforeEach(() => {
    api.on('GET', PEERS, json(200, [peer({ name: 'down' }), peer({ name: 'eu' })]));
  });

  it('sends the picked peers, direction and dry run, then opens the broadcast', async () => {
    api.on(
      'POST',
      '/api/v1/sync/broadcasts',
      json(202, { broadcast_id: ID, events_url: `${BROADCAST}/events` }),
    );
    const { user } = renderApp('/sync/peers');
    expect(screen.queryByRole('button', { name: /Sync to selected peers/ })).toBeNull();
    await user.click(await screen.findByRole('checkbox', { name: 'Select eu' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select down' }));
    await user.click(screen.getByRole('button', { name: 'Sync to selected peers (2)' }));
    const form = screen.getByRole('form', { name: 'Sync to selected peers' });
    await user.selectOptions(within(form).getByLabelText('Direction'), 'both');
    await user.click(within(form).getByLabelText(/Dry run/));
    await user.click(within(form).getByRole('button', { name: 'Start sync' }));

    expect(await screen.findByRole('heading', { name: /Broadcast/ })).toBeInTheDocument();
    expect(api.sentTo('POST', '/api/v1/sync/broadcasts')[0]?.body).toEqual({
      peers: ['down', 'eu'],
      selection: 'all',
      direction: 'both',
      dry_run: true,
    });
    expect(await screen.findByText('eu')).toBeInTheDocument();
  });

  it('shows a refusal (400) as a message and stays', async () => {
    api.on(
      'POST',
      '/api/v1/sync/broadcasts',
      validationProblem([{ field: 'peers', message: "no peer named 'eu'" }]),
    );
    const { user } = renderApp('/sync/peers');
    await user.click(await screen.findByRole('checkbox', { name: 'Select eu' }));
    await user.click(screen.getByRole('button', { name: 'Sync to selected peers (1)' }));
    await user.click(screen.getByRole('button', { name: 'Start sync' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("peers: no peer named 'eu'");
    expect(screen.getByRole('heading', { name: 'Peers' })).toBeInTheDocument();

    api.on(
      'POST',
      '/api/v1/sync/broadcasts',
      problem(400, { code: 'bad-request', detail: 'direction both needs a checkpoint' }),
    );
    await user.click(screen.getByRole('button', { name: 'Start sync' }));
    expect(await screen.findByText('direction both needs a checkpoint')).toBeInTheDocument();
  });
});
