// The list behaviour all four kinds share, exercised through the nodes page.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { nodeView, page } from '@/testing/factories';
import { renderApp } from '@/testing/render-app';

describe('Item list page', () => {
  it('deletes only after the user confirms', async () => {
    let stored = [nodeView({ hostname: 'node-01' }), nodeView({ hostname: 'node-02' })];
    const api = fakeApi()
      .on('GET', '/api/v1/nodes', () => json(200, page(stored)))
      .on('DELETE', '/api/v1/nodes/{key}', (_, { key }) => {
        stored = stored.filter((node) => node.hostname !== key);
        return new Response(null, { status: 204 });
      });
    const { user } = renderApp('/nodes');

    const deleteButton = await screen.findByRole('button', { name: 'Delete node-01' });
    await user.click(deleteButton);
    let dialog = screen.getByRole('dialog', { name: 'Delete node node-01?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(deleteButton).toHaveFocus();
    expect(api.sentTo('DELETE', '/api/v1/nodes/node-01')).toHaveLength(0);

    await user.click(deleteButton);
    dialog = screen.getByRole('dialog', { name: 'Delete node node-01?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(screen.queryByRole('cell', { name: 'node-01' })).toBeNull());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Node node-01 deleted.');
    expect(screen.getByRole('cell', { name: 'node-02' })).toBeInTheDocument();
    expect(api.sentTo('DELETE', '/api/v1/nodes/node-01')).toHaveLength(1);
  });

  it('keeps the dialog open with the reason when the server refuses the delete', async () => {
    fakeApi()
      .on('GET', '/api/v1/nodes', json(200, page([nodeView({ hostname: 'node-01' })])))
      .on(
        'DELETE',
        '/api/v1/nodes/{key}',
        problem(409, {
          code: 'conflict',
          detail:
            "node 'node-01' belongs to cluster 'production'; remove it from the cluster first",
        }),
      );
    const { user } = renderApp('/nodes');

    await user.click(await screen.findByRole('button', { name: 'Delete node-01' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "belongs to cluster 'production'",
    );
    expect(screen.getByRole('cell', { name: 'node-01' })).toBeInTheDocument();
  });

  it('searches once the user stops typing, from the first page', async () => {
    const api = fakeApi().on('GET', '/api/v1/nodes', (request) =>
      json(
        200,
        page(
          request.query.get('search') === 'web' ? [nodeView({ hostname: 'web-01' })] : [nodeView()],
        ),
      ),
    );
    const { user } = renderApp('/nodes?page=2');

    await screen.findByRole('cell', { name: 'node-01' });
    await user.type(screen.getByRole('searchbox', { name: 'Search nodes' }), 'web');

    expect(await screen.findByRole('cell', { name: 'web-01' })).toBeInTheDocument();
    const searches = api.sentTo('GET', '/api/v1/nodes').filter((r) => r.query.has('search'));
    expect(searches.map((r) => [r.query.get('search'), r.query.get('page')])).toEqual([
      ['web', '0'],
    ]);
  });

  it('pages through the total the API reports', async () => {
    const api = fakeApi().on('GET', '/api/v1/nodes', (request) => {
      const number = Number(request.query.get('page'));
      return json(
        200,
        page([nodeView({ hostname: `node-p${number}` })], { page: number, size: 20, total: 45 }),
      );
    });
    const { user } = renderApp('/nodes');

    await screen.findByRole('cell', { name: 'node-p0' });
    expect(screen.getByRole('navigation', { name: 'Pages' })).toHaveTextContent(
      '1–20 of 45 · page 1 of 3',
    );
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('cell', { name: 'node-p1' });
    expect(api.sentTo('GET', '/api/v1/nodes').at(-1)?.query.get('size')).toBe('20');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeEnabled();
  });

  it('has an empty state that leads to creating the first item', async () => {
    fakeApi().on('GET', '/api/v1/nodes', json(200, page([])));
    renderApp('/nodes');
    expect(await screen.findByText(/There is no node yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create the first one' })).toHaveAttribute(
      'href',
      '/nodes/new',
    );
  });

  it('shows why the list could not load, with a way to retry', async () => {
    fakeApi().on(
      'GET',
      '/api/v1/nodes',
      problem(500, { code: 'internal', detail: 'the server failed to handle the request' }),
    );
    renderApp('/nodes');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load nodes');
    expect(alert).toHaveTextContent('the server failed to handle the request');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
