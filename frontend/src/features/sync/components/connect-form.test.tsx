// The connect form's optional certificate fingerprint: sent when given, and a
// server's refusal of it shown under the field; and a registered peer picked by
// name instead of a URL.
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, json, validationProblem, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import { peer, syncSession, syncSettings } from '@/testing/sync-factories';

const SESSIONS = '/api/v1/sync/sessions';
const PIN = 'ab'.repeat(32);

let api: FakeApi;

beforeEach(() => {
  api = fakeApi().on('GET', '/api/v1/sync/settings', json(200, syncSettings()));
});

async function connect(url: string, fingerprint: string) {
  const view = renderApp('/sync/interactive');
  const field = await screen.findByLabelText(/Remote server URL/);
  await view.user.clear(field);
  await view.user.type(field, url);
  if (fingerprint) {
    await view.user.type(screen.getByLabelText(/Certificate fingerprint/), fingerprint);
  }
  await view.user.click(screen.getByRole('button', { name: 'Connect & Compare' }));
}

describe('the certificate fingerprint of the connect form', () => {
  it('is sent with the session request when given', async () => {
    api.on('POST', SESSIONS, json(201, syncSession({ remote_fingerprint: PIN.toUpperCase() })));
    await connect('https://b:5001', ` ${PIN} `);
    await screen.findByTestId('remote-server');
    expect(api.sentTo('POST', SESSIONS)[0]?.body).toMatchObject({
      remote_url: 'https://b:5001',
      remote_fingerprint: PIN,
    });
  });

  it('is left out when empty', async () => {
    api.on('POST', SESSIONS, json(201, syncSession()));
    await connect('https://b:5001', '');
    await screen.findByTestId('remote-server');
    expect(api.sentTo('POST', SESSIONS)[0]?.body).not.toHaveProperty('remote_fingerprint');
  });

  it('shows why the server refused it under the field', async () => {
    api.on(
      'POST',
      SESSIONS,
      validationProblem([{ field: 'remote_fingerprint', message: 'must be 64 hex digits' }]),
    );
    await connect('https://b:5001', 'AB:CD');
    expect(await screen.findByText('must be 64 hex digits')).toBeInTheDocument();
    expect(screen.getByLabelText(/Certificate fingerprint/)).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });
});

describe('a registered peer on the connect form', () => {
  const PEERS = '/api/v1/sync/peers';
  const EU = peer({ name: 'production-eu', url: 'https://eu:5000', has_password: true });
  const LAB = peer({ name: 'lab', url: 'http://lab:5000' });

  it('is offered by name, and picking it sends the peer instead of a URL', async () => {
    api.on('GET', PEERS, json(200, [LAB, EU])).on('POST', SESSIONS, json(201, syncSession()));
    const view = renderApp('/sync/interactive');
    const select = await screen.findByLabelText('Registered peer');
    expect(
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['None: type a URL', 'lab (http://lab:5000)', 'production-eu (https://eu:5000)']);
    await view.user.selectOptions(select, 'production-eu');
    expect(screen.queryByLabelText(/Remote server URL/)).toBeNull();
    expect(screen.getByText('https://eu:5000')).toBeInTheDocument();
    expect(screen.getByText(/empty uses the stored one/)).toBeInTheDocument();
    await view.user.click(screen.getByRole('button', { name: 'Connect & Compare' }));
    await screen.findByTestId('remote-server');
    const body = api.sentTo('POST', SESSIONS)[0]?.body;
    expect(body).toEqual({ peer: 'production-eu' });
  });

  it('sends a password and a fingerprint typed with it as overrides', async () => {
    api
      .on('GET', PEERS, json(200, [EU]))
      .on('POST', SESSIONS, json(201, syncSession({ remote_fingerprint: PIN.toUpperCase() })));
    const view = renderApp('/sync/interactive');
    await view.user.selectOptions(await screen.findByLabelText('Registered peer'), 'production-eu');
    await view.user.type(screen.getByLabelText(/Sync password/), 'other');
    await view.user.type(screen.getByLabelText(/Certificate fingerprint/), PIN);
    await view.user.click(screen.getByRole('button', { name: 'Connect & Compare' }));
    await screen.findByTestId('remote-server');
    expect(api.sentTo('POST', SESSIONS)[0]?.body).toEqual({
      peer: 'production-eu',
      password: 'other',
      remote_fingerprint: PIN,
    });
  });

  it('goes back to the URL when "type a URL" is picked again', async () => {
    api.on('GET', PEERS, json(200, [EU])).on('POST', SESSIONS, json(201, syncSession()));
    const view = renderApp('/sync/interactive');
    const select = await screen.findByLabelText('Registered peer');
    await view.user.selectOptions(select, 'production-eu');
    await view.user.selectOptions(select, '');
    expect(screen.getByLabelText(/Remote server URL/)).toHaveValue('http://server-b:5000');
    await view.user.click(screen.getByRole('button', { name: 'Connect & Compare' }));
    await screen.findByTestId('remote-server');
    expect(api.sentTo('POST', SESSIONS)[0]?.body).toEqual({ remote_url: 'http://server-b:5000' });
  });

  it('is not offered when no peer is registered', async () => {
    api.on('GET', PEERS, json(200, []));
    renderApp('/sync/interactive');
    await screen.findByLabelText(/Remote server URL/);
    await vi.waitFor(() => expect(api.sentTo('GET', PEERS)).toHaveLength(1));
    expect(screen.queryByLabelText('Registered peer')).toBeNull();
  });
});
