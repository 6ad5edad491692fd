// One history entry: its facts, and its items with their field changes
// before → after, a page at a time.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json, problem, type FakeApi } from '@/testing/fake-api';
import { historyDetail, historyEntry, historyItem } from '@/testing/history-factories';
import { renderApp } from '@/testing/render-app';

const ID = '11111111-1111-4111-8111-111111111111';
const ENTRY_PATH = `/api/v1/sync/history/${ID}`;
const JOB = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

const ITEMS = [
  historyItem({
    kind: 'clusters',
    key: 'production',
    changes: [
      { field: 'description', before: null, after: 'the main one' },
      {
        field: 'nodes',
        before: [{ hostname: 'a' }],
        after: [{ hostname: 'a' }, { hostname: 'b' }],
      },
    ],
  }),
  historyItem({
    key: 'node-new',
    action: 'created',
    before: null,
    before_hash: null,
    after: { hostname: 'node-new', ip: '10.0.0.9' },
    changes: [
      { field: 'hostname', before: null, after: 'node-new' },
      { field: 'ip', before: null, after: '10.0.0.9' },
    ],
  }),
  historyItem(),
];

let api: FakeApi;

beforeEach(() => {
  api = fakeApi().on('GET', ENTRY_PATH, (request) =>
    json(
      200,
      historyDetail(historyEntry({ items: 25 }), ITEMS, {
        page: Number(request.query.get('page') ?? 0),
        total: 25,
      }),
    ),
  );
});

function itemRow(key: string) {
  const row = screen.getAllByRole('row').find((candidate) => candidate.textContent?.includes(key));
  if (!row) throw new Error(`no row for ${key}`);
  return row;
}

describe('History entry page', () => {
  it('says when, who, from where, which job and what it did', async () => {
    renderApp(`/history/${ID}`);
    await screen.findByRole('heading', { name: 'Push from server-a', level: 1 });
    const facts = screen.getByTestId('entry-facts');
    expect(facts).toHaveTextContent('push: pushed here by the peer');
    expect(facts).toHaveTextContent('server-a (id id-a)');
    expect(facts).toHaveTextContent('admin on server-a');
    // The job of a push ran on the peer: no page of it here.
    expect(facts).toHaveTextContent(`${JOB} on server-a`);
    expect(within(facts).queryByRole('link', { name: JOB })).not.toBeInTheDocument();
    expect(facts).toHaveTextContent('25 items: applied 1 node; deleted nothing');
    expect(screen.getByRole('button', { name: 'Roll back…' })).toBeInTheDocument();
  });

  it('links a pull to its job, which ran on this server', async () => {
    api.on(
      'GET',
      ENTRY_PATH,
      json(200, historyDetail(historyEntry({ operation: 'pull', peer_name: 'server-b' }), ITEMS)),
    );
    renderApp(`/history/${ID}`);
    const link = await screen.findByRole('link', { name: JOB });
    expect(link).toHaveAttribute('href', `/jobs/${JOB}`);
  });

  it('lists each item’s field changes before → after, as the sync page writes values', async () => {
    const { user } = renderApp(`/history/${ID}`);
    await screen.findByRole('heading', { name: 'What it changed' });

    const changed = within(itemRow('node-01')).getByRole('list', {
      name: 'Field changes of node-01',
    });
    expect(changed).toHaveTextContent('ip: 10.0.0.1 → 10.0.0.2');
    expect(itemRow('node-01')).toHaveTextContent('changed');

    const cluster = within(itemRow('production')).getByRole('list', {
      name: 'Field changes of production',
    });
    expect(cluster).toHaveTextContent('description: (none) → the main one');
    // Lists read as counts, with the full values one click away.
    expect(cluster).toHaveTextContent('nodes: 1 node → 2 nodes');
    await user.click(within(itemRow('production')).getByText('Full values of nodes'));
    expect(within(itemRow('production')).getByText(/"hostname": "b"/)).toBeVisible();

    // A created item has every field on one side: folded behind its count.
    const created = itemRow('node-new');
    expect(created).toHaveTextContent('created');
    await user.click(within(created).getByText(/2 fields \(none before\)/));
    expect(
      within(created).getByRole('list', { name: 'Field changes of node-new' }),
    ).toHaveTextContent('ip: (none) → 10.0.0.9');
  });

  it('pages through the items', async () => {
    const { user } = renderApp(`/history/${ID}`);
    await screen.findByText(/1–20 of 25/);
    expect(api.sentTo('GET', ENTRY_PATH).at(-1)?.query.get('size')).toBe('20');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(api.sentTo('GET', ENTRY_PATH).at(-1)?.query.get('page')).toBe('1'));
    await screen.findByText(/21–25 of 25/);
  });

  it('shows an entry that is no more as the server’s problem', async () => {
    api.on(
      'GET',
      ENTRY_PATH,
      problem(404, { code: 'not-found', detail: `history entry '${ID}' not found` }),
    );
    renderApp(`/history/${ID}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the history entry');
    expect(alert).toHaveTextContent('not found');
  });
});
