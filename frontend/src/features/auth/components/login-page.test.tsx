import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { session } from '@/lib/session';
import { fakeApi, json, problem } from '@/testing/fake-api';
import { nodeView, page } from '@/testing/factories';
import { renderApp } from '@/testing/render-app';

describe('Login', () => {
  it('sends a visitor to the login page, then back where they were going', async () => {
    const api = fakeApi()
      .on('POST', '/api/v1/auth/login', json(200, { token: 'fresh-token', expires_in: 28800 }))
      .on('GET', '/api/v1/clusters', json(200, page([])));
    const { user } = renderApp('/clusters', { loggedIn: false });

    await user.type(await screen.findByLabelText(/^Username/), 'admin');
    await user.type(screen.getByLabelText(/^Password/), 'secret');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Clusters' })).toBeInTheDocument();
    expect(session.token()).toBe('fresh-token');
    expect(api.sentTo('POST', '/api/v1/auth/login')[0]?.body).toEqual({
      username: 'admin',
      password: 'secret',
    });
    expect(api.sentTo('GET', '/api/v1/clusters')[0]?.headers.get('Authorization')).toBe(
      'Bearer fresh-token',
    );
  });

  it('says why a login failed', async () => {
    fakeApi().on(
      'POST',
      '/api/v1/auth/login',
      problem(401, { code: 'bad-credentials', detail: 'wrong username or password' }),
    );
    const { user } = renderApp('/login', { loggedIn: false });

    await user.type(screen.getByLabelText(/^Username/), 'admin');
    await user.type(screen.getByLabelText(/^Password/), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('wrong username or password');
    expect(session.token()).toBeNull();
  });

  it('returns to the login page when the server no longer accepts the token', async () => {
    fakeApi().on(
      'GET',
      '/api/v1/nodes',
      problem(401, { code: 'unauthorized', detail: 'the bearer token is invalid or expired' }),
    );
    renderApp('/nodes');

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Your session has ended');
    expect(session.token()).toBeNull();
  });

  it('logs out from the navigation', async () => {
    fakeApi().on('GET', '/api/v1/nodes', json(200, page([nodeView()])));
    const { user } = renderApp('/nodes');

    expect(await screen.findByText('test-server')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('You have logged out.');
    expect(session.token()).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });
});
