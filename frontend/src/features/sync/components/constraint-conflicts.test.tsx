// Constraint conflicts on the sync page: the comparison's panel with links to
// the rows and one-click fixes, and a job refused for them.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { components } from '@/api/generated/schema';
import { eventStream, type EventStream } from '@/testing/event-stream';
import { fakeApi, json, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import {
  comparison,
  completedEvent,
  constraintConflict,
  entry,
  refusedEvent,
  syncSession,
  syncSettings,
} from '@/testing/sync-factories';

const SESSIONS = '/api/v1/sync/sessions';
const JOBS = '/api/v1/sync/jobs';

type Conflict = components['schemas']['ConstraintConflict'];

const DUPLICATE_IP = constraintConflict({
  type: 'duplicate_ip',
  on: 'local',
  message: "nodes 'node-09' and 'node-00' would both have IP 10.0.0.7 on this server",
  items: [
    { kind: 'nodes', key: 'node-09' },
    { kind: 'nodes', key: 'node-00' },
  ],
  fix: "change the IP of node 'node-09' or 'node-00'",
  also_select: undefined,
});
const MISSING_NODE = constraintConflict();
const ONLY_THERE = constraintConflict({
  type: 'broken_reference',
  message:
    "deleting SSH key 'deploy' would leave node 'node-09' on the remote using a key that is gone",
  items: [
    { kind: 'ssh_keys', key: 'deploy' },
    { kind: 'nodes', key: 'node-09' },
  ],
  fix: "also select node 'node-09'",
  also_select: { nodes: ['node-09'] },
});

function compared(conflicts: Conflict[] | null) {
  return {
    ...comparison({
      nodes: {
        identical: [entry('node-00')],
        missing_on_remote: [entry('node-03')],
        missing_on_local: [entry('node-09')],
      },
      clusters: { missing_on_remote: [entry('production')] },
    }),
    constraint_conflicts: conflicts,
  };
}

let api: FakeApi;
let streams: EventStream[];

function backend(conflicts: Conflict[] | null) {
  streams = [];
  let jobs = 0;
  api = fakeApi()
    .on('GET', '/api/v1/sync/settings', json(200, syncSettings()))
    .on('POST', SESSIONS, json(201, syncSession({ comparison: compared(conflicts) })))
    .on('POST', JOBS, () => {
      jobs++;
      return json(202, { job_id: `job-${jobs}`, events_url: `${JOBS}/job-${jobs}/events` });
    })
    .on('GET', `${JOBS}/{id}/events`, (request) => {
      const stream = eventStream(request.signal);
      streams.push(stream);
      return stream.response;
    });
}

async function openPage() {
  const view = renderApp('/sync/interactive');
  await view.user.click(await screen.findByRole('button', { name: 'Connect & Compare' }));
  await screen.findByTestId('remote-server');
  return view;
}

function panel() {
  return screen.getByRole('region', { name: /inventory rules? a sync would break/ });
}

describe('The comparison’s constraint conflicts', () => {
  beforeEach(() => backend([DUPLICATE_IP, MISSING_NODE]));

  it('lists each above the tables: the rule, the server, the items and the fix', async () => {
    await openPage();
    const conflicts = panel();
    expect(conflicts).toHaveAccessibleName('2 inventory rules a sync would break');
    // Above the lists it points into.
    expect(
      conflicts.compareDocumentPosition(screen.getByRole('table', { name: /^Nodes/ })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    const [ip, missing] = within(conflicts).getAllByRole('listitem');
    expect(ip).toHaveTextContent(
      "Duplicate IP on server-a (this server): nodes 'node-09' and 'node-00' would both have IP 10.0.0.7",
    );
    expect(ip).toHaveTextContent("Fix: change the IP of node 'node-09' or 'node-00'");
    expect(within(ip as HTMLElement).queryByRole('button', { name: /Also select/ })).toBeNull();
    expect(missing).toHaveTextContent('Missing reference on server-b (remote): cluster');
    expect(missing).toHaveTextContent('Involves: cluster production, node node-03');
    expect(missing).toHaveTextContent("Fix: also select node 'node-03'");
  });

  it('adds the fix to the selection in one click', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: 'Select production' }));
    await user.click(within(panel()).getByRole('button', { name: 'Also select node-03' }));
    expect(screen.getByRole('checkbox', { name: 'Select node-03' })).toBeChecked();
    expect(screen.getByText('2 items selected')).toBeInTheDocument();
    expect(within(panel()).queryByRole('button', { name: 'Also select node-03' })).toBeNull();
    expect(panel()).toHaveTextContent('✓ node-03 selected');
  });

  it('links the items to their rows, showing identical ones too', async () => {
    const { user } = await openPage();
    expect(screen.queryByRole('checkbox', { name: 'Select node-00' })).toBeNull();
    await user.click(
      within(panel()).getByRole('button', { name: 'Show node node-00 in the comparison' }),
    );
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('all');
    expect(screen.getByRole('combobox', { name: 'Kind' })).toHaveValue('nodes');
    expect(screen.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('node-00');
    expect(screen.getByRole('checkbox', { name: 'Select node-00' }).closest('tr')).toHaveFocus();
  });
});

