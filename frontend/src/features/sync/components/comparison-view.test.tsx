// Connecting and reviewing a comparison on the sync page, against a fake backend.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem, validationProblem, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import { comparison, entry, syncSession, syncSettings } from '@/testing/sync-factories';

const SESSIONS = '/api/v1/sync/sessions';

const COMPARED = comparison({
  nodes: {
    identical: [entry('node-00')],
    different: [
      entry('node-02', {
        changed_on: 'local',
        changes: [{ field: 'ip', local: '192.168.1.11', remote: '192.168.1.12' }],
      }),
    ],
    missing_on_remote: [entry('node-03'), entry('web-01')],
    missing_on_local: [entry('node-09')],
  },
  clusters: {
    conflict: [
      entry('staging', {
        changed_on: 'both',
        changes: [
          {
            field: 'nodes',
            local: [{ hostname: 'node-01' }, { hostname: 'node-02' }],
            remote: [{ hostname: 'node-01' }, { hostname: 'node-02' }, { hostname: 'node-03' }],
          },
        ],
      }),
    ],
    missing_on_remote: [entry('production')],
  },
});

function backend(session = syncSession({ comparison: COMPARED })): FakeApi {
  return fakeApi()
    .on('GET', '/api/v1/sync/settings', json(200, syncSettings()))
    .on('POST', SESSIONS, json(201, session));
}

async function connected(api: FakeApi = backend()) {
  const view = renderApp('/sync/interactive');
  await view.user.click(await screen.findByRole('button', { name: 'Connect & Compare' }));
  await screen.findByTestId('remote-server');
  return { ...view, api };
}

function table(name: string) {
  return screen.getByRole('table', { name: new RegExp(`^${name}`) });
}

function keysIn(name: string): string[] {
  return within(table(name))
    .getAllByRole('checkbox')
    .map((box) => box.getAttribute('aria-label')?.replace('Select ', '') ?? '');
}

