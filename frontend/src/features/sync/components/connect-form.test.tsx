// The connect form's optional certificate fingerprint: sent when given, and a
// server's refusal of it shown under the field.
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, json, validationProblem, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import { syncSession, syncSettings } from '@/testing/sync-factories';

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