describe('A fix the job’s direction cannot take', () => {
  it('is offered once the direction can', async () => {
    backend([ONLY_THERE]);
    const { user } = await openPage();
    const button = within(panel()).getByRole('button', { name: 'Also select node-09' });
    // Only the remote has node-09: a push cannot take it.
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/Only the remote has it/);
    await user.click(screen.getByRole('radio', { name: 'Both ways with server-b' }));
    await user.click(within(panel()).getByRole('button', { name: 'Also select node-09' }));
    expect(screen.getByRole('checkbox', { name: 'Select node-09' })).toBeChecked();
  });
});

describe('A comparison without the check', () => {
  it('says a job still checks its own selection', async () => {
    backend(null);
    await openPage();
    expect(screen.getByTestId('constraints-unchecked')).toHaveTextContent(
      'A job checks its own selection before it moves anything.',
    );
    expect(screen.queryByRole('region', { name: /a sync would break/ })).toBeNull();
  });

  it('shows no panel when nothing would break', async () => {
    backend([]);
    await openPage();
    expect(screen.queryByTestId('constraints-unchecked')).toBeNull();
    expect(screen.queryByRole('region', { name: /a sync would break/ })).toBeNull();
  });
});

describe('A job refused for constraint conflicts', () => {
  beforeEach(() => backend([]));

  it('lists them with their fixes; one click adds the fix, and the sync starts again', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: 'Select production' }));
    await user.click(screen.getByRole('button', { name: 'Start Sync' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Start Sync' }),
    );
    await waitFor(() => expect(streams).toHaveLength(1));
    const job = screen.getByRole('region', { name: 'Sync to server-b' });
    (streams[0] as EventStream).event('phase', { phase: 'connecting' });
    (streams[0] as EventStream).event('failed', refusedEvent([MISSING_NODE]));
    (streams[0] as EventStream).close();

    const refused = await within(job).findByRole('alert');
    expect(refused).toHaveTextContent('The sync was refused');
    expect(refused).toHaveTextContent('Nothing was moved: the sync would break an inventory rule');
    expect(refused).toHaveTextContent(
      "Missing reference on server-b (remote): cluster 'production' would list node 'node-03'",
    );
    expect(refused).toHaveTextContent("Fix: also select node 'node-03'");
    expect(within(job).getByRole('status')).toHaveTextContent('Sync refused: nothing was moved.');
    // The phase it stopped in is not shown as going on.
    expect(within(job).getByRole('list', { name: 'Phases' })).toHaveTextContent(
      'Connecting (stopped here)',
    );

    await user.click(within(refused).getByRole('button', { name: 'Also select node-03' }));
    expect(screen.getByRole('checkbox', { name: 'Select node-03' })).toBeChecked();
    expect(refused).toHaveTextContent('✓ node-03 selected');
    // Nothing moved, so the comparison still holds: no need to compare again.
    expect(screen.queryByText(/The comparison is from before the sync/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Start Sync' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Start Sync' }),
    );
    await waitFor(() => expect(api.sentTo('POST', JOBS)).toHaveLength(2));
    expect(api.sentTo('POST', JOBS)[1]?.body).toMatchObject({
      selection: { nodes: ['node-03'], clusters: ['production'] },
    });
    await waitFor(() => expect(streams).toHaveLength(2));
    (streams[1] as EventStream).event('completed', completedEvent());
    (streams[1] as EventStream).close();
    await screen.findByTestId('job-result');
    // A sync that ended does make the comparison stale.
    expect(screen.getByText(/The comparison is from before the sync/)).toBeInTheDocument();
  });

  it('shows a failure for another reason as before', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: 'Select node-03' }));
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(streams).toHaveLength(1));
    (streams[0] as EventStream).event('failed', {
      type: 'failed',
      duration_ms: 5,
      problem: { code: 'remote-unreachable', detail: 'server-b did not answer' },
      constraint_conflicts: null,
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The preview failed');
    expect(alert).toHaveTextContent('server-b did not answer');
  });
});