describe('Connecting', () => {
  it('says whether it compared only what changed since the last sync, or everything and why', async () => {
    const incremental = syncSession({
      comparison: { ...COMPARED, method: { mode: 'incremental', candidates: 7, reason: null } },
    });
    await connected(backend(incremental));
    expect(screen.getByText(/Compared incrementally: 7 items changed/)).toBeInTheDocument();
  });

  it('names the reason of a full compare', async () => {
    await connected();
    expect(
      screen.getByText(/Compared every item: no replication state with this remote yet/),
    ).toBeInTheDocument();
  });

  it('starts from the default remote and sends no password unless one is typed', async () => {
    const { api } = await connected();
    expect(screen.getByRole('textbox', { name: /Remote server URL/ })).toHaveValue(
      'http://server-b:5000',
    );
    expect(api.sentTo('POST', SESSIONS)[0]?.body).toEqual({ remote_url: 'http://server-b:5000' });
    expect(screen.getByTestId('remote-server')).toHaveTextContent(
      'Connected to server-b at http://server-b:5000',
    );
    expect(screen.getByTestId('remote-server')).toHaveTextContent('Version1.0.0');
    expect(screen.getByTestId('remote-server')).toHaveTextContent('Server idid-b');
  });

  it("sends the remote's password when given, and never shows it", async () => {
    const api = backend();
    const { user } = renderApp('/sync/interactive');
    const password = await screen.findByLabelText(/Sync password/);
    expect(password).toHaveAttribute('type', 'password');
    await user.type(password, 'their-secret');
    await user.click(screen.getByRole('button', { name: 'Connect & Compare' }));
    await screen.findByTestId('remote-server');
    expect(api.sentTo('POST', SESSIONS)[0]?.body).toEqual({
      remote_url: 'http://server-b:5000',
      password: 'their-secret',
    });
    expect(document.body).not.toHaveTextContent('their-secret');
  });

  it('says in words why the remote refused', async () => {
    backend().on(
      'POST',
      SESSIONS,
      problem(422, {
        code: 'remote-rejected-password',
        detail: 'http://server-b:5000 rejected the sync password',
      }),
    );
    const { user } = renderApp('/sync/interactive');
    await user.click(await screen.findByRole('button', { name: 'Connect & Compare' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('http://server-b:5000 rejected the sync password');
    expect(alert).toHaveTextContent("Enter the remote's sync password");
  });

  it('puts a validation error under its field', async () => {
    backend().on(
      'POST',
      SESSIONS,
      validationProblem([{ field: 'remote_url', message: 'must be an http or https URL' }]),
    );
    const { user } = renderApp('/sync/interactive');
    await user.click(await screen.findByRole('button', { name: 'Connect & Compare' }));
    const url = screen.getByRole('textbox', { name: /Remote server URL/ });
    expect(await screen.findByText('must be an http or https URL')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription('must be an http or https URL');
  });
});

describe('Comparison', () => {
  it('counts every status with its icon', async () => {
    await connected();
    const summary = screen.getByRole('list', { name: 'Summary' });
    expect(summary).toHaveTextContent('🟢 1 identical');
    expect(summary).toHaveTextContent('🟡 1 different');
    expect(summary).toHaveTextContent('🔵 3 missing on remote');
    expect(summary).toHaveTextContent('⚪\uFE0F 1 missing on local');
    expect(summary).toHaveTextContent('🔴 1 conflict');
    expect(summary).toHaveTextContent('7 in all');
  });

  it('lists differences by kind, identical items only on request', async () => {
    const { user } = await connected();
    expect(keysIn('Nodes')).toEqual(['node-02', 'node-03', 'web-01', 'node-09']);
    expect(keysIn('Clusters')).toEqual(['production', 'staging']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'all');
    expect(keysIn('Nodes')).toContain('node-00');
  });

  it('filters by status, kind and name', async () => {
    const { user } = await connected();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'missing_on_remote');
    expect(keysIn('Nodes')).toEqual(['node-03', 'web-01']);
    expect(keysIn('Clusters')).toEqual(['production']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'nodes');
    expect(screen.queryByRole('table', { name: /^Clusters/ })).toBeNull();

    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'WEB');
    expect(keysIn('Nodes')).toEqual(['web-01']);

    await user.type(screen.getByRole('searchbox', { name: 'Search by name' }), 'x');
    expect(screen.getByText('No item matches these filters.')).toBeInTheDocument();
  });

  it('expands a difference to its field changes and says which side changed', async () => {
    const { user } = await connected();
    const toggle = screen.getByRole('button', { name: '1 change of node-02' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const details = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(details).toHaveTextContent('ip: 192.168.1.11 → 192.168.1.12');
    expect(details).toHaveTextContent('Changed on this server since the last sync.');
    expect(details).toHaveTextContent('server-a (this server) → server-b (remote)');

    await user.click(screen.getByRole('button', { name: '1 change of staging' }));
    expect(screen.getByText('nodes: 2 nodes → 3 nodes')).toBeInTheDocument();
    expect(screen.getByText('Changed on both servers since the last sync.')).toBeInTheDocument();
    // The list itself is one click further.
    await user.click(screen.getByText('Full values of nodes'));
    expect(screen.getAllByText(/"hostname": "node-03"/)).toHaveLength(1);

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('ip: 192.168.1.11 → 192.168.1.12')).toBeNull();
  });

  it('does not offer an item only the remote has, and says why', async () => {
    const { user } = await connected();
    const box = screen.getByRole('checkbox', { name: 'Select node-09' });
    expect(box).toBeDisabled();
    expect(box).toHaveAccessibleDescription(/Only the remote has it/);
    expect(box.parentElement).toHaveAttribute('title', expect.stringMatching(/nothing to send/));

    await user.click(screen.getByRole('checkbox', { name: /Select all nodes shown/ }));
    expect(box).not.toBeChecked();
    expect(screen.getByText('3 items selected')).toBeInTheDocument();
  });

  it('selects all of a status among what the filters show, and counts the selection', async () => {
    const { user } = await connected();
    const search = screen.getByRole('searchbox', { name: 'Search by name' });
    await user.type(search, 'node');
    const statusBoxes = screen.getByRole('group', { name: 'Select all shown' });
    await user.click(
      within(statusBoxes).getByRole('checkbox', { name: /missing on remote \(1\)/ }),
    );
    expect(screen.getByText('1 item selected')).toBeInTheDocument();

    await user.clear(search);
    expect(screen.getByRole('checkbox', { name: 'Select node-03' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select web-01' })).not.toBeChecked();
    // Two of the three missing on remote now: the box shows "some".
    const some = within(statusBoxes).getByRole('checkbox', { name: /missing on remote \(3\)/ });
    expect(some).toHaveProperty('indeterminate', true);

    await user.click(screen.getByRole('checkbox', { name: /Select all clusters shown/ }));
    expect(screen.getByText('3 items selected (1 conflict)')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.getByText('0 items selected')).toBeInTheDocument();
  });

  it('says when both servers have the same inventory', async () => {
    await connected(
      backend(syncSession({ comparison: comparison({ nodes: { identical: [entry('a')] } }) })),
    );
    expect(
      screen.getByText('No differences: both servers have the same inventory.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Start Sync' })).toBeNull();
  });

  it('says when a list was cut at the server’s 10,000 entries, and only then', async () => {
    const full = Array.from({ length: 10_000 }, (_, i) => entry(`node-${i}`));
    await connected(
      backend(syncSession({ comparison: comparison({ nodes: { different: full } }, true) })),
    );
    expect(screen.getByText(/cut at 10,000 entries/)).toHaveRole('note');
  });

  it('does not say the lists were cut when the server only counted what it could not list', async () => {
    // An identical item counted but not listed (deleted here during the compare): "truncated".
    await connected(
      backend(
        syncSession({ comparison: comparison({ nodes: { different: [entry('a')] } }, true) }),
      ),
    );
    expect(screen.queryByText(/cut at 10,000 entries/)).toBeNull();
  });
});
