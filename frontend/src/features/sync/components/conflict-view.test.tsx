// Resolving a conflict field by field on the sync page, and a merged item,
// against a fake backend whose job stream the test plays.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { eventStream, type EventStream } from '@/testing/event-stream';
import { fakeApi, json, type FakeApi } from '@/testing/fake-api';
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

const CONFLICT = entry('node-07', {
  changed_on: 'both',
  base_hash: 'base-07',
  changes: [
    {
      field: 'ip',
      base: '10.0.0.7',
      local: '10.0.0.17',
      remote: '10.0.0.27',
      changed_on: 'both',
      conflict: true,
    },
    { field: 'hardware.cpu', base: 4, local: 8, remote: 16, changed_on: 'both', conflict: true },
    { field: 'labels.env', local: 'prod', remote: 'staging', base: 'staging', changed_on: 'local' },
    { field: 'username', base: 'ops', remote: 'admin', local: 'ops', changed_on: 'remote' },
  ],
});

const MERGED = entry('node-08', {
  changed_on: 'both',
  base_hash: 'base-08',
  merged_hash: 'merge-08',
  changes: [
    { field: 'ip', base: '10.0.0.8', local: '10.0.0.18', remote: '10.0.0.8', changed_on: 'local' },
    { field: 'username', base: 'ops', local: 'ops', remote: 'root', changed_on: 'remote' },
  ],
});

const COMPARED = comparison({ nodes: { conflict: [CONFLICT], merged: [MERGED] } });

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

async function openConflictView() {
  const view = renderApp('/sync/interactive');
  await view.user.click(await screen.findByRole('button', { name: 'Connect & Compare' }));
  await screen.findByTestId('remote-server');
  await view.user.click(screen.getByRole('button', { name: 'Resolve the conflict of node-07' }));
  const dialog = screen.getByRole('dialog', { name: 'Resolve the conflict of node node-07' });
  return { ...view, dialog };
}

describe('the conflict view', () => {
  it('lists each differing field with its base, local and remote values, conflicts marked', async () => {
    const { dialog } = await openConflictView();
    const fields = within(dialog).getAllByRole('listitem');
    expect(fields).toHaveLength(4);
    expect(fields[0]).toHaveTextContent('ip');
    expect(fields[0]).toHaveTextContent('conflict: changed on both, differently');
    expect(fields[0]).toHaveTextContent('At the last sync10.0.0.7');
    expect(fields[0]).toHaveTextContent('server-a (this server)10.0.0.17');
    expect(fields[0]).toHaveTextContent('server-b (remote)10.0.0.27');
    // Fields changed on one side only are not the operator's to decide.
    expect(within(fields[2] as HTMLElement).queryByRole('radio')).toBeNull();
    expect(fields[2]).toHaveTextContent(
      'The merge takes the change on server-a (this server): prod',
    );
    expect(fields[3]).toHaveTextContent('The merge takes the change on server-b (remote): admin');
    expect(within(dialog).getByRole('heading', { name: /Resolve the conflict/ })).toHaveFocus();
  });

  it('applies only once every conflicting field is decided, and sends the choices', async () => {
    const { user, dialog } = await openConflictView();
    const apply = within(dialog).getByRole('button', { name: 'Apply to both servers' });
    expect(apply).toBeDisabled();
    expect(dialog).toHaveTextContent('0 of 2 conflicting fields decided');

    await user.click(
      within(within(dialog).getByRole('group', { name: 'Keep for ip' })).getByRole('radio', {
        name: 'Remote (server-b)',
      }),
    );
    expect(dialog).toHaveTextContent('1 of 2 conflicting fields decided');
    expect(apply).toBeDisabled();

    const cpu = within(dialog).getByRole('group', { name: 'Keep for hardware.cpu' });
    await user.click(within(cpu).getByRole('radio', { name: 'This server (server-a)' }));
    expect(apply).toBeEnabled();
    // An edit starts from the side picked so far; valid JSON is read as JSON.
    await user.click(within(cpu).getByRole('radio', { name: 'Edit' }));
    const box = within(cpu).getByRole('textbox', { name: 'Your value of hardware.cpu' });
    expect(box).toHaveValue('8');
    await user.clear(box);
    await user.type(box, '12');
    expect(box).toHaveAccessibleDescription(/Read as the number 12/);
    expect(dialog).toHaveTextContent('All 2 conflicting fields decided.');

    await user.click(apply);
    await waitFor(() => expect(api.sentTo('POST', JOBS)).toHaveLength(1));
    expect(api.sentTo('POST', JOBS)[0]?.body).toEqual({
      session_id: 'session-1',
      selection: { nodes: [] },
      direction: 'both',
      dry_run: false,
      resolutions: [
        { kind: 'nodes', key: 'node-07', fields: { ip: 'remote' }, values: { 'hardware.cpu': 12 } },
      ],
    });

    // The dialog gives way to the job, followed as any other.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(streams).toHaveLength(1));
    const panel = screen.getByRole('region', { name: 'Sync both ways with server-b' });
    const stream = streams[0] as EventStream;
    stream.event('item', { kind: 'nodes', key: 'node-07', status: 'merged' });
    stream.event('completed', completedEvent({ verified: true }));
    await within(panel).findByText(/node-07/);
    expect(within(panel).getByRole('region', { name: 'Items' })).toHaveTextContent(
      'node node-07: merged: both servers have the merge',
    );
    await within(panel).findByRole('button', { name: 'Compare again' });
    // The comparison on screen is from before the job: no second resolution from it.
    expect(screen.getByRole('button', { name: 'Resolve the conflict of node-07' })).toBeDisabled();
  });

  it('reads an edit that is not JSON as text, and closes on Cancel without a job', async () => {
    const { user, dialog } = await openConflictView();
    const ip = within(dialog).getByRole('group', { name: 'Keep for ip' });
    await user.click(within(ip).getByRole('radio', { name: 'Edit' }));
    const box = within(ip).getByRole('textbox', { name: 'Your value of ip' });
    expect(box).toHaveValue('10.0.0.17');
    expect(box).toHaveAccessibleDescription(/Read as text: “10.0.0.17”/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.sentTo('POST', JOBS)).toHaveLength(0);
  });
});

