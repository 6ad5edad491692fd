// The seed's web flow between two real servers that share a SYNC_PASSWORD: on
// A, connect to B and compare, review a new node and one whose IP differs,
// preview (B unchanged), sync for real and watch it verify, then find A's
// version on B. Like the demo, both have the same SSH key: its kind's digests
// agree, and "Everything, identical too" still lists it. Last, a push whose
// upload a proxy holds is cancelled from A's Jobs page, and B keeps its version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { explainFailures } from './support/failures';
import { holdingProxy } from './support/holding-proxy';
import { logIn } from './support/login';
import { SSH_FIXTURES } from './support/paths';
import { startServers, stopServers, type TestServer } from './support/servers';
import { comparisonRow } from './support/sync-page';

const NEW_NODE = 'e2e-sync-new';
const SHARED_NODE = 'e2e-sync-shared';
const IP_ON_A = '10.20.0.1';
const IP_ON_B = '10.20.0.2';
const SHARED_KEY = 'e2e-sync-key';

let a: TestServer;
let b: TestServer;
let browser: TestBrowser;
let page: Page;

interface NodeView {
  hostname: string;
  ip: string;
}

beforeAll(async () => {
  [a, b] = (await startServers('A', 'B')) as [TestServer, TestServer];
  // The same host name on both, with different addresses.
  await a.request('POST', '/api/v1/nodes', { hostname: SHARED_NODE, ip: IP_ON_A, username: 'ops' });
  await b.request('POST', '/api/v1/nodes', { hostname: SHARED_NODE, ip: IP_ON_B, username: 'ops' });
  const key = {
    name: SHARED_KEY,
    public_key: readFileSync(join(SSH_FIXTURES, 'test_ed25519.pub'), 'utf8'),
    private_key: readFileSync(join(SSH_FIXTURES, 'test_ed25519'), 'utf8'),
    path: '~/.ssh/e2e_ed25519',
  };
  await a.request('POST', '/api/v1/ssh-keys', key);
  await b.request('POST', '/api/v1/ssh-keys', key);
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await stopServers(a, b);
});

explainFailures('sync', () => ({ browser, servers: [a, b] }));

async function nodeOnB(hostname: string): Promise<NodeView | null> {
  try {
    return (await b.request('GET', `/api/v1/nodes/${hostname}`)) as NodeView;
  } catch (error) {
    if (String(error).includes('answered 404')) return null;
    throw error;
  }
}

async function progressOf(panel: Locator) {
  const bar = panel.getByRole('progressbar', { name: 'Items sent' });
  return {
    now: await bar.getAttribute('aria-valuenow'),
    max: await bar.getAttribute('aria-valuemax'),
  };
}

