// The jobs pages: the jobs this server ran with their status, direction,
// remote (as the job names it), who started them, counts and duration;
// one job followed live from its event stream, and its history entries.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { page } from '@/testing/factories';
import { eventStream, type EventStream } from '@/testing/event-stream';
import { countedJson, fakeApi, json, problem, type FakeApi } from '@/testing/fake-api';
import { counts, jobView } from '@/testing/history-factories';
import { renderApp } from '@/testing/render-app';
import { completedEvent, remoteServer, syncSettings } from '@/testing/sync-factories';

const JOBS = '/api/v1/sync/jobs';
const PUSH = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const PULL = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const FAILED = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
const STOPPED = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
const HELD = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const HELD_DETAIL =
  "the compare with peer 'eu' found 2 conflict(s) and 0 constraint conflict(s); schedule 'nightly' applies only when there are none: nothing was applied";
const INTERRUPTED_DETAIL =
  'the server stopped while the job ran; whatever it applied was applied whole, the rest was not: compare again and run it again';

const LIST = [
  jobView({
    job_id: PULL,
    remote: remoteServer({ name: 'server-c', url: 'http://server-c:5000', server_id: 'id-c' }),
    direction: 'pull',
    status: 'running',
    phase: 'transferring',
    progress: {
      type: 'progress',
      done: 3,
      total: 8,
      bytes: 100,
      pushed: { done: 0, total: 0 },
      pulled: { done: 3, total: 8 },
    },
    finished_at: null,
    started_by: 'ops',
  }),
  jobView({
    job_id: PUSH,
    result: completedEvent({
      applied: counts({ nodes: 2 }),
      deleted: counts({ clusters: 1 }),
      duration_ms: 1406,
    }),
  }),
  jobView({
    job_id: FAILED,
    // None in practice: a job names the remote its session connected to.
    remote: null,
    direction: 'both',
    status: 'failed',
    dry_run: true,
    problem: { title: 'Remote failed', status: 502, detail: 'server-b did not answer' },
    started_by: null,
  }),
];

/** A pull whose server stopped while it ran: failed, with the code job-interrupted. */
const INTERRUPTED = jobView({
  job_id: STOPPED,
  direction: 'pull',
  status: 'failed',
  phase: 'applying',
  problem: {
    type: 'urn:live-sync:problem:job-interrupted',
    title: 'Job interrupted',
    status: 503,
    code: 'job-interrupted',
    detail: INTERRUPTED_DETAIL,
  },
});

/** A scheduled run under only_if_conflict_free that found conflicts: failed, needs-attention. */
const NEEDS_ATTENTION = jobView({
  job_id: HELD,
  status: 'failed',
  phase: null,
  result: null,
  started_by: 'schedule:nightly',
  problem: {
    type: 'urn:live-sync:problem:needs-attention',
    title: 'Needs attention',
    status: 409,
    code: 'needs-attention',
    detail: HELD_DETAIL,
  },
});

let api: FakeApi;
let streams: EventStream[];

beforeEach(() => {
  streams = [];
  api = fakeApi()
    .on('GET', '/api/v1/sync/settings', json(200, syncSettings()))
    .on('GET', JOBS, countedJson(LIST))
    .on('GET', `${JOBS}/{id}`, (_request, params) =>
      json(
        200,
        [...LIST, INTERRUPTED, NEEDS_ATTENTION].find((job) => job.job_id === params.id),
      ),
    )
    .on('GET', `${JOBS}/{id}/events`, (request) => {
      const stream = eventStream(request.signal);
      streams.push(stream);
      return stream.response;
    });
});

/** The query of the last list request. */
function lastListQuery(): Record<string, string> {
  const sent = api.sentTo('GET', JOBS).at(-1);
  if (!sent) throw new Error('the jobs were not asked for');
  return Object.fromEntries(sent.query);
}

