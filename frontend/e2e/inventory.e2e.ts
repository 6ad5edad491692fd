// The operator's everyday journey through the inventory, in a real browser
// against a real server: log in, add an SSH key and a node that uses it, find
// and edit the node, meet a server validation error, build a cluster, delete a
// configuration.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { explainFailures } from './support/failures';
import { SSH_FIXTURES } from './support/paths';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  startServers,
  stopServers,
  type TestServer,
} from './support/servers';

const fixture = (file: string) => readFileSync(join(SSH_FIXTURES, file), 'utf8');

let server: TestServer;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  [server] = (await startServers('A')) as [TestServer];
  // What the journey meets but does not create itself.
  await server.request('POST', '/api/v1/nodes', {
    hostname: 'other-node',
    ip: '10.9.9.9',
    username: 'ops',
  });
  await server.request('POST', '/api/v1/configurations', {
    name: 'old-values',
    kind: 'config',
    content: 'replicas: 1\n',
  });
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await stopServers(server);
});

explainFailures('inventory', () => ({ browser, servers: [server] }));

/** The text under a form control that aria-describedby points at. */
async function descriptionOf(control: Locator): Promise<string> {
  const ids = (await control.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

// By accessible name, which leaves out the required-field star (aria-hidden).
function textbox(name: string): Locator {
  return page.getByRole('textbox', { name, exact: true });
}

function select(name: string): Locator {
  return page.getByRole('combobox', { name, exact: true });
}

function row(text: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: text, exact: true }) });
}

async function statusSays(text: string) {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

describe('inventory journey', () => {
  it('sends a visitor to the login page, and in after logging in', async () => {
    await page.goto(`${server.url}/nodes`);
    await page.waitForURL('**/login');
    await browser.screenshot('login');

    await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN_USERNAME);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();

    await page.getByRole('heading', { name: 'Nodes' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/nodes');
    expect(await page.getByTestId('server-name').textContent()).toBe(server.name);
  });

  it('creates an SSH key from a real ed25519 pair', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'SSH keys' })
      .click();
    await page.getByRole('link', { name: 'New SSH key' }).click();

    await textbox('Name').fill('e2e-key');
    await textbox('Public key').fill(fixture('test_ed25519.pub'));
    await textbox('Private key').fill(fixture('test_ed25519'));
    await textbox('Path on the orchestrator host').fill('~/.ssh/e2e_ed25519');
    await page.getByRole('button', { name: 'Create SSH key' }).click();

    await statusSays('SSH key e2e-key created.');
    const key = row('e2e-key');
    await key.filter({ hasText: fixture('test_ed25519.fingerprint').trim() }).waitFor();
    expect(await key.textContent()).toContain('Stored');
    // The private key never comes back.
    expect(await page.content()).not.toContain('PRIVATE KEY');
    await browser.screenshot('ssh-keys');
  });

  it('creates a node that uses the key and lists it', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Nodes' })
      .click();
    await page.getByRole('link', { name: 'New node' }).click();

    await textbox('Host name').fill('e2e-node-01');
    await textbox('IP address').fill('10.0.0.5');
    await textbox('SSH user').fill('ubuntu');
    await select('SSH key').selectOption('e2e-key');
    await select('MicroK8s status').selectOption('running');
    await page.getByRole('button', { name: 'Create node' }).click();

    await statusSays('Node e2e-node-01 created.');
    await row('e2e-node-01').filter({ hasText: '10.0.0.5' }).waitFor();
    expect(await row('other-node').count()).toBe(1);
  });

  it('finds the node by searching', async () => {
    await page.getByRole('searchbox', { name: 'Search nodes' }).fill('e2e-node');
    await page.waitForURL('**/nodes?search=e2e-node');
    await expect.poll(() => row('other-node').count()).toBe(0);
    expect(await row('e2e-node-01').count()).toBe(1);
    await browser.screenshot('nodes-search');
  });

  it('edits the node IP, its host name read-only', async () => {
    await page.getByRole('link', { name: 'Edit e2e-node-01' }).click();
    const hostname = textbox('Host name');
    await expect.poll(() => hostname.inputValue()).toBe('e2e-node-01');
    expect(await hostname.isEditable()).toBe(false);

    await textbox('IP address').fill('10.0.0.6');
    await page.getByRole('button', { name: 'Save node' }).click();

    await statusSays('Node e2e-node-01 saved.');
    await row('e2e-node-01').filter({ hasText: '10.0.0.6' }).waitFor();
  });

  it('shows the server validation error for an invalid IP next to the IP field', async () => {
    await page.getByRole('link', { name: 'Edit e2e-node-01' }).click();
    const ip = textbox('IP address');
    await ip.fill('10.0.0.300');
    await page.getByRole('button', { name: 'Save node' }).click();

    await page.getByText('must be an IPv4 or IPv6 address').waitFor();
    expect(await ip.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(ip)).toBe('must be an IPv4 or IPv6 address');
    expect(await ip.evaluate((element) => element === document.activeElement)).toBe(true);
    await browser.screenshot('node-validation-error');
    await page.getByRole('link', { name: 'Cancel' }).click();
    await row('e2e-node-01').filter({ hasText: '10.0.0.6' }).waitFor();
  });

  it('creates a cluster with the node as a worker', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Clusters' })
      .click();
    await page.getByRole('link', { name: 'New cluster' }).click();

    await textbox('Name').fill('e2e-cluster');
    await textbox('Description').fill('made by the browser test');
    await page.getByRole('button', { name: 'Add a node' }).click();
    await select('Node 1').selectOption('e2e-node-01');
    await select('Role of node 1').selectOption('worker');
    await browser.screenshot('cluster-form');
    await page.getByRole('button', { name: 'Create cluster' }).click();

    await statusSays('Cluster e2e-cluster created.');
    await row('e2e-cluster').filter({ hasText: 'e2e-node-01 (worker)' }).waitFor();
    await browser.screenshot('clusters');
  });

  it('deletes a configuration after the user confirms', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Configurations' })
      .click();
    await page.getByRole('button', { name: 'Delete old-values' }).click();

    const dialog = page.getByRole('dialog', { name: 'Delete configuration old-values?' });
    await dialog.waitFor();
    await browser.screenshot('delete-dialog');
    await dialog.getByRole('button', { name: 'Delete' }).click();

    await statusSays('Configuration old-values deleted.');
    expect(await row('old-values').count()).toBe(0);
    await expect(server.request('GET', '/api/v1/configurations/old-values')).rejects.toThrow(
      /answered 404/,
    );
  });

  it('serves the sync page address and fits a narrow window', async () => {
    await page.goto(`${server.url}/sync/interactive`);
    await page.getByRole('heading', { name: 'Live Sync' }).waitFor();

    await page.setViewportSize({ width: 380, height: 800 });
    await page.goto(`${server.url}/nodes`);
    // Stacked rows label each cell with its column name, which joins the cell's name.
    await page.getByRole('row').filter({ hasText: 'e2e-node-01' }).waitFor();
    const overflows = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflows).toBe(false);
    await browser.screenshot('nodes-narrow');
  });
});
