// A broadcast from A's Peers page to two registered peers: B, which shares
// A's SYNC_PASSWORD, and one at a closed port. The broadcast view shows B's
// row completed with its job and the other failed with its reason, and shows
// the same again after a reload of the finished broadcast.
import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { explainFailures } from './support/failures';
import { logIn } from './support/login';
import { startServers, stopServers, type TestServer } from './support/servers';

const PEER_B = 'e2e-broadcast-b';
const PEER_DOWN = 'e2e-broadcast-down';
const NODE_ON_A = 'e2e-broadcast-only-a';

let a: TestServer;
let b: TestServer;
let browser: TestBrowser;
let page: Page;

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  [a, b] = (await startServers('A', 'B')) as [TestServer, TestServer];
  await a.request('POST', '/api/v1/nodes', {
    hostname: NODE_ON_A,
    ip: '10.40.0.1',
    username: 'ops',
  });
  await a.request('POST', '/api/v1/sync/peers', { name: PEER_B, url: b.url });
  await a.request('POST', '/api/v1/sync/peers', {
    name: PEER_DOWN,
    url: `http://127.0.0.1:${await closedPort()}`,
  });
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await stopServers(a, b);
});

explainFailures('broadcast', () => ({ browser, servers: [a, b] }));

function row(name: string) {
  return page.locator(`tr[data-peer="${name}"]`);
}

async function expectOutcome() {
  const summary = page.getByTestId('broadcast-summary');
  await summary.filter({ hasText: '1 of 2 completed' }).waitFor({ timeout: 60_000 });
  expect(await summary.textContent()).toContain('Failed');

  await row(PEER_B).and(page.locator('[data-status="completed"]')).waitFor();
  const done = (await row(PEER_B).textContent()) ?? '';
  expect(done).toContain('completed');
  expect(done).toContain('apply 1 node');
  const job = row(PEER_B).getByRole('link', { name: /Open job/ });
  expect(await job.getAttribute('href')).toMatch(/^\/jobs\/[0-9a-f-]{36}$/);

  const down = row(PEER_DOWN);
  expect(await down.getAttribute('data-status')).toBe('failed');
  expect(((await down.locator('.peer-problem').textContent()) ?? '').length).toBeGreaterThan(0);
}

describe('broadcast journey', () => {
  it('syncs to the selected peers from the Peers page: one completes, one fails', async () => {
    await logIn(page, a.url);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Peers' })
      .click();
    await page.getByRole('heading', { name: 'Peers' }).waitFor();
    await page.getByRole('checkbox', { name: `Select ${PEER_B}` }).check();
    await page.getByRole('checkbox', { name: `Select ${PEER_DOWN}` }).check();
    await page.getByRole('button', { name: 'Sync to selected peers (2)' }).click();
    const form = page.getByRole('form', { name: 'Sync to selected peers' });
    await form.getByRole('combobox', { name: 'Direction' }).selectOption('push');
    await form.getByRole('button', { name: 'Start sync' }).click();

    await page.waitForURL(/\/sync\/broadcasts\/[0-9a-f-]+$/);
    await expectOutcome();
    await browser.screenshot('broadcast');

    const nodes = (await b.request('GET', `/api/v1/nodes/${NODE_ON_A}`)) as { hostname: string };
    expect(nodes.hostname).toBe(NODE_ON_A);
  });

  it('shows the finished broadcast the same after a reload', async () => {
    await page.reload();
    await expectOutcome();
  });
});
