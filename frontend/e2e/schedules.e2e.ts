// A sync schedule between two real servers that share a SYNC_PASSWORD: on A's
// Peers page B is registered; on the Schedules page a schedule every few
// seconds (a seconds-field cron) is created from the form, its next five runs
// shown 3 seconds apart; the Jobs page then shows its first run, started by
// schedule:NAME, completed, and B has A's node. Paused again, its row says so.
// Then both servers change that node, the schedule is set to apply only when
// conflict-free and run now: its job reads "Needs attention" and B keeps its own.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { explainFailures } from './support/failures';
import { nodeOn } from './support/jobs';
import { logIn } from './support/login';
import { startServers, stopServers, type TestServer } from './support/servers';

const PEER = 'e2e-schedule-peer-b';
const SCHEDULE = 'e2e-every-3s';
const CRON = '*/3 * * * * *';
const NODE_ON_A = 'e2e-scheduled-node';
const NODE = { hostname: NODE_ON_A, ip: '10.31.0.1', username: 'ops' };
/** How long the first run may take to show: due within 3 s, then polled every second. */
const FIRST_RUN_WITHIN_MS = 45_000;

let a: TestServer;
let b: TestServer;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  [a, b] = (await startServers('A', 'B')) as [TestServer, TestServer];
  await a.request('POST', '/api/v1/nodes', NODE);
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await stopServers(a, b);
});

explainFailures('schedules', () => ({ browser, servers: [a, b] }));

