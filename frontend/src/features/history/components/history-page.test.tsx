// The history list: entries newest first with their markers, filters and
// paging in the URL, and ?job= as the jobs page links to it.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { page } from '@/testing/factories';
import { fakeApi, json, problem, type FakeApi } from '@/testing/fake-api';
import { counts, historyEntry } from '@/testing/history-factories';
import { renderApp } from '@/testing/render-app';

const HISTORY = '/api/v1/sync/history';
const PUSH_ID = '11111111-1111-4111-8111-111111111111';
const ROLLBACK_ID = '22222222-2222-4222-8222-222222222222';
const PULL_ID = '33333333-3333-4333-8333-333333333333';
const JOB = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const ENTRIES = [
  historyEntry({
    id: ROLLBACK_ID,
    operation: 'rollback',
    applied_at: '2026-03-04T11:00:00Z',
    job_id: null,
    package_id: null,
    rollback_of: PUSH_ID,
    counts: { applied: counts(), changed: counts(), deleted: counts({ nodes: 1 }) },
  }),
  historyEntry({ id: PUSH_ID, rolled_back_by: ROLLBACK_ID }),
  historyEntry({
    id: PULL_ID,
    operation: 'pull',
    peer_name: 'server-b',
    peer_server_id: 'id-b',
    started_by: 'ops',
    job_id: JOB,
    counts: {
      applied: counts({ nodes: 2, clusters: 1 }),
      changed: counts({ nodes: 1 }),
      deleted: counts({ ssh_keys: 1 }),
    },
    items: 4,
  }),
];

let api: FakeApi;

beforeEach(() => {
  api = fakeApi().on('GET', HISTORY, (request) =>
    json(
      200,
      page(ENTRIES, {
        page: Number(request.query.get('page') ?? 0),
        size: Number(request.query.get('size') ?? 50),
        total: 45,
      }),
    ),
  );
});

function rowOf(text: string) {
  const row = screen.getAllByRole('row').find((candidate) => candidate.textContent?.includes(text));
  if (!row) throw new Error(`no row with ${text}`);
  return row;
}

function lastQuery() {
  return api.sentTo('GET', HISTORY).at(-1)?.query;
}

describe('History page', () => {
  it('is in the navigation and lists the entries with who, what and their counts', async () => {
    const { user } = renderApp('/nodes');
    api.on('GET', '/api/v1/nodes', json(200, page([])));
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', {
        name: 'History',
      }),
    );
    await screen.findByRole('heading', { name: 'History' });
    await screen.findByRole('link', { name: 'Pull from server-b' });

    const pull = rowOf('Pull from server-b');
    expect(pull).toHaveTextContent('ops');
    expect(pull).toHaveTextContent('4 items: applied 2 nodes, 1 cluster; deleted 1 SSH key');
    expect(within(pull).getByText('—')).toBeInTheDocument();

    // A push's operator is the peer's.
    const push = rowOf('Push from server-a');
    expect(push).toHaveTextContent('admin on server-a');
    expect(push).toHaveTextContent('1 item: applied 1 node; deleted nothing');

    expect(rowOf('Rollback of')).toHaveTextContent('restored nothing; deleted 1 node');
    expect(lastQuery()?.get('page')).toBe('0');
    expect(lastQuery()?.get('size')).toBe('20');
  });

  it('marks a rolled-back entry and its rollback, each linking the other', async () => {
    renderApp('/history');
    await screen.findByRole('link', { name: 'Push from server-a' });

    const rolledBack = within(rowOf('Push from server-a')).getByRole('link', {
      name: 'entry 22222222',
    });
    expect(rolledBack).toHaveAttribute('href', `/history/${ROLLBACK_ID}`);
    expect(rowOf('Push from server-a')).toHaveTextContent('Rolled back by entry 22222222');

    const rollbackOf = within(rowOf('Rollback of')).getByRole('link', { name: 'entry 11111111' });
    expect(rollbackOf).toHaveAttribute('href', `/history/${PUSH_ID}`);
    expect(screen.getByRole('link', { name: 'Push from server-a' })).toHaveAttribute(
      'href',
      `/history/${PUSH_ID}`,
    );
  });

  it('filters by operation and by peer, each from the first page', async () => {
    const { user } = renderApp('/history?page=3');
    await screen.findByRole('link', { name: 'Push from server-a' });
    expect(lastQuery()?.get('page')).toBe('2');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Operation' }), 'Pulls');
    await waitFor(() => expect(lastQuery()?.get('operation')).toBe('pull'));
    expect(lastQuery()?.get('page')).toBe('0');

    await user.type(screen.getByRole('searchbox', { name: 'Peer' }), 'server-b');
    await waitFor(() => expect(lastQuery()?.get('peer')).toBe('server-b'));
    expect(lastQuery()?.get('operation')).toBe('pull');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Operation' }), 'All operations');
    await waitFor(() => expect(lastQuery()?.has('operation')).toBe(false));
  });

  it('pages through the entries', async () => {
    const { user } = renderApp('/history');
    await screen.findByText(/1–20 of 45/);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(lastQuery()?.get('page')).toBe('1'));
    await screen.findByText(/21–40 of 45/);
  });

  it('honours ?job= from the jobs page, and can drop it', async () => {
    const { user } = renderApp(`/history?job=${JOB}`);
    await screen.findByRole('link', { name: 'Push from server-a' });
    expect(lastQuery()?.get('job')).toBe(JOB);
    const note = screen.getByTestId('job-filter');
    expect(note).toHaveTextContent(`Entries of job ${JOB}`);
    expect(within(note).getByRole('link', { name: 'Open the job' })).toHaveAttribute(
      'href',
      `/jobs/${JOB}`,
    );

    await user.click(within(note).getByRole('button', { name: 'Show every job' }));
    await waitFor(() => expect(lastQuery()?.has('job')).toBe(false));
    expect(screen.queryByTestId('job-filter')).not.toBeInTheDocument();
  });

  it('says where a job’s entries are when this server has none', async () => {
    api.on('GET', HISTORY, json(200, page([])));
    renderApp(`/history?job=${JOB}`);
    await screen.findByText(/No entry of this job on this server/);
    expect(screen.getByText(/A push is recorded on the server it went to/)).toBeInTheDocument();
  });

  it('shows a refused filter as the server’s problem', async () => {
    api.on(
      'GET',
      HISTORY,
      problem(400, { code: 'validation', detail: 'job: must be a UUID', title: 'Invalid request' }),
    );
    renderApp('/history?job=not-a-job');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the history');
    expect(alert).toHaveTextContent('job: must be a UUID');
  });
});
