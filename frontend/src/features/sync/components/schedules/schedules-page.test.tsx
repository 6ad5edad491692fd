// The schedules page: the schedules in a table with their next run, last run
// (its jobs linked, a held-back one reading "Needs attention") and missed runs;
// created with the registered peers to pick from and the server's field errors
// under their inputs, the next five runs shown once saved; edited, paused and
// resumed, run now, and deleted after a confirmation.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json, problem, validationProblem, type FakeApi } from '@/testing/fake-api';
import { jobView } from '@/testing/history-factories';
import { renderApp } from '@/testing/render-app';
import { peer, schedule } from '@/testing/sync-factories';

const SCHEDULES = '/api/v1/sync/schedules';
const HELD = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const DONE = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

const NIGHTLY = schedule({
  name: 'nightly',
  peers: ['eu', 'us'],
  selection: { configurations: 'all', clusters: ['production'] },
  direction: 'both',
  conflict_policy: 'newest',
  apply: 'only_if_conflict_free',
  last_run_at: '2026-03-04T02:00:00Z',
  last_job_ids: [HELD, DONE],
  last_error: "us: peer 'us' did not answer",
  missed_runs: 3,
  last_missed_at: '2026-03-03T02:00:00Z',
});
const PAUSED = schedule({ name: 'weekly', cron: '@weekly', paused: true, next_runs: [] });

let api: FakeApi;

beforeEach(() => {
  api = fakeApi()
    .on('GET', SCHEDULES, json(200, [NIGHTLY, PAUSED]))
    .on('GET', '/api/v1/sync/peers', json(200, [peer({ name: 'eu' }), peer({ name: 'us' })]))
    .on('GET', '/api/v1/sync/jobs/{id}', (_request, params) =>
      json(
        200,
        params.id === HELD
          ? jobView({
              job_id: HELD,
              status: 'failed',
              started_by: 'schedule:nightly',
              problem: {
                title: 'Needs attention',
                status: 409,
                code: 'needs-attention',
                detail: 'found 2 conflicts',
              },
            })
          : jobView({ job_id: params.id, started_by: 'schedule:nightly' }),
      ),
    );
});

