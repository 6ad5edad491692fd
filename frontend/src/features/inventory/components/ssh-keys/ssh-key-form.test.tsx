import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, validationProblem } from '@/testing/fake-api';
import { page, sshKeyView } from '@/testing/factories';
import { renderApp } from '@/testing/render-app';

describe('SSH keys', () => {
  it('lists fingerprints and whether a private key is stored, never a private key', async () => {
    fakeApi().on(
      'GET',
      '/api/v1/ssh-keys',
      json(
        200,
        page([
          sshKeyView({ name: 'deploy', fingerprint: 'SHA256:one', has_private_key: true }),
          sshKeyView({ name: 'public-only', fingerprint: 'SHA256:two', has_private_key: false }),
        ]),
      ),
    );
    renderApp('/ssh-keys');

    const deploy = (await screen.findByRole('cell', { name: 'deploy' })).closest('tr');
    expect(deploy).toHaveTextContent('SHA256:one');
    expect(deploy).toHaveTextContent('Stored');
    expect(screen.getByRole('cell', { name: 'public-only' }).closest('tr')).toHaveTextContent(
      'None',
    );
  });

  it('keeps the stored private key when the field is left empty on edit', async () => {
    const api = fakeApi()
      .on('GET', '/api/v1/ssh-keys/{key}', json(200, sshKeyView({ has_private_key: true })))
      .on('PUT', '/api/v1/ssh-keys/{key}', json(200, sshKeyView()))
      .on('GET', '/api/v1/ssh-keys', json(200, page([sshKeyView()])));
    const { user } = renderApp('/ssh-keys/deploy/edit');

    const privateKey = await screen.findByLabelText('Private key');
    expect(privateKey).toHaveValue('');
    expect(privateKey).toHaveAccessibleDescription(/A private key is stored. Leave this empty/);
    const path = screen.getByLabelText('Path on the orchestrator host');
    await user.clear(path);
    await user.type(path, '~/.ssh/deploy');
    await user.click(screen.getByRole('button', { name: 'Save SSH key' }));

    await screen.findByText('SSH key deploy saved.');
    const body = api.sentTo('PUT', '/api/v1/ssh-keys/deploy')[0]?.body;
    expect(body).not.toHaveProperty('private_key');
    expect(body).toMatchObject({ name: 'deploy', path: '~/.ssh/deploy' });
  });

  it('shows why the server refused a private key under that field', async () => {
    fakeApi().on(
      'POST',
      '/api/v1/ssh-keys',
      validationProblem([
        {
          field: 'private_key',
          message: 'does not belong to public_key (their public halves differ)',
        },
      ]),
    );
    const { user } = renderApp('/ssh-keys/new');

    await user.type(screen.getByLabelText(/^Name/), 'deploy');
    await user.type(screen.getByLabelText(/^Public key/), 'ssh-ed25519 AAAA test');
    await user.type(screen.getByLabelText('Private key'), 'not the matching key');
    await user.click(screen.getByRole('button', { name: 'Create SSH key' }));

    expect(await screen.findByText(/does not belong to public_key/)).toBeInTheDocument();
    expect(screen.getByLabelText('Private key')).toHaveAttribute('aria-invalid', 'true');
  });
});
