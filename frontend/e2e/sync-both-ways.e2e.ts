// A sync both ways between two real servers, after each changed different
// nodes since their last sync: on A, choose "Both ways", see which way each
// row goes, sync, and find each side's changes on the other.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { explainFailures } from './support/failures';
import { nodeOn, pushNodes } from './support/jobs';
import { logIn } from './support/login';
import { startServers, stopServers, type TestServer } from './support/servers';
import { comparisonRow } from './support/sync-page';

const CHANGED_HERE = 'e2e-both-here';
const CHANGED_THERE = 'e2e-both-there';
const DELETED_THERE = 'e2e-both-gone';
const ONLY_THERE = 'e2e-both-new';

let a: TestServer;
let b: TestServer;
let browser: TestBrowser;
let page: Page;

interface NodeView {
  ip: string;
}

/** The sides' common past: a push of the named nodes from A. */
function pushFromA(hostnames: string[]) {
  return pushNodes(a, b, hostnames);
}

function node(server: TestServer, hostname: string) {
  return nodeOn<NodeView>(server, hostname);
}

function putNode(server: TestServer, hostname: string, ip: string) {
  return server.request('PUT', `/api/v1/nodes/${hostname}`, { hostname, ip, username: 'ops' });
}

beforeAll(async () => {
  [a, b] = (await startServers('A', 'B')) as [TestServer, TestServer];
  const common = [CHANGED_HERE, CHANGED_THERE, DELETED_THERE];
  for (const [i, hostname] of common.entries()) {
    await a.request('POST', '/api/v1/nodes', { hostname, ip: `10.30.0.${i + 1}`, username: 'ops' });
  }
  await pushFromA(common);
  await putNode(a, CHANGED_HERE, '10.31.0.1');
  await putNode(b, CHANGED_THERE, '10.32.0.2');
  await b.request('DELETE', `/api/v1/nodes/${DELETED_THERE}`);
  await b.request('POST', '/api/v1/nodes', {
    hostname: ONLY_THERE,
    ip: '10.32.0.9',
    username: 'ops',
  });
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await stopServers(a, b);
});

explainFailures('sync-both', () => ({ browser, servers: [a, b] }));

describe('sync both ways journey', () => {
  it('shows which way each row goes once "Both ways" is chosen', async () => {
    await logIn(page, a.url);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sync' })
      .click();
    await page.getByRole('textbox', { name: 'Remote server URL' }).fill(b.url);
    await page.getByRole('button', { name: 'Connect & Compare' }).click();
    await page.getByTestId('remote-server').waitFor();
    // A push cannot take what only B has.
    expect(await page.getByRole('checkbox', { name: `Select ${ONLY_THERE}` }).isDisabled()).toBe(
      true,
    );

    await page.getByRole('radio', { name: `Both ways with ${b.name}` }).check();
    expect(await comparisonRow(page, CHANGED_HERE).textContent()).toContain('→ remote');
    expect(await comparisonRow(page, CHANGED_THERE).textContent()).toContain('← here');
    expect(await comparisonRow(page, DELETED_THERE).textContent()).toContain('← here');
    expect(await comparisonRow(page, ONLY_THERE).textContent()).toContain('← here');
    expect(await page.getByRole('checkbox', { name: `Select ${ONLY_THERE}` }).isEnabled()).toBe(
      true,
    );
    await browser.screenshot('sync-both-comparison');
  });

  it('syncs both ways, showing each direction, and verifies', async () => {
    await page.getByRole('checkbox', { name: /Select all nodes shown/ }).check();
    await page.getByText('4 items selected').waitFor();
    await page.getByRole('button', { name: 'Start Sync' }).click();
    const dialog = page.getByRole('dialog', {
      name: `Sync 4 items both ways with ${b.name}?`,
    });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`→ ${b.name}: 1 replaced`);
    await dialog.getByRole('button', { name: 'Start Sync' }).click();

    const panel = page.getByRole('region', { name: `Sync both ways with ${b.name}` });
    await panel.getByText('Verified: every item moved now matches on both servers.').waitFor();
    expect(await panel.getByTestId('job-directions').textContent()).toContain(
      `→ to ${b.name}: 1 / 1 items`,
    );
    expect(await panel.getByTestId('job-directions').textContent()).toContain('3 / 3 items');
    const each = await panel.getByTestId('result-directions').textContent();
    expect(each).toContain(`→ ${b.name}: apply 1 node; delete nothing`);
    expect(each).toContain('apply 2 nodes; delete 1 node');
    await browser.screenshot('sync-both-finished');
  });

  it('leaves each side’s changes on the other, and nothing left to sync', async () => {
    for (const server of [a, b]) {
      expect((await node(server, CHANGED_HERE))?.ip).toBe('10.31.0.1');
      expect((await node(server, CHANGED_THERE))?.ip).toBe('10.32.0.2');
      expect((await node(server, ONLY_THERE))?.ip).toBe('10.32.0.9');
      expect(await node(server, DELETED_THERE)).toBeNull();
    }
    await page.getByRole('button', { name: 'Compare again' }).click();
    await page.getByText('No differences: both servers have the same inventory.').waitFor();
  });
});
