// Selecting a cluster on the sync page offers its member nodes and their SSH
// keys too, where they differ between the servers: read from this server's
// inventory for a push, from the comparison for a pull.
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { clusterView, nodeView } from '@/testing/factories';
import { fakeApi, json, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import { comparison, entry, syncSession, syncSettings } from '@/testing/sync-factories';

const CLUSTER = '/api/v1/clusters/production';
const KEYS: Record<string, string> = { 'node-00': 'other', 'node-01': 'deploy' };

const COMPARED = comparison({
  nodes: {
    identical: [entry('node-00')],
    different: [
      entry('node-02', { changed_on: 'local', base_hash: 'remote-node-02' }),
      entry('node-05', { changed_on: 'remote', base_hash: 'local-node-05' }),
    ],
    missing_on_remote: [entry('node-01', { remote_hash: undefined })],
    missing_on_local: [entry('node-09', { local_hash: undefined })],
  },
  clusters: {
    missing_on_remote: [entry('production', { remote_hash: undefined })],
    different: [
      entry('staging', {
        changed_on: 'remote',
        base_hash: 'local-staging',
        changes: [
          {
            field: 'nodes',
            changed_on: 'remote',
            local: [],
            remote: [{ hostname: 'node-09' }, { hostname: 'node-00' }],
          },
        ],
      }),
    ],
  },
  ssh_keys: {
    identical: [entry('other')],
    missing_on_remote: [entry('deploy', { remote_hash: undefined })],
  },
});

let api: FakeApi;

beforeEach(() => {
  api = fakeApi()
    .on('GET', '/api/v1/sync/settings', json(200, syncSettings()))
    .on('POST', '/api/v1/sync/sessions', json(201, syncSession({ comparison: COMPARED })))
    .on(
      'GET',
      CLUSTER,
      json(
        200,
        clusterView({
          nodes: ['node-00', 'node-01', 'node-02', 'node-05'].map((hostname) => ({ hostname })),
        }),
      ),
    )
    .on('GET', '/api/v1/nodes/{key}', (_, { key = '' }) =>
      json(200, nodeView({ hostname: key, ssh_key: KEYS[key] ?? null })),
    );
});

async function openPage() {
  const view = renderApp('/sync/interactive');
  await view.user.click(await screen.findByRole('button', { name: 'Connect & Compare' }));
  await screen.findByTestId('remote-server');
  return view;
}

describe('Selecting a cluster', () => {
  it('offers its nodes and SSH keys that differ, and selects them in one click', async () => {
    const { user } = await openPage();
    expect(api.sentTo('GET', CLUSTER)).toHaveLength(0);
    await user.click(screen.getByRole('checkbox', { name: 'Select production' }));

    // node-00 and the key other are alike on both; a push leaves node-05 alone.
    const prompt = await screen.findByTestId('dependency-prompt');
    const offer = within(prompt).getByRole('button', {
      name: 'Also select its 2 nodes and 1 SSH key (of production)',
    });
    expect(prompt).toHaveTextContent('node-01, node-02, SSH key deploy: not selected');
    await user.click(offer);
    for (const key of ['node-01', 'node-02', 'deploy'])
      expect(screen.getByRole('checkbox', { name: `Select ${key}` })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select node-05' })).not.toBeChecked();
    expect(screen.getByText('4 items selected')).toBeInTheDocument();
    expect(screen.queryByTestId('dependency-prompt')).toBeNull();
  });

  it('offers only what is not selected yet, and nothing once the cluster is not', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: 'Select node-01' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select production' }));
    await screen.findByRole('button', { name: /Also select its 1 node and 1 SSH key/ });
    await user.click(screen.getByRole('checkbox', { name: 'Select production' }));
    expect(screen.queryByTestId('dependency-prompt')).toBeNull();
  });

  it('takes the members of the remote’s version from the comparison for a pull', async () => {
    const { user } = await openPage();
    await user.click(screen.getByRole('radio', { name: 'Pull from server-b' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select staging' }));
    await user.click(
      await screen.findByRole('button', { name: 'Also select its 1 node (of staging)' }),
    );
    expect(screen.getByRole('checkbox', { name: 'Select node-09' })).toBeChecked();
    // The remote's version is not in this server's inventory: nothing was read.
    await waitFor(() => expect(screen.queryByTestId('dependency-prompt')).toBeNull());
    expect(api.sentTo('GET', '/api/v1/clusters/staging')).toHaveLength(0);
  });

  it('offers nothing when the cluster cannot be read', async () => {
    api.on('GET', CLUSTER, json(500, { code: 'internal', detail: 'boom' }));
    const { user } = await openPage();
    await user.click(screen.getByRole('checkbox', { name: 'Select production' }));
    await waitFor(() => expect(api.sentTo('GET', CLUSTER)).toHaveLength(1));
    expect(screen.queryByTestId('dependency-prompt')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