describe('a merged item', () => {
  it('shows its status and fields, and goes to both sides both ways', async () => {
    const view = renderApp('/sync/interactive');
    await view.user.click(await screen.findByRole('button', { name: 'Connect & Compare' }));
    await screen.findByTestId('remote-server');
    const summary = screen.getByRole('list', { name: 'Summary' });
    expect(within(summary).getByText('merged').closest('li')).toHaveTextContent('🟣 1 merged');
    // No conflict to resolve in a merge: it has no Resolve button.
    expect(screen.queryByRole('button', { name: 'Resolve the conflict of node-08' })).toBeNull();

    await view.user.click(screen.getByRole('button', { name: /2 changes of node-08/ }));
    const fields = screen.getByRole('table', { name: 'Field changes of node-08' });
    expect(
      screen.getByText(/the merge takes each field from the server that changed it/),
    ).toBeVisible();
    expect(within(fields).getAllByRole('row')[1]).toHaveTextContent(
      'ip10.0.0.810.0.0.1810.0.0.8server-a (this server)',
    );

    await view.user.click(screen.getByRole('radio', { name: 'Both ways with server-b' }));
    const row = screen.getByRole('checkbox', { name: 'Select node-08' }).closest('tr');
    expect(row).toHaveTextContent('⇄ both sides');
    await view.user.click(screen.getByRole('checkbox', { name: 'Select node-08' }));
    expect(screen.getByTestId('both-ways-count')).toHaveTextContent('1 ⇄ merged on both');
  });

  it('is a conflict for a push: the question says the remote’s change is lost', async () => {
    const view = renderApp('/sync/interactive');
    await view.user.click(await screen.findByRole('button', { name: 'Connect & Compare' }));
    await screen.findByTestId('remote-server');
    await view.user.click(screen.getByRole('checkbox', { name: 'Select node-08' }));
    expect(screen.getByText(/1 item selected/)).toHaveTextContent('(1 conflict)');
    await view.user.click(screen.getByRole('button', { name: 'Start Sync' }));
    const dialog = screen.getByRole('dialog', { name: 'Send 1 item to server-b?' });
    expect(dialog).toHaveTextContent('1 overwritten on server-b');
    expect(dialog).toHaveTextContent('1 conflict will be overwritten');
  });
});