describe('interactive sync journey', () => {
  it('creates a node on A through the UI', async () => {
    await logIn(page, a.url);
    await page.getByRole('link', { name: 'New node' }).click();
    await page.getByRole('textbox', { name: 'Host name', exact: true }).fill(NEW_NODE);
    await page.getByRole('textbox', { name: 'IP address', exact: true }).fill('10.20.0.9');
    await page.getByRole('textbox', { name: 'SSH user', exact: true }).fill('ubuntu');
    await page.getByRole('button', { name: 'Create node' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Node ${NEW_NODE} created.` })
      .waitFor();
  });

  it('connects to B and compares', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sync' })
      .click();
    await page.getByRole('heading', { name: 'Live Sync' }).waitFor();
    await page.getByRole('textbox', { name: 'Remote server URL' }).fill(b.url);
    await page.getByRole('button', { name: 'Connect & Compare' }).click();

    const remote = page.getByTestId('remote-server');
    await remote.waitFor();
    expect(await remote.textContent()).toContain(`Connected to ${b.name}`);
    expect(await comparisonRow(page, NEW_NODE).textContent()).toContain('🔵 missing on remote');
    expect(await comparisonRow(page, SHARED_NODE).textContent()).toContain('🟡 different');
    // Drawn, not typed: Debian's Chromium has no emoji font, and the emoji were empty boxes.
    const icon = comparisonRow(page, NEW_NODE).locator('.status-icon');
    expect(await icon.getAttribute('title')).toBe('missing on remote');
    const drawn = await icon.locator('svg circle').boundingBox();
    expect(drawn?.width).toBeGreaterThan(8);
    expect(drawn?.height).toBeGreaterThan(8);

    // Everything, identical too: as many identical rows as the summary counts,
    // the SSH key among them though its kind was not compared item by item.
    const status = page.getByRole('combobox', { name: 'Status' });
    await status.selectOption('all');
    await comparisonRow(page, SHARED_KEY).waitFor();
    expect(await comparisonRow(page, SHARED_KEY).textContent()).toContain('identical');
    const counted = await page
      .getByRole('list', { name: 'Summary' })
      .locator('li[data-status="identical"] strong')
      .textContent();
    expect(Number(counted)).toBe(1);
    expect(await page.locator('.sync-table .status-icon[data-status="identical"]').count()).toBe(
      Number(counted),
    );
    await status.selectOption('differences');

    const toggle = page.getByRole('button', { name: `1 change of ${SHARED_NODE}` });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByText(`ip: ${IP_ON_A} → ${IP_ON_B}`).waitFor();
    await browser.screenshot('sync-comparison');
  });

  it('previews the sync of both nodes without changing B', async () => {
    await page.getByRole('checkbox', { name: `Select ${NEW_NODE}` }).check();
    await page.getByRole('checkbox', { name: `Select ${SHARED_NODE}` }).check();
    await page.getByText('2 items selected').waitFor();
    await page.getByRole('button', { name: 'Preview' }).click();

    const panel = page.getByRole('region', { name: `Preview (dry run) on ${b.name}` });
    await panel
      .getByText(
        `Preview: would apply 2 nodes; would delete nothing; nothing was changed on ${b.name}.`,
      )
      .waitFor();
    expect(await nodeOnB(NEW_NODE)).toBeNull();
    expect((await nodeOnB(SHARED_NODE))?.ip).toBe(IP_ON_B);
    await browser.screenshot('sync-preview');
  });

  it('syncs for real, with live progress to N / N and Verified', async () => {
    await page.getByRole('button', { name: 'Start Sync' }).click();
    const dialog = page.getByRole('dialog', { name: `Send 2 items to ${b.name}?` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Start Sync' }).click();

    const panel = page.getByRole('region', { name: `Sync to ${b.name}` });
    await panel.getByRole('progressbar', { name: 'Items sent' }).waitFor();
    await panel.getByText(`Verified: every item sent now matches on ${b.name}.`).waitFor();
    expect(await progressOf(panel)).toEqual({ now: '2', max: '2' });
    expect(await panel.getByTestId('progress-text').textContent()).toMatch(/^2 \/ 2 items · /);
    const phases = await panel.getByRole('list', { name: 'Phases' }).textContent();
    expect(phases).toContain('✓ Verifying');
    expect(await panel.getByRole('region', { name: 'Items' }).textContent()).toContain(
      `node ${NEW_NODE}: sent`,
    );
    await browser.screenshot('sync-finished');
  });

  it('leaves A’s version on B', async () => {
    expect(await nodeOnB(NEW_NODE)).toMatchObject({ hostname: NEW_NODE, ip: '10.20.0.9' });
    expect((await nodeOnB(SHARED_NODE))?.ip).toBe(IP_ON_A);

    // And as B's own operator sees it, in a tab of B's own.
    const other = await browser.context.newPage();
    try {
      await logIn(other, b.url);
      const row = other.getByRole('row').filter({ hasText: SHARED_NODE });
      await row.filter({ hasText: IP_ON_A }).waitFor();
      await other.getByRole('row').filter({ hasText: NEW_NODE }).waitFor();
      await browser.screenshot('sync-b-nodes', other);
    } finally {
      await other.close();
    }
  });

  it('compares again and finds nothing left to sync', async () => {
    await page.getByRole('button', { name: 'Compare again' }).click();
    await page.getByText('No differences: both servers have the same inventory.').waitFor();
    // Both nodes, and the SSH key that was alike from the start.
    expect(await page.getByRole('list', { name: 'Summary' }).textContent()).toContain(
      '3 identical',
    );
  });

  it('fits a narrow window, changes expanded', async () => {
    await a.request('PUT', `/api/v1/nodes/${SHARED_NODE}`, {
      hostname: SHARED_NODE,
      ip: '10.20.0.3',
      username: 'ops',
    });
    await page.setViewportSize({ width: 380, height: 800 });
    await page.getByRole('button', { name: 'Connect & Compare' }).click();
    await page.getByRole('button', { name: `1 change of ${SHARED_NODE}` }).click();
    await page.getByText(`ip: 10.20.0.3 → ${IP_ON_A}`).waitFor();
    // B now holds A's old version as their common base: only A changed since.
    await page.getByText('Changed on this server since the last sync.').waitFor();
    const overflows = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflows).toBe(false);
    await browser.screenshot('sync-narrow');
  });

  it('cancels from the Jobs page a push whose upload B never answers, and B keeps its version', async () => {
    // A holds 10.20.0.3 now; B still has A's old address.
    const proxy = await holdingProxy(b.url, 'POST /api/v1/sync/receive/stream');
    try {
      const session = (await a.request('POST', '/api/v1/sync/sessions', {
        remote_url: proxy.url,
      })) as { session_id: string };
      const { job_id: jobId } = (await a.request('POST', '/api/v1/sync/jobs', {
        session_id: session.session_id,
        selection: { nodes: [SHARED_NODE] },
      })) as { job_id: string };
      await proxy.held;

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${a.url}/jobs`);
      const short = jobId.slice(0, 8);
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: `Open job ${short}` }) });
      await row.getByRole('button', { name: `Cancel job ${short}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Cancel this job?' });
      await dialog.getByText('What the remote has not applied yet is not applied.').waitFor();
      await browser.screenshot('jobs-cancel-confirm');
      await dialog.getByRole('button', { name: 'Cancel job' }).click();
      const badge = row.locator('.job-status[data-status="cancelled"]');
      await badge.waitFor();
      expect(await badge.textContent()).toBe('■ Cancelled');
      expect(await row.getByRole('button', { name: `Cancel job ${short}` }).count()).toBe(0);
      await browser.screenshot('jobs-cancelled');

      const job = (await a.request('GET', `/api/v1/sync/jobs/${jobId}`)) as {
        status: string;
        problem: { code: string } | null;
      };
      expect(job.status).toBe('failed');
      expect(job.problem?.code).toBe('job-cancelled');
      expect((await nodeOnB(SHARED_NODE))?.ip).toBe(IP_ON_A);
    } finally {
      await proxy.close();
    }
  });
});