function rowOf(name: string) {
  const row = screen
    .getAllByRole('row')
    .find((candidate) => candidate.getAttribute('data-schedule') === name);
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('the schedules page', () => {
  it('is linked in the navigation next to Peers and lists each schedule', async () => {
    renderApp('/sync/schedules');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links.indexOf('Schedules')).toBe(links.indexOf('Peers') + 1);
    expect(within(nav).getByRole('link', { name: 'Schedules' })).toHaveAttribute(
      'href',
      '/sync/schedules',
    );
    await screen.findByRole('button', { name: 'Edit nightly' });

    const nightly = within(rowOf('nightly'));
    expect(nightly.getByText('0 0 2 * * *')).toBeInTheDocument();
    expect(nightly.getByText('eu, us')).toBeInTheDocument();
    expect(nightly.getByText('clusters production; all configurations')).toBeInTheDocument();
    expect(nightly.getByText('Both ways')).toBeInTheDocument();
    expect(nightly.getByText('conflicts: newer wins')).toBeInTheDocument();
    expect(nightly.getByText('Only if conflict-free')).toBeInTheDocument();
    expect(nightly.getByText('active')).toBeInTheDocument();
    expect(within(nightly.getByTestId('next-run')).getByRole('time')).toHaveAttribute(
      'dateTime',
      '2026-03-05T02:00:00Z',
    );
    expect(nightly.getByRole('link', { name: 'Open job aaaaaaaa' })).toHaveAttribute(
      'href',
      `/jobs/${HELD}`,
    );
    expect(await nightly.findByText('Needs attention')).toHaveAttribute(
      'data-status',
      'needs-attention',
    );
    expect(await nightly.findByText('completed')).toBeInTheDocument();
    expect(nightly.getByText("us: peer 'us' did not answer")).toBeInTheDocument();
    expect(nightly.getByText(/^3/)).toHaveTextContent('3, last');

    const weekly = within(rowOf('weekly'));
    expect(weekly.getByText('paused')).toBeInTheDocument();
    expect(weekly.getByText('none while paused')).toBeInTheDocument();
    expect(weekly.getByText('never')).toBeInTheDocument();
    expect(weekly.getByText('everything')).toBeInTheDocument();
    expect(weekly.getByRole('button', { name: 'Resume weekly' })).toBeInTheDocument();
  });

  it('says so when there is no schedule', async () => {
    api.on('GET', SCHEDULES, json(200, []));
    renderApp('/sync/schedules');
    expect(await screen.findByText(/No schedule yet/)).toBeInTheDocument();
  });

  it('creates a schedule, a refused cron under its field, then shows the next five runs', async () => {
    const { user } = renderApp('/sync/schedules');
    await user.click(await screen.findByRole('button', { name: 'New schedule' }));
    const form = screen.getByRole('form', { name: 'New schedule' });
    await user.type(within(form).getByLabelText(/Name/), 'every-five');
    await user.type(within(form).getByLabelText(/^Cron/), 'every five seconds');
    await user.click(await within(form).findByRole('checkbox', { name: 'eu' }));
    await user.click(within(form).getByRole('checkbox', { name: 'SSH keys' }));
    await user.type(within(form).getByLabelText('Only these nodes (optional)'), 'node-01, node-02');
    await user.selectOptions(within(form).getByLabelText('Apply'), 'only_if_conflict_free');

    api.on('POST', SCHEDULES, validationProblem([{ field: 'cron', message: 'is not a cron' }]));
    await user.click(within(form).getByRole('button', { name: 'Create schedule' }));
    expect(await within(form).findByText('is not a cron')).toBeInTheDocument();
    expect(within(form).getByLabelText(/^Cron/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(api.sentTo('POST', SCHEDULES)[0]?.body).toEqual({
      name: 'every-five',
      cron: 'every five seconds',
      peers: ['eu'],
      selection: {
        nodes: ['node-01', 'node-02'],
        clusters: 'all',
        configurations: 'all',
      },
      direction: 'push',
      conflict_policy: 'manual',
      apply: 'only_if_conflict_free',
    });

    const created = schedule({
      name: 'every-five',
      cron: '*/5 * * * * *',
      peers: ['eu'],
      next_runs: [
        '2026-03-04T10:00:05Z',
        '2026-03-04T10:00:10Z',
        '2026-03-04T10:00:15Z',
        '2026-03-04T10:00:20Z',
        '2026-03-04T10:00:25Z',
      ],
    });
    api
      .on('POST', SCHEDULES, json(201, created))
      .on('GET', SCHEDULES, json(200, [NIGHTLY, PAUSED, created]));
    await user.clear(within(form).getByLabelText(/^Cron/));
    await user.type(within(form).getByLabelText(/^Cron/), '*/5 * * * * *');
    await user.click(within(form).getByRole('button', { name: 'Create schedule' }));

    const saved = await screen.findByTestId('schedule-saved');
    expect(saved).toHaveTextContent('Schedule every-five created.');
    const runs = within(within(saved).getByRole('list', { name: 'Its next runs:' })).getAllByRole(
      'time',
    );
    expect(runs.map((time) => time.getAttribute('dateTime'))).toEqual(created.next_runs);
    expect(screen.queryByRole('form', { name: 'New schedule' })).toBeNull();
    expect(await screen.findByRole('button', { name: 'Edit every-five' })).toBeInTheDocument();
  });

  it('shows a taken name (409) as a message', async () => {
    api.on('POST', SCHEDULES, problem(409, { code: 'conflict', detail: 'exists already' }));
    const { user } = renderApp('/sync/schedules');
    await user.click(await screen.findByRole('button', { name: 'New schedule' }));
    const form = screen.getByRole('form', { name: 'New schedule' });
    await user.type(within(form).getByLabelText(/Name/), 'nightly');
    await user.type(within(form).getByLabelText(/^Cron/), '@daily');
    await user.click(within(form).getByRole('button', { name: 'Create schedule' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('exists already');
    expect(api.sentTo('POST', SCHEDULES)[0]?.body).toMatchObject({ selection: 'all', peers: [] });
  });

  it('says to register a peer first when there is none', async () => {
    api.on('GET', '/api/v1/sync/peers', json(200, []));
    const { user } = renderApp('/sync/schedules');
    await user.click(await screen.findByRole('button', { name: 'New schedule' }));
    const form = screen.getByRole('form', { name: 'New schedule' });
    expect(await within(form).findByRole('link', { name: 'Peers page' })).toHaveAttribute(
      'href',
      '/sync/peers',
    );
  });

  it('edits a schedule from its stored settings', async () => {
    api.on('PUT', `${SCHEDULES}/{name}`, (request) =>
      json(200, { ...NIGHTLY, ...(request.body as object) }),
    );
    const { user } = renderApp('/sync/schedules');
    await user.click(await screen.findByRole('button', { name: 'Edit nightly' }));
    const form = screen.getByRole('form', { name: 'Edit schedule nightly' });
    expect(within(form).queryByLabelText(/Name/)).toBeNull();
    expect(within(form).getByLabelText(/^Cron/)).toHaveValue('0 0 2 * * *');
    expect(within(form).getByRole('checkbox', { name: 'eu' })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'us' })).toBeChecked();
    expect(within(form).getByRole('checkbox', { name: 'Nodes' })).not.toBeChecked();
    expect(within(form).getByLabelText('Only these clusters (optional)')).toHaveValue('production');
    expect(within(form).getByLabelText('Direction')).toHaveValue('both');
    expect(within(form).getByLabelText('Conflicts')).toHaveValue('newest');
    expect(within(form).getByLabelText('Apply')).toHaveValue('only_if_conflict_free');

    await user.click(within(form).getByRole('checkbox', { name: 'us' }));
    await user.clear(within(form).getByLabelText(/^Cron/));
    await user.type(within(form).getByLabelText(/^Cron/), '0 30 3 * * *');
    await user.click(within(form).getByRole('button', { name: 'Save schedule' }));

    expect(await screen.findByTestId('schedule-saved')).toHaveTextContent(
      'Schedule nightly saved.',
    );
    expect(api.sentTo('PUT', `${SCHEDULES}/nightly`)[0]?.body).toEqual({
      cron: '0 30 3 * * *',
      peers: ['eu'],
      selection: { clusters: ['production'], configurations: 'all' },
      direction: 'both',
      conflict_policy: 'newest',
      apply: 'only_if_conflict_free',
    });
  });

  it('pauses, resumes and runs a schedule now, showing a refusal', async () => {
    api
      .on('POST', `${SCHEDULES}/{name}/pause`, (_request, params) =>
        json(200, schedule({ name: params.name, paused: true, next_runs: [] })),
      )
      .on('POST', `${SCHEDULES}/{name}/resume`, (_request, params) =>
        json(200, schedule({ name: params.name })),
      )
      .on(
        'POST',
        `${SCHEDULES}/{name}/run`,
        json(202, { job_ids: [DONE], errors: "us: peer 'us' did not answer" }),
      );
    const { user } = renderApp('/sync/schedules');
    await user.click(await screen.findByRole('button', { name: 'Pause nightly' }));
    expect(
      await screen.findByText('Schedule nightly paused: no runs until it is resumed.'),
    ).toBeInTheDocument();
    expect(api.sentTo('POST', `${SCHEDULES}/nightly/pause`)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Resume weekly' }));
    expect(await screen.findByText('Schedule weekly resumed.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Run nightly now' }));
    const status = await screen.findByText('Schedule nightly ran now: a job started.');
    const notice = status.closest('.status') as HTMLElement;
    expect(within(notice).getByRole('link', { name: 'Job cccccccc' })).toHaveAttribute(
      'href',
      `/jobs/${DONE}`,
    );
    expect(notice).toHaveTextContent("Not run with: us: peer 'us' did not answer");

    api.on(
      'POST',
      `${SCHEDULES}/{name}/run`,
      problem(409, { code: 'conflict', detail: "schedule 'nightly' is running already" }),
    );
    await user.click(screen.getByRole('button', { name: 'Run nightly now' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('nightly did not run');
    expect(alert).toHaveTextContent("schedule 'nightly' is running already");
  });

  it('deletes a schedule after asking', async () => {
    api.on('DELETE', `${SCHEDULES}/{name}`, () => new Response(null, { status: 204 }));
    const { user } = renderApp('/sync/schedules');
    await user.click(await screen.findByRole('button', { name: 'Delete weekly' }));
    let dialog = screen.getByRole('dialog', { name: 'Delete schedule weekly?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.sentTo('DELETE', `${SCHEDULES}/weekly`)).toHaveLength(0);

    api.on('GET', SCHEDULES, json(200, [NIGHTLY]));
    await user.click(screen.getByRole('button', { name: 'Delete weekly' }));
    dialog = screen.getByRole('dialog', { name: 'Delete schedule weekly?' });
    expect(dialog).toHaveTextContent('The jobs it ran and their history stay.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Schedule weekly deleted.')).toBeInTheDocument();
    expect(api.sentTo('DELETE', `${SCHEDULES}/weekly`)).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete weekly' })).toBeNull());
  });
});
