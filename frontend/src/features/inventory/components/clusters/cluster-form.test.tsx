import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, validationProblem } from '@/testing/fake-api';
import { clusterView, nodeView, page } from '@/testing/factories';
import { renderApp } from '@/testing/render-app';

function withNodes() {
  return fakeApi().on(
    'GET',
    '/api/v1/nodes',
    json(200, page([nodeView({ hostname: 'node-01' }), nodeView({ hostname: 'node-02' })])),
  );
}

describe('Cluster form', () => {
  it('sends members with roles and maps nodes[i].* errors to row i', async () => {
    const api = withNodes().on(
      'POST',
      '/api/v1/clusters',
      validationProblem([
        { field: 'nodes[1].hostname', message: "no node named 'node-02' exists" },
        { field: 'settings', message: 'must be at most 16384 characters of JSON' },
        { field: 'labels', message: 'unknown field' },
      ]),
    );
    const { user } = renderApp('/clusters/new');

    await user.type(screen.getByLabelText(/^Name/), 'production');
    await user.click(screen.getByRole('button', { name: 'Add a node' }));
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Node 1' }), 'node-01');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role of node 1' }), 'worker');
    await user.click(screen.getByRole('button', { name: 'Add a node' }));
    // A node already in the cluster is not offered again.
    const second = screen.getByRole('combobox', { name: 'Node 2' });
    expect(within(second).queryByRole('option', { name: 'node-01' })).toBeNull();
    await user.selectOptions(second, 'node-02');
    await user.click(screen.getByRole('button', { name: 'Create cluster' }));

    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Node 2' })).toHaveAccessibleDescription(
        "no node named 'node-02' exists",
      ),
    );
    expect(screen.getByRole('combobox', { name: 'Node 1' })).not.toHaveAttribute('aria-invalid');
    expect(screen.getByLabelText('Settings')).toHaveAccessibleDescription(
      /^must be at most 16384 characters of JSON/,
    );
    // A field the form has no control for is listed in the alert.
    expect(screen.getByRole('alert')).toHaveTextContent('labels: unknown field');

    expect(api.sentTo('POST', '/api/v1/clusters')[0]?.body).toEqual({
      name: 'production',
      ha_enabled: false,
      nodes: [
        { hostname: 'node-01', role: 'worker' },
        { hostname: 'node-02', role: 'control-plane' },
      ],
    });
  });

  it('loads members for editing and can remove one', async () => {
    const api = withNodes()
      .on(
        'GET',
        '/api/v1/clusters/{key}',
        json(
          200,
          clusterView({
            name: 'production',
            ha_enabled: true,
            settings: { addons: ['dns'] },
            nodes: [
              { hostname: 'node-01', role: 'control-plane' },
              { hostname: 'node-02', role: 'worker' },
            ],
          }),
        ),
      )
      .on('PUT', '/api/v1/clusters/{key}', (request) => json(200, request.body))
      .on('GET', '/api/v1/clusters', json(200, page([clusterView()])));
    const { user } = renderApp('/clusters/production/edit');

    expect(await screen.findByLabelText(/^Name/)).toHaveAttribute('readonly');
    await user.click(screen.getByRole('button', { name: 'Remove node 1' }));
    await user.click(screen.getByRole('button', { name: 'Save cluster' }));

    await screen.findByText('Cluster production saved.');
    expect(api.sentTo('PUT', '/api/v1/clusters/production')[0]?.body).toEqual({
      name: 'production',
      ha_enabled: true,
      settings: { addons: ['dns'] },
      nodes: [{ hostname: 'node-02', role: 'worker' }],
    });
  });
});
