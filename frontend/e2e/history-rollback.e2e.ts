// History and rollback between two real servers. A pushes a new node and its
// version of a shared one to B; B changes the shared node again. On B's UI:
// open the History, the push's entry with its items, roll it back with a
// preview that lists the shared node as changed since (kept as it is now) and
// a confirmation; then B's API has no new node, the shared node as B changed
// it, and the entry rolled back by a rollback entry of its own. On A's UI the
// push is on the Jobs page, with its result, counted and found by the filters.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { explainFailures } from './support/failures';
import { nodeOn, pushNodes } from './support/jobs';
import { logIn } from './support/login';
import { startServers, stopServers, type TestServer } from './support/servers';

const NEW_NODE = 'e2e-history-new';
const SHARED_NODE = 'e2e-history-shared';
const IP_ON_A = '10.50.0.1';
const IP_ON_B = '10.50.0.2';
const IP_CHANGED_ON_B = '10.50.0.3';

interface NodeView {
  ip: string;
}

interface HistoryEntry {
  id: string;
  operation: string;
  job_id: string | null;
  rollback_of: string | null;
  rolled_back_by: string | null;
}

let a: TestServer;
let b: TestServer;
let browser: TestBrowser;
let page: Page;
let jobId: string;

beforeAll(async () => {
  [a, b] = (await startServers('A', 'B')) as [TestServer, TestServer];
  await a.request('POST', '/api/v1/nodes', {
    hostname: NEW_NODE,
    ip: '10.50.0.9',
    username: 'ops',
  });
  await a.request('POST', '/api/v1/nodes', { hostname: SHARED_NODE, ip: IP_ON_A, username: 'ops' });
  await b.request('POST', '/api/v1/nodes', { hostname: SHARED_NODE, ip: IP_ON_B, username: 'ops' });
  jobId = await pushNodes(a, b, [NEW_NODE, SHARED_NODE]);
  // Changed again on B after the push: the rollback must not overwrite it unasked.
  await b.request('PUT', `/api/v1/nodes/${SHARED_NODE}`, {
    hostname: SHARED_NODE,
    ip: IP_CHANGED_ON_B,
    username: 'ops',
  });
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await stopServers(a, b);
});

explainFailures('history', () => ({ browser, servers: [a, b] }));

function itemRow(key: string): Locator {
  return page.getByRole('row').filter({ has: page.getByText(key, { exact: true }) });
}

async function historyOfJob(): Promise<HistoryEntry[]> {
  const history = (await b.request('GET', `/api/v1/sync/history?job=${jobId}`)) as {
    items: HistoryEntry[];
  };
  return history.items;
}

