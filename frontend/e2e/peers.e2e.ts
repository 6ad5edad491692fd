// Registered peers between two real servers that share a SYNC_PASSWORD: on A's
// Peers page, a bad name is refused under its field, then B is registered by
// name; on the sync page, picking it by name connects and compares; the Peers
// page then shows the contact (B's name) it recorded.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { explainFailures } from './support/failures';
import { logIn } from './support/login';
import { startServers, stopServers, type TestServer } from './support/servers';
import { comparisonRow } from './support/sync-page';

const PEER = 'e2e-peer-b';
const NODE_ON_A = 'e2e-peers-only-a';

let a: TestServer;
let b: TestServer;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  [a, b] = (await startServers('A', 'B')) as [TestServer, TestServer];
  await a.request('POST', '/api/v1/nodes', {
    hostname: NODE_ON_A,
    ip: '10.30.0.1',
    username: 'ops',
  });
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await stopServers(a, b);
});

explainFailures('peers', () => ({ browser, servers: [a, b] }));

function peerRow(name: string) {
  return page.locator(`tr[data-peer="${name}"]`);
}

describe('registered peers journey', () => {
  it('registers B on A, after a refused name shown under its field', async () => {
    await logIn(page, a.url);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Peers' })
      .click();
    await page.getByRole('heading', { name: 'Peers' }).waitFor();
    await page.getByText('No peer yet').waitFor();

    await page.getByRole('button', { name: 'Add peer' }).click();
    const form = page.getByRole('form', { name: 'Add a peer' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Not A Name');
    await form.getByRole('textbox', { name: 'URL' }).fill(b.url);
    await form.getByRole('button', { name: 'Add peer' }).click();
    const nameError = form.locator('#field-name-error');
    await nameError.waitFor();
    expect(await nameError.textContent()).toContain('lower-case');
    expect(await form.getByRole('textbox', { name: 'Name' }).getAttribute('aria-invalid')).toBe(
      'true',
    );

    await form.getByRole('textbox', { name: 'Name' }).fill(PEER);
    await form.getByRole('button', { name: 'Add peer' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Peer ${PEER} added.` })
      .waitFor();
    const row = peerRow(PEER);
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(b.url);
    expect(text).toContain("this server's");
    expect(text).toContain('never');
    await browser.screenshot('peers');
  });

  it('connects by picking the peer on the sync page and sees the comparison', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sync' })
      .click();
    await page.getByRole('heading', { name: 'Live Sync' }).waitFor();
    await page.getByRole('combobox', { name: 'Registered peer' }).selectOption(PEER);
    expect(await page.getByRole('textbox', { name: 'Remote server URL' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Connect & Compare' }).click();

    const remote = page.getByTestId('remote-server');
    await remote.waitFor();
    expect(await remote.textContent()).toContain(`Connected to ${b.name}`);
    expect(await comparisonRow(page, NODE_ON_A).textContent()).toContain('missing on remote');
    await browser.screenshot('sync-peer-comparison');
  });

  it('shows the recorded contact on the Peers page', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Peers' })
      .click();
    const row = peerRow(PEER);
    await row.getByText(b.name, { exact: true }).waitFor();
    expect(await row.locator('time').count()).toBe(1);
    const peers = (await a.request('GET', '/api/v1/sync/peers')) as {
      name: string;
      server_name: string | null;
    }[];
    expect(peers).toEqual([expect.objectContaining({ name: PEER, server_name: b.name })]);
  });
});