async function openFromNav(name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

function scheduleRow() {
  return page.locator(`tr[data-schedule="${SCHEDULE}"]`);
}

describe('scheduled sync journey', () => {
  it('registers B as a peer on A', async () => {
    await logIn(page, a.url);
    await openFromNav('Peers');
    await page.getByRole('button', { name: 'Add peer' }).click();
    const form = page.getByRole('form', { name: 'Add a peer' });
    await form.getByRole('textbox', { name: 'Name' }).fill(PEER);
    await form.getByRole('textbox', { name: 'URL' }).fill(b.url);
    await form.getByRole('button', { name: 'Add peer' }).click();
    await page.locator(`tr[data-peer="${PEER}"]`).waitFor();
  });

  it('creates a schedule every 3 seconds from the form and shows its next five runs', async () => {
    await openFromNav('Schedules');
    await page.getByText('No schedule yet').waitFor();
    await page.getByRole('button', { name: 'New schedule' }).click();
    const form = page.getByRole('form', { name: 'New schedule' });
    await form.getByRole('textbox', { name: 'Name' }).fill(SCHEDULE);
    await form.getByRole('textbox', { name: 'Cron' }).fill(CRON);
    await form.getByRole('checkbox', { name: PEER }).check();
    await form.getByRole('button', { name: 'Create schedule' }).click();

    const saved = page.getByTestId('schedule-saved');
    await saved.waitFor();
    expect(await saved.textContent()).toContain(`Schedule ${SCHEDULE} created.`);
    const runs = await saved
      .getByRole('list', { name: 'Its next runs:' })
      .locator('time')
      .evaluateAll((times) => times.map((time) => Date.parse(time.getAttribute('datetime') ?? '')));
    expect(runs).toHaveLength(5);
    expect(runs.slice(1).map((at, index) => at - runs[index])).toEqual([3000, 3000, 3000, 3000]);

    const row = scheduleRow();
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(CRON);
    expect(text).toContain(PEER);
    expect(text).toContain('everything');
    expect(text).toContain('active');
    await browser.screenshot('schedules');
  });

  it("shows the schedule's first run on the Jobs page", async () => {
    await openFromNav('Jobs');
    // The Jobs page reads the list again only while a job on it runs: reload
    // until the schedule's first job is there.
    const jobs = page.locator('tr', { hasText: `schedule:${SCHEDULE}` });
    const deadline = Date.now() + FIRST_RUN_WITHIN_MS;
    while ((await jobs.count()) === 0) {
      if (Date.now() > deadline)
        throw new Error(`no job of schedule ${SCHEDULE} after ${FIRST_RUN_WITHIN_MS} ms`);
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    }
    // Newest first, and the schedule goes on running: the first run is the last row of its jobs.
    const id = await jobs
      .last()
      .getByRole('link', { name: /^Open job / })
      .getAttribute('title');
    expect(id).toBeTruthy();
    const job = page.locator('tr', {
      has: page.getByRole('link', { name: `Open job ${id?.slice(0, 8)}` }),
    });
    await job.locator('.job-status[data-status="completed"]').waitFor({ timeout: 30_000 });
    expect(await job.textContent()).toContain(b.name);
    await browser.screenshot('schedules-jobs');
    expect(await nodeOn(b, NODE_ON_A)).toMatchObject({ hostname: NODE_ON_A });
  });

  it('links the last run on the Schedules page and pauses the schedule', async () => {
    await openFromNav('Schedules');
    const row = scheduleRow();
    await row
      .getByRole('link', { name: /^Open job / })
      .first()
      .waitFor();
    await row.getByRole('button', { name: `Pause ${SCHEDULE}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Schedule ${SCHEDULE} paused` })
      .waitFor();
    await row.getByText('paused', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('none while paused');
    const stored = (await a.request('GET', `/api/v1/sync/schedules/${SCHEDULE}`)) as {
      paused: boolean;
      last_job_ids: string[];
    };
    expect(stored.paused).toBe(true);
    expect(stored.last_job_ids).toHaveLength(1);
  });

  it('labels a run held back by a conflict "Needs attention" in the list and on its page', async () => {
    await noJobRunning(a);
    // Both sides change the node the schedule synced: a conflict at the next compare.
    await a.request('PUT', `/api/v1/nodes/${NODE_ON_A}`, { ...NODE, ip: '10.31.0.2' });
    await b.request('PUT', `/api/v1/nodes/${NODE_ON_A}`, { ...NODE, ip: '10.31.0.3' });

    const row = scheduleRow();
    await row.getByRole('button', { name: `Edit ${SCHEDULE}` }).click();
    const form = page.getByRole('form', { name: `Edit schedule ${SCHEDULE}` });
    await form.getByRole('combobox', { name: 'Apply' }).selectOption('only_if_conflict_free');
    await form.getByRole('button', { name: 'Save schedule' }).click();
    await page.getByTestId('schedule-saved').waitFor();
    expect(await row.textContent()).toContain('Only if conflict-free');

    // Paused, it still runs when asked.
    await row.getByRole('button', { name: `Run ${SCHEDULE} now` }).click();
    const ran = page.getByRole('status').filter({ hasText: `Schedule ${SCHEDULE} ran now` });
    await ran.waitFor();
    const held = row.locator('.job-status[data-status="needs-attention"]');
    await held.waitFor();
    expect(await held.textContent()).toContain('Needs attention');
    await browser.screenshot('schedules-needs-attention');

    await openFromNav('Jobs');
    const newest = page.locator('tbody tr').first();
    await newest.locator('.job-status[data-status="needs-attention"]').waitFor();
    expect(await newest.textContent()).toContain(`schedule:${SCHEDULE}`);
    expect(await newest.textContent()).not.toContain('failed');
    await newest.getByRole('link', { name: /^Open job / }).click();
    const facts = page.getByTestId('job-facts');
    await facts.getByText('Why it needs attention').waitFor();
    expect(await facts.textContent()).toContain('Needs attention');
    expect(await facts.textContent()).toContain('nothing was applied');
    expect(await nodeOn(b, NODE_ON_A)).toMatchObject({ ip: '10.31.0.3' });
  });
});

/** Waits until A runs no job (the schedule's last run may still go), at most 30 s. */
async function noJobRunning(server: TestServer) {
  for (let i = 0; i < 60; i++) {
    const running = (await server.request('GET', '/api/v1/sync/jobs?status=running')) as unknown[];
    if (running.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('a job still runs');
}
