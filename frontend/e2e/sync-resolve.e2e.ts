// Conflicts field by field between two real servers. After a first sync, both
// change the same fields of one node differently (and one side another field):
// on A, open its conflict view, take one field from the remote and type the
// other, apply, and find the same node on both. A second node, changed on
// each side in different fields, merges in a sync both ways.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { explainFailures } from './support/failures';
import { nodeOn, pushNodes } from './support/jobs';
import { logIn } from './support/login';
import { startServers, stopServers, type TestServer } from './support/servers';
import { comparisonRow } from './support/sync-page';

const CONFLICT = 'e2e-resolve-conflict';
const MERGED = 'e2e-resolve-merged';

interface NodeView {
  ip: string;
  username: string;
  ssh_port: number;
  hardware: Record<string, unknown>;
  content_hash: string;
}

interface JobView {
  started_by: string | null;
  resolutions: unknown[];
}

let a: TestServer;
let b: TestServer;
let browser: TestBrowser;
let page: Page;

function putNode(server: TestServer, node: Record<string, unknown>) {
  return server.request('PUT', `/api/v1/nodes/${String(node.hostname)}`, node);
}

const conflictBase = {
  hostname: CONFLICT,
  ip: '10.40.0.1',
  username: 'ops',
  hardware: { cpu: 4, memory_gb: 16 },
};
const mergedBase = { hostname: MERGED, ip: '10.40.0.2', username: 'ops', ssh_port: 22 };

beforeAll(async () => {
  [a, b] = (await startServers('A', 'B')) as [TestServer, TestServer];
  await a.request('POST', '/api/v1/nodes', conflictBase);
  await a.request('POST', '/api/v1/nodes', mergedBase);
  await pushNodes(a, b, [CONFLICT, MERGED]);
  // ip and hardware.cpu change on both, differently; username on B only.
  await putNode(a, { ...conflictBase, ip: '10.40.1.1', hardware: { cpu: 8, memory_gb: 16 } });
  await putNode(b, {
    ...conflictBase,
    ip: '10.40.2.1',
    username: 'admin',
    hardware: { cpu: 16, memory_gb: 16 },
  });
  // Different fields on each side: a merge.
  await putNode(a, { ...mergedBase, ip: '10.40.1.2' });
  await putNode(b, { ...mergedBase, ssh_port: 2222 });
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await stopServers(a, b);
});

explainFailures('sync-resolve', () => ({ browser, servers: [a, b] }));

/** A fresh comparison with the same remote, once the old one (and its job) is gone. */
async function compareAgain() {
  const panel = page.getByRole('region', { name: `Sync both ways with ${b.name}` });
  await page.getByRole('button', { name: 'Compare again' }).click();
  await panel.waitFor({ state: 'detached' });
  await page.getByTestId('remote-server').waitFor();
}

async function bothHave(hostname: string): Promise<[NodeView, NodeView]> {
  const onA = await nodeOn<NodeView>(a, hostname);
  const onB = await nodeOn<NodeView>(b, hostname);
  if (!onA || !onB) throw new Error(`${hostname} is missing on a server`);
  // Equal content on both, to the hash.
  expect(onA.content_hash).toBe(onB.content_hash);
  return [onA, onB];
}

describe('resolving a conflict field by field', () => {
  it('shows the conflict and the merged item, each field with its base and sides', async () => {
    await logIn(page, a.url);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sync' })
      .click();
    await page.getByRole('textbox', { name: 'Remote server URL' }).fill(b.url);
    await page.getByRole('button', { name: 'Connect & Compare' }).click();
    await page.getByTestId('remote-server').waitFor();
    expect(await comparisonRow(page, CONFLICT).textContent()).toContain('conflict');
    expect(await comparisonRow(page, MERGED).textContent()).toContain('merged');

    await page.getByRole('radio', { name: `Both ways with ${b.name}` }).check();
    expect(await comparisonRow(page, MERGED).textContent()).toContain('⇄ both sides');
    await page.getByRole('button', { name: `2 changes of ${MERGED}` }).click();
    const fields = page.getByRole('table', { name: `Field changes of ${MERGED}` });
    expect(await fields.textContent()).toContain('2222');
    await browser.screenshot('sync-merged-comparison');
  });

  it('takes one field from the remote and an edited value for the other, on both servers', async () => {
    await page.getByRole('button', { name: `Resolve the conflict of ${CONFLICT}` }).click();
    const dialog = page.getByRole('dialog', { name: `Resolve the conflict of node ${CONFLICT}` });
    await dialog.waitFor();
    const apply = dialog.getByRole('button', { name: 'Apply to both servers' });
    expect(await apply.isDisabled()).toBe(true);
    expect(await dialog.textContent()).toContain(
      `The merge takes the change on ${b.name} (remote): admin`,
    );

    await dialog
      .getByRole('group', { name: 'Keep for ip' })
      .getByRole('radio', { name: `Remote (${b.name})` })
      .check();
    expect(await apply.isDisabled()).toBe(true);
    const cpu = dialog.getByRole('group', { name: 'Keep for hardware.cpu' });
    await cpu.getByRole('radio', { name: 'Edit' }).check();
    await cpu.getByRole('textbox', { name: 'Your value of hardware.cpu' }).fill('12');
    await dialog.getByText('All 2 conflicting fields decided.').waitFor();
    await browser.screenshot('conflict-view');
    await apply.click();

    const panel = page.getByRole('region', { name: `Sync both ways with ${b.name}` });
    await panel.getByText('Verified: every item moved now matches on both servers.').waitFor();
    for (const node of await bothHave(CONFLICT)) {
      expect(node.ip).toBe('10.40.2.1');
      expect(node.username).toBe('admin');
      expect(node.hardware).toEqual({ cpu: 12, memory_gb: 16 });
    }
    // The job remembers who decided what.
    const [latest] = (await a.request('GET', '/api/v1/sync/jobs')) as JobView[];
    expect(latest?.started_by).toBe('admin');
    expect(latest?.resolutions).toEqual([
      { kind: 'nodes', key: CONFLICT, fields: { ip: 'remote' }, values: { 'hardware.cpu': 12 } },
    ]);
  });

  it('shows the resolved item as identical, then merges the other both ways', async () => {
    await compareAgain();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('all');
    expect(await comparisonRow(page, CONFLICT).textContent()).toContain('identical');

    await page.getByRole('radio', { name: `Both ways with ${b.name}` }).check();
    await page.getByRole('checkbox', { name: `Select ${MERGED}` }).check();
    await page.getByRole('button', { name: 'Start Sync' }).click();
    const dialog = page.getByRole('dialog', { name: `Sync 1 item both ways with ${b.name}?` });
    expect(await dialog.textContent()).toContain('1 merged');
    await dialog.getByRole('button', { name: 'Start Sync' }).click();
    const panel = page.getByRole('region', { name: `Sync both ways with ${b.name}` });
    await panel.getByText('Verified: every item moved now matches on both servers.').waitFor();
    for (const node of await bothHave(MERGED)) {
      expect(node.ip).toBe('10.40.1.2');
      expect(node.ssh_port).toBe(2222);
    }
    await compareAgain();
    await page.getByText('No differences: both servers have the same inventory.').waitFor();
  });
});