describe('history and rollback journey', () => {
  it('lists the push on B’s History page', async () => {
    await logIn(page, b.url);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'History' })
      .click();
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: `Push from ${a.name}` });
    await row.waitFor();
    expect(await row.textContent()).toContain('2 items: applied 2 nodes; deleted nothing');
    expect(await row.textContent()).toContain(`admin on ${a.name}`);
  });

  it('opens the entry: a node created, the other’s IP changed', async () => {
    await page.getByRole('link', { name: `Push from ${a.name}` }).click();
    await page.getByRole('heading', { name: `Push from ${a.name}`, level: 1 }).waitFor();
    expect(await page.getByTestId('entry-facts').textContent()).toContain(`${jobId} on ${a.name}`);
    expect(await itemRow(NEW_NODE).textContent()).toContain('created');
    expect(await itemRow(SHARED_NODE).textContent()).toContain(`ip: ${IP_ON_B} → ${IP_ON_A}`);
    await itemRow(NEW_NODE)
      .getByText(/fields \(none before\)/)
      .click();
    await itemRow(NEW_NODE).getByText('ip: (none) → 10.50.0.9').waitFor();
  });

  it('previews the rollback, listing the node changed since', async () => {
    await page.getByRole('button', { name: 'Roll back…' }).click();
    const preview = page.getByRole('region', { name: 'Preview (dry run)' });
    await preview.waitFor();
    expect(await preview.getByTestId('rollback-preview-sentence').textContent()).toBe(
      // The node changed since is left out until it is decided.
      'Rolling back would delete 1 node on this server.',
    );
    const conflicts = preview.getByTestId('rollback-conflicts');
    expect(await conflicts.textContent()).toContain('1 item was changed again since this entry');
    const shared = conflicts.getByRole('group', { name: `What to do with node ${SHARED_NODE}` });
    expect(await shared.textContent()).toContain('changed since');
    expect(await page.getByRole('button', { name: 'Roll back', exact: true }).isDisabled()).toBe(
      true,
    );
    await shared.getByRole('radio', { name: 'Keep as it is now' }).check();
    await browser.screenshot('history-entry');
    // Nothing changed yet.
    expect(await nodeOn(b, NEW_NODE)).not.toBeNull();
  });

  it('rolls back after the confirmation, keeping the node changed since', async () => {
    await page.getByRole('button', { name: 'Roll back', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Roll back this push from ${a.name}?` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      'Of the 1 items changed again since: 1 stay as they are now, 0 are overwritten',
    );
    await dialog.getByRole('button', { name: 'Roll back' }).click();

    await page.getByRole('heading', { name: 'Rolled back', level: 2 }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Rolled back:' }).textContent()).toBe(
      'Rolled back: deleted 1 node and kept 1 node unchanged.',
    );
    await page.getByTestId('entry-facts').getByText('Rolled back by').waitFor();
    await browser.screenshot('history-rolled-back');
  });

  it('leaves B without the node the push created, and the entry rolled back', async () => {
    expect(await nodeOn(b, NEW_NODE)).toBeNull();
    expect((await nodeOn<NodeView>(b, SHARED_NODE))?.ip).toBe(IP_CHANGED_ON_B);
    // A keeps its own: a rollback changes this server alone.
    expect(await nodeOn(a, NEW_NODE)).not.toBeNull();

    const [entry] = await historyOfJob();
    expect(entry?.operation).toBe('push');
    expect(entry?.rolled_back_by).toBeTruthy();
    const rollback = (await b.request('GET', `/api/v1/sync/history/${entry?.rolled_back_by}`)) as {
      entry: HistoryEntry;
    };
    expect(rollback.entry).toMatchObject({ operation: 'rollback', rollback_of: entry?.id });
  });

  it('opens the rollback’s own entry, which links back', async () => {
    await page.getByRole('link', { name: 'Open the rollback’s entry' }).click();
    await page.getByRole('heading', { name: 'Rollback', level: 1 }).waitFor();
    expect(await itemRow(NEW_NODE).textContent()).toContain('deleted');
    await page.getByTestId('entry-facts').getByText('Rollback of').waitFor();
    await page.getByRole('button', { name: 'Roll back…' }).waitFor();

    // The job's entries, as the jobs page links them.
    await page.goto(`${b.url}/history?job=${jobId}`);
    await page.getByTestId('job-filter').waitFor();
    const rows = page.getByRole('row').filter({ hasText: `Push from ${a.name}` });
    await rows.waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.textContent()).toContain('Rolled back by');
    await page.getByRole('button', { name: 'Show every job' }).click();
    await page.getByRole('row').filter({ hasText: 'Rollback of' }).waitFor();
    await browser.screenshot('history-list');
  });

  it('fits a narrow window, the entry’s items as cards', async () => {
    await page.setViewportSize({ width: 380, height: 800 });
    try {
      await page.getByRole('link', { name: `Push from ${a.name}` }).click();
      await page.getByRole('heading', { name: 'What it changed' }).waitFor();
      await itemRow(NEW_NODE)
        .getByText(/fields \(none before\)/)
        .click();
      const overflows = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(overflows).toBe(false);
      await browser.screenshot('history-narrow');
    } finally {
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  it('shows the push on A’s Jobs page, with its result', async () => {
    const other = await browser.context.newPage();
    try {
      await logIn(other, a.url);
      await other
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Jobs' })
        .click();
      const row = other.getByRole('row').filter({ hasText: jobId.slice(0, 8) });
      await row.getByText('completed').waitFor();
      await row.getByText(b.name).waitFor();
      expect(await row.textContent()).toContain('apply 2 nodes; delete nothing');
      await browser.screenshot('jobs', other);
      expect(await other.getByTestId('jobs-total').textContent()).toBe('1 job');
      // The filters ask A: no pull among its jobs; the push is among the completed ones to B.
      const filters = other.getByRole('search', { name: 'Filter the jobs' });
      await filters.getByLabel('Direction').selectOption('pull');
      await other.getByText('No job matches these filters.').waitFor();
      await filters.getByLabel('Direction').selectOption('push');
      await filters.getByLabel('Status').selectOption('completed');
      await filters.getByLabel('Remote').fill(b.name);
      await other.waitForURL(/remote=/);
      await other.getByTestId('jobs-total').getByText('1 job matches these filters').waitFor();
      await row.getByText(b.name).waitFor();
      await row.getByRole('link', { name: `Open job ${jobId.slice(0, 8)}` }).click();
      const panel = other.getByRole('region', { name: `Sync to ${b.name}` });
      await panel.getByText(`Verified: every item sent now matches on ${b.name}.`).waitFor();
      expect(
        await other.getByRole('list', { name: 'History of this job' }).textContent(),
      ).toContain(`recorded in the history of ${b.name}`);
      // The progress bar eases to its end (0.2 s): shoot it there.
      await other.waitForTimeout(400);
      await browser.screenshot('jobs-job', other);
    } finally {
      await other.close();
    }
  });
});
