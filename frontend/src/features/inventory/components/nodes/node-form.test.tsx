import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, problem, validationProblem } from '@/testing/fake-api';
import { nodeView, page, sshKeyView } from '@/testing/factories';
import { renderApp } from '@/testing/render-app';

function withKeys() {
  return fakeApi().on('GET', '/api/v1/ssh-keys', json(200, page([sshKeyView({ name: 'deploy' })])));
}

describe('Node form', () => {
  it('shows server validation errors next to their fields, nested wol.* included', async () => {
    const api = withKeys().on(
      'POST',
      '/api/v1/nodes',
      validationProblem([
        { field: 'ip', message: 'must be an IPv4 or IPv6 address' },
        { field: 'wol.mac', message: 'must be a MAC address such as aa:bb:cc:dd:ee:ff' },
      ]),
    );
    const { user } = renderApp('/nodes/new');

    await user.type(screen.getByLabelText(/^Host name/), 'node-01');
    await user.type(screen.getByLabelText(/^IP address/), 'not-an-ip');
    await user.type(screen.getByLabelText(/^SSH user/), 'ubuntu');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'SSH key' }), 'deploy');
    await user.click(screen.getByLabelText('Wake-on-LAN settings'));
    await user.type(screen.getByLabelText(/^MAC address/), 'zz');
    await user.click(screen.getByRole('button', { name: 'Create node' }));

    const ip = screen.getByLabelText(/^IP address/);
    await waitFor(() => expect(ip).toHaveAccessibleDescription('must be an IPv4 or IPv6 address'));
    expect(ip).toHaveAttribute('aria-invalid', 'true');
    expect(ip).toHaveFocus();
    expect(screen.getByLabelText(/^MAC address/)).toHaveAccessibleDescription(
      /^must be a MAC address such as aa:bb:cc:dd:ee:ff/,
    );
    expect(screen.getByLabelText(/^Host name/)).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent('please correct the marked fields');

    expect(api.sentTo('POST', '/api/v1/nodes')[0]?.body).toEqual({
      hostname: 'node-01',
      ip: 'not-an-ip',
      username: 'ubuntu',
      ssh_port: 22,
      ssh_key: 'deploy',
      microk8s_status: 'unknown',
      wol: { mac: 'zz', enabled: false },
    });
  });

  it('shows a problem that names no field as an alert with its detail', async () => {
    withKeys().on(
      'POST',
      '/api/v1/nodes',
      problem(409, {
        code: 'conflict',
        title: 'Conflict',
        detail: "node 'node-01' already exists",
      }),
    );
    const { user } = renderApp('/nodes/new');

    await user.type(screen.getByLabelText(/^Host name/), 'node-01');
    await user.type(screen.getByLabelText(/^IP address/), '10.0.0.1');
    await user.type(screen.getByLabelText(/^SSH user/), 'ubuntu');
    await user.click(screen.getByRole('button', { name: 'Create node' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("node 'node-01' already exists");
    expect(alert).toHaveFocus();
    expect(document.querySelector('[aria-invalid="true"]')).toBeNull();
  });

  it('checks the hardware JSON in the browser and sends nothing while it is broken', async () => {
    const api = withKeys();
    const { user } = renderApp('/nodes/new');

    await user.type(screen.getByLabelText(/^Host name/), 'node-01');
    await user.click(screen.getByLabelText('Hardware'));
    await user.paste('{"cpu": ');
    await user.click(screen.getByRole('button', { name: 'Create node' }));

    const hardware = screen.getByLabelText('Hardware');
    expect(hardware).toHaveAccessibleDescription(/^is not valid JSON/);
    expect(hardware).toHaveFocus();
    expect(api.sentTo('POST', '/api/v1/nodes')).toHaveLength(0);
  });

  it('edits a node by its host name, which stays read-only', async () => {
    const api = withKeys()
      .on(
        'GET',
        '/api/v1/nodes/{key}',
        json(
          200,
          nodeView({
            hostname: 'node-01',
            ip: '10.0.0.5',
            ssh_key: 'deploy',
            hardware: { cpu: 8 },
            wol: { mac: 'aa:bb:cc:dd:ee:01', enabled: true, broadcast: '255.255.255.255', port: 9 },
          }),
        ),
      )
      .on('PUT', '/api/v1/nodes/{key}', (request) => json(200, request.body))
      .on('GET', '/api/v1/nodes', json(200, page([nodeView({ ip: '10.0.0.6' })])));
    const { user } = renderApp('/nodes/node-01/edit');

    const hostname = await screen.findByLabelText(/^Host name/);
    expect(hostname).toHaveValue('node-01');
    expect(hostname).toHaveAttribute('readonly');
    const ip = screen.getByLabelText(/^IP address/);
    await user.clear(ip);
    await user.type(ip, '10.0.0.6');
    await user.click(screen.getByRole('button', { name: 'Save node' }));

    expect(await screen.findByText('Node node-01 saved.')).toBeInTheDocument();
    expect(api.sentTo('PUT', '/api/v1/nodes/node-01')[0]?.body).toEqual({
      hostname: 'node-01',
      ip: '10.0.0.6',
      username: 'ubuntu',
      ssh_port: 22,
      ssh_key: 'deploy',
      microk8s_status: 'unknown',
      hardware: { cpu: 8 },
      wol: { mac: 'aa:bb:cc:dd:ee:01', enabled: true, broadcast: '255.255.255.255', port: 9 },
    });
  });

  it('says so when the node to edit does not exist', async () => {
    withKeys().on(
      'GET',
      '/api/v1/nodes/{key}',
      problem(404, { code: 'not-found', detail: "node 'ghost' does not exist" }),
    );
    renderApp('/nodes/ghost/edit');
    expect(await screen.findByRole('alert')).toHaveTextContent("node 'ghost' does not exist");
  });
});