function rowOf(id: string) {
  const link = screen.getByRole('link', { name: `Open job ${id.slice(0, 8)}` });
  const row = link.closest('tr');
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

describe('Jobs page', () => {
  it('is in the navigation and lists each job with what a glance needs', async () => {
    api.on('GET', '/api/v1/nodes', json(200, page([])));
    const { user } = renderApp('/nodes');
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Jobs' }),
    );
    await screen.findByRole('heading', { name: 'Jobs' });
    await screen.findByRole('link', { name: 'Open job bbbbbbbb' });

    const running = rowOf(PULL);
    expect(running).toHaveTextContent('running: Transferring');
    expect(running).toHaveTextContent('← Pull');
    expect(running).toHaveTextContent('server-c');
    expect(running).toHaveTextContent('ops');
    expect(running).toHaveTextContent('3 / 8 items');
    expect(running).toHaveTextContent(/so far/);

    const push = rowOf(PUSH);
    expect(push).toHaveTextContent('✓ completed');
    expect(push).toHaveTextContent('→ Push');
    expect(push).toHaveTextContent('admin');
    expect(push).toHaveTextContent('apply 2 nodes; delete 1 cluster');
    expect(push).toHaveTextContent('1.4 s');
    // The remote is the job's own: no session is asked for it.
    expect(push).toHaveTextContent('server-b');
    expect(api.sent.filter((request) => request.path.startsWith('/api/v1/sync/sessions'))).toEqual(
      [],
    );

    const failed = rowOf(FAILED);
    expect(failed).toHaveTextContent('✖ failed');
    expect(failed).toHaveTextContent('⇄ Both ways (preview)');
    expect(failed).toHaveTextContent('server-b did not answer');
    expect(failed.querySelector('[data-label="Remote"]')).toHaveTextContent('not known');
  });

  it('looks again while a job runs', async () => {
    renderApp('/jobs');
    await screen.findByRole('link', { name: 'Open job bbbbbbbb' });
    await waitFor(() => expect(api.sentTo('GET', JOBS).length).toBeGreaterThan(1), {
      timeout: 3000,
    });
  });

  it('asks for a page at a time, the page in the URL, and shows the total', async () => {
    api.on('GET', JOBS, countedJson(LIST, 45));
    const { user } = renderApp('/jobs');
    await screen.findByRole('link', { name: 'Open job bbbbbbbb' });
    expect(lastListQuery()).toEqual({ page: '0', size: '20' });
    expect(screen.getByTestId('jobs-total')).toHaveTextContent('45 jobs');
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    expect(pages).toHaveTextContent('1–20 of 45 · page 1 of 3');

    await user.click(within(pages).getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(lastListQuery()).toEqual({ page: '1', size: '20' }));
    await waitFor(() => expect(pages).toHaveTextContent('21–40 of 45 · page 2 of 3'));
  });

  it('opens at the page its URL names', async () => {
    api.on('GET', JOBS, countedJson(LIST, 45));
    renderApp('/jobs?page=3');
    await screen.findByRole('link', { name: 'Open job bbbbbbbb' });
    expect(lastListQuery()).toMatchObject({ page: '2' });
    expect(screen.getByRole('navigation', { name: 'Pages' })).toHaveTextContent('page 3 of 3');
  });

  it('filters by status, direction and remote, each from the first page', async () => {
    api.on('GET', JOBS, countedJson(LIST, 45));
    const { user } = renderApp('/jobs?page=2');
    await screen.findByRole('link', { name: 'Open job bbbbbbbb' });
    const filters = screen.getByRole('search', { name: 'Filter the jobs' });

    api.on('GET', JOBS, (request) =>
      countedJson(
        [LIST[2]],
        request.query.get('status') === 'failed' && !request.query.has('remote') ? 1 : 0,
      ),
    );
    await user.selectOptions(within(filters).getByLabelText('Status'), 'failed');
    await waitFor(() =>
      expect(lastListQuery()).toEqual({ page: '0', size: '20', status: 'failed' }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('jobs-total')).toHaveTextContent('1 job matches these filters'),
    );
    expect(rowOf(FAILED)).toBeInTheDocument();

    await user.selectOptions(within(filters).getByLabelText('Direction'), 'both');
    await waitFor(() =>
      expect(lastListQuery()).toEqual({
        page: '0',
        size: '20',
        status: 'failed',
        direction: 'both',
      }),
    );

    await user.type(within(filters).getByLabelText('Remote'), 'server-x');
    await waitFor(() => expect(lastListQuery()).toMatchObject({ remote: 'server-x' }));
    expect(await screen.findByText('No job matches these filters.')).toBeInTheDocument();

    await user.selectOptions(within(filters).getByLabelText('Status'), '');
    await waitFor(() => expect(lastListQuery()).not.toHaveProperty('status'));
  });

  it('says why an interrupted job failed, in the list and on its page', async () => {
    api.on('GET', JOBS, countedJson([INTERRUPTED, ...LIST]));
    const { user } = renderApp('/jobs');
    await screen.findByRole('link', { name: 'Open job ffffffff' });
    const row = rowOf(STOPPED);
    expect(row).toHaveTextContent('✖ failed: interrupted');
    const reason = within(row).getByText('Interrupted: its server stopped while the job ran');
    expect(reason).toHaveAttribute('title', INTERRUPTED_DETAIL);
    // Any other failure shows its own problem.
    expect(rowOf(FAILED)).toHaveTextContent('server-b did not answer');

    await user.click(screen.getByRole('link', { name: 'Open job ffffffff' }));
    const facts = await screen.findByTestId('job-facts');
    expect(facts).toHaveTextContent('failed: interrupted');
    expect(within(facts).getByText('Why it failed').nextElementSibling).toHaveTextContent(
      'Interrupted: its server stopped while the job ran',
    );

    // The server replays the job's end as it saved it.
    await waitFor(() => expect(streams).toHaveLength(1));
    const stream = streams[0] as EventStream;
    stream.event('phase', { phase: 'connecting' });
    stream.event('phase', { phase: 'applying' });
    stream.event('failed', { problem: INTERRUPTED.problem, duration_ms: 2000 });
    stream.close();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The sync was interrupted: its server stopped while it ran');
    expect(alert).toHaveTextContent(INTERRUPTED_DETAIL);
  });

  it('labels a scheduled run held back by conflicts "Needs attention", not failed', async () => {
    api.on('GET', JOBS, countedJson([NEEDS_ATTENTION, ...LIST]));
    const { user } = renderApp('/jobs');
    await screen.findByRole('link', { name: 'Open job aaaaaaaa' });
    const row = rowOf(HELD);
    const badge = within(row).getByText('Needs attention');
    expect(badge).toHaveAttribute('data-status', 'needs-attention');
    expect(row).not.toHaveTextContent('failed');
    expect(row).toHaveTextContent('schedule:nightly');
    expect(row).toHaveTextContent(HELD_DETAIL);
    // A plain failure keeps its label.
    expect(rowOf(FAILED)).toHaveTextContent('✖ failed');

    await user.click(screen.getByRole('link', { name: 'Open job aaaaaaaa' }));
    const facts = await screen.findByTestId('job-facts');
    expect(within(facts).getByText('Status').nextElementSibling).toHaveTextContent(
      'Needs attention',
    );
    expect(within(facts).queryByText('Why it failed')).toBeNull();
    expect(within(facts).getByText('Why it needs attention').nextElementSibling).toHaveTextContent(
      HELD_DETAIL,
    );

    await waitFor(() => expect(streams).toHaveLength(1));
    const stream = streams[0] as EventStream;
    stream.event('failed', { problem: NEEDS_ATTENTION.problem, duration_ms: 0 });
    stream.close();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Needs attention: the compare found conflicts, nothing was applied',
    );
    expect(alert).not.toHaveTextContent('The sync failed');
    expect(alert).toHaveTextContent(HELD_DETAIL);
  });

  it('says when there is no job yet', async () => {
    api.on('GET', JOBS, countedJson([]));
    renderApp('/jobs');
    expect(await screen.findByText(/No job yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'sync page' })).toHaveAttribute(
      'href',
      '/sync/interactive',
    );
  });

  it('opens a running job and follows it live, with a link to its history here', async () => {
    const { user } = renderApp('/jobs');
    await user.click(await screen.findByRole('link', { name: 'Open job dddddddd' }));
    await screen.findByRole('heading', { name: 'Job dddddddd' });
    const facts = await screen.findByTestId('job-facts');
    expect(facts).toHaveTextContent('Pull from server-c');
    expect(facts).toHaveTextContent('server-c (http://server-c:5000)');
    expect(facts).toHaveTextContent('ops');

    expect(
      screen.getByRole('link', { name: 'History entries of this job on this server' }),
    ).toHaveAttribute('href', `/history?job=${PULL}`);

    await waitFor(() => expect(streams).toHaveLength(1));
    const stream = streams[0] as EventStream;
    const panel = screen.getByRole('region', { name: 'Pull from server-c' });
    stream.event('phase', { phase: 'connecting' });
    stream.event('phase', { phase: 'transferring' });
    stream.event('progress', { done: 5, total: 8, bytes: 900 });
    stream.event('item', { kind: 'nodes', key: 'node-07', status: 'received' });
    await within(panel).findByText('5 / 8 items · 900 B sent');
    expect(within(panel).getByRole('region', { name: 'Items' })).toHaveTextContent(
      'node node-07: received',
    );

    stream.event(
      'completed',
      completedEvent({ applied: counts({ nodes: 8 }), verified: true, duration_ms: 3000 }),
    );
    stream.close();
    await within(panel).findByText('Sync finished: applied 8 nodes; deleted nothing. Verified.');
    // The page of a job does not take the focus from where the operator is.
    expect(screen.getByRole('heading', { name: 'Pull from server-c' })).not.toHaveFocus();
  });

  it('shows an ended push with its result, and where its history is', async () => {
    renderApp(`/jobs/${PUSH}`);
    await waitFor(() => expect(streams).toHaveLength(1));
    const stream = streams[0] as EventStream;
    stream.event('phase', { phase: 'verifying' });
    stream.event('completed', completedEvent({ applied: counts({ nodes: 2 }) }));
    stream.close();
    const panel = await screen.findByRole('region', { name: 'Sync to server-b' });
    await within(panel).findByText(/Verified: every item sent now matches on server-b/);
    expect(screen.getByRole('list', { name: 'History of this job' })).toHaveTextContent(
      `What it pushed is recorded in the history of server-b, under this job’s id ${PUSH}.`,
    );
    expect(
      screen.queryByRole('link', { name: 'History entries of this job on this server' }),
    ).not.toBeInTheDocument();
  });

  it('says a preview left no history', async () => {
    renderApp(`/jobs/${FAILED}`);
    await screen.findByText('A preview changes nothing, so it left no history entry.');
    expect(screen.getByTestId('job-facts')).toHaveTextContent(
      'Both ways with the remote (preview: a dry run)',
    );
  });

  it('shows a job the server no longer has as its problem', async () => {
    api.on(
      'GET',
      `${JOBS}/{id}`,
      problem(404, { code: 'not-found', detail: "sync job 'gone' not found" }),
    );
    renderApp('/jobs/gone');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the job');
    expect(alert).toHaveTextContent("sync job 'gone' not found");
    expect(streams).toHaveLength(0);
  });
});
