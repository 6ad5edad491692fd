// Constraint conflicts between two real servers. A node on A and another on B
// with the same IP: the comparison warns of it on both servers, and a push of
// A's node is refused with the conflict, nothing moved. A cluster on A whose
// node B lacks: pushed alone it is refused with the fix "also select" the
// node; one click adds it, and the sync puts both on B.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { explainFailures } from './support/failures';
import { nodeOn } from './support/jobs';
import { logIn } from './support/login';
import { startServers, stopServers, type TestServer } from './support/servers';

const IP_HERE = 'e2e-ip-here';
const IP_THERE = 'e2e-ip-there';
const SHARED_IP = '10.70.0.7';
const CLUSTER = 'e2e-constraint-cluster';
const MEMBER = 'e2e-constraint-member';

interface ClusterView {
  name: string;
  nodes: { hostname: string }[];
}

let a: TestServer;
let b: TestServer;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  [a, b] = (await startServers('A', 'B')) as [TestServer, TestServer];
  await a.request('POST', '/api/v1/nodes', { hostname: IP_HERE, ip: SHARED_IP, username: 'ops' });
  await b.request('POST', '/api/v1/nodes', { hostname: IP_THERE, ip: SHARED_IP, username: 'ops' });
  await a.request('POST', '/api/v1/nodes', { hostname: MEMBER, ip: '10.70.1.1', username: 'ops' });
  await a.request('POST', '/api/v1/clusters', { name: CLUSTER, nodes: [{ hostname: MEMBER }] });
  browser = await launchBrowser();
  page = browser.page;
});

afterAll(async () => {
  await browser?.close();
  await stopServers(a, b);
});

explainFailures('sync-constraints', () => ({ browser, servers: [a, b] }));

function jobPanel(): Locator {
  return page.getByRole('region', { name: `Sync to ${b.name}` });
}

/** Start Sync, and yes in the question that follows. */
async function startSync() {
  await page.getByRole('button', { name: 'Start Sync' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start Sync' }).click();
}

async function clusterOnB(): Promise<ClusterView | null> {
  try {
    return (await b.request('GET', `/api/v1/clusters/${CLUSTER}`)) as ClusterView;
  } catch (error) {
    if (String(error).includes('answered 404')) return null;
    throw error;
  }
}

describe('constraint conflicts', () => {
  it('warns of a duplicate IP at compare time, and a job that would make it is refused', async () => {
    await logIn(page, a.url);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sync' })
      .click();
    await page.getByRole('textbox', { name: 'Remote server URL' }).fill(b.url);
    await page.getByRole('button', { name: 'Connect & Compare' }).click();
    await page.getByTestId('remote-server').waitFor();

    const warning = page.getByRole('region', { name: /inventory rules? a sync would break/ });
    await warning.waitFor();
    const text = await warning.textContent();
    // Each server would get the other's node, with the same address.
    expect(text).toContain(`on ${a.name} (this server)`);
    expect(text).toContain(`on ${b.name}`);
    expect(text).toContain(`nodes '${IP_THERE}' and '${IP_HERE}' would both have IP ${SHARED_IP}`);
    expect(text).toContain('Fix: change the IP of node');
    await browser.screenshot('sync-constraint-conflicts');
    // Its items link to their rows.
    await warning
      .getByRole('button', { name: `Show node ${IP_THERE} in the comparison` })
      .first()
      .click();
    expect(await page.getByRole('searchbox', { name: 'Search by name' }).inputValue()).toBe(
      IP_THERE,
    );
    await page.getByRole('searchbox', { name: 'Search by name' }).fill('');
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('all');

    await page.getByRole('checkbox', { name: `Select ${IP_HERE}` }).check();
    await startSync();
    const refused = jobPanel().getByRole('alert');
    await refused.getByText('The sync was refused').waitFor();
    const why = await refused.textContent();
    expect(why).toContain('Nothing was moved');
    expect(why).toContain(`Duplicate IP on ${b.name}`);
    expect(why).toContain(`nodes '${IP_HERE}' and '${IP_THERE}' would both have IP ${SHARED_IP}`);
    expect(why).toContain(`Fix: change the IP of node '${IP_HERE}' or '${IP_THERE}'`);
    expect(await nodeOn(b, IP_HERE)).toBeNull();
    await browser.screenshot('sync-constraint-refused');
  });

  it('refuses a cluster without its node, and syncs both once the fix is selected', async () => {
    // Nothing moved: the same comparison goes on.
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await page.getByRole('checkbox', { name: `Select ${CLUSTER}` }).check();
    // Selecting the cluster offers its node already.
    await page.getByRole('button', { name: `Also select its 1 node (of ${CLUSTER})` }).waitFor();
    await startSync();

    // The new job's panel replaces the first one's.
    const refused = jobPanel().getByRole('alert');
    await refused
      .getByText(
        `cluster '${CLUSTER}' would list node '${MEMBER}', which the remote would not have`,
      )
      .waitFor();
    expect(await refused.textContent()).toContain(`Fix: also select node '${MEMBER}'`);
    expect(await clusterOnB()).toBeNull();
    await browser.screenshot('sync-constraint-fix');
    await refused.getByRole('button', { name: `Also select ${MEMBER}` }).click();
    expect(await page.getByRole('checkbox', { name: `Select ${MEMBER}` }).isChecked()).toBe(true);
    await refused.getByText(`${MEMBER} selected`).waitFor();

    await startSync();
    await jobPanel().getByText(`Verified: every item sent now matches on ${b.name}.`).waitFor();
    const cluster = await clusterOnB();
    expect(cluster?.nodes.map((member) => member.hostname)).toEqual([MEMBER]);
    expect(await nodeOn(b, MEMBER)).not.toBeNull();
  });
});
