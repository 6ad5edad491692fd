// Clients generated from ../openapi.yaml, driven against two real servers as
// their authors would use them: the SPA's openapi-fetch client typed by
// src/api/generated/schema.d.ts (openapi-typescript's defaults), and a
// typescript-fetch client from openapi-generator's defaults
// (build/typescript-fetch, see scripts/generate-fetch-client.mjs). They log
// in, create nodes on A, open a session with B, push everything and follow
// the job's event stream to its end. Where the contract types a field badly,
// this file fails to compile (`npm run typecheck`), not only to run.
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fetchClient from '../build/typescript-fetch';
import type { components, paths } from '../src/api/generated/schema';
import { readSse, type SseEvent } from '../src/lib/sse';
import { explainFailures } from './support/failures';
import {
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  startServers,
  stopServers,
  type TestServer,
} from './support/servers';

type Schemas = components['schemas'];

const FETCH_CLIENT_NODE = 'generated-fetch-client-node';
const IMPORTED_NODE = 'generated-imported-node';
const IMPORTED_CLUSTER = 'generated-imported-cluster';
const OPENAPI_FETCH_NODE = 'generated-openapi-fetch-node';

let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  [a, b] = (await startServers('A', 'B')) as [TestServer, TestServer];
});

afterAll(async () => {
  await stopServers(a, b);
});

explainFailures('generated-clients', () => ({ servers: [a, b] }));

/** The SPA's kind of client for `server`, logged in as the operator. */
async function openapiFetchClient(server: TestServer) {
  const anonymous = createClient<paths>({ baseUrl: server.url });
  const login = await anonymous.POST('/api/v1/auth/login', {
    body: { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
  });
  expect(login.response.status).toBe(200);
  const token = login.data?.token;
  expect(token).toEqual(expect.any(String));
  return createClient<paths>({
    baseUrl: server.url,
    headers: { Authorization: `Bearer ${token}` },
  });
}

/** typescript-fetch's configuration for `server`, logged in as the operator. */
async function fetchClientConfiguration(server: TestServer) {
  const anonymous = new fetchClient.Configuration({ basePath: server.url });
  const login = await new fetchClient.AuthApi(anonymous).login({
    loginRequest: { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
  });
  expect(login.token).toEqual(expect.any(String));
  expect(login.expiresIn).toBeGreaterThan(0);
  return new fetchClient.Configuration({ basePath: server.url, accessToken: login.token });
}

/** Every event of the stream until the server closes it. */
async function readAll(body: ReadableStream<Uint8Array>): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  await readSse(body, (event) => events.push(event));
  return events;
}

describe('clients generated from openapi.yaml', () => {
  it('typescript-fetch: logs in and creates a node on A', async () => {
    const nodesOnA = new fetchClient.NodesApi(await fetchClientConfiguration(a));
    const created = await nodesOnA.createNode({
      node: {
        hostname: FETCH_CLIENT_NODE,
        ip: '10.30.0.1',
        username: 'ubuntu',
        microk8sStatus: 'installed',
      },
    });
    expect(created).toMatchObject({
      hostname: FETCH_CLIENT_NODE,
      ip: '10.30.0.1',
      username: 'ubuntu',
      microk8sStatus: 'installed',
      sshPort: 22,
    });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.contentHash).toEqual(expect.any(String));

    // A 404 is a ResponseError carrying the RFC 9457 body.
    const missing = await nodesOnA
      .getNode({ key: 'no-such-node' })
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(fetchClient.ResponseError);
    const problem = (await (missing as fetchClient.ResponseError).response.json()) as unknown;
    expect(fetchClient.ProblemFromJSON(problem)).toMatchObject({ status: 404 });
  });

  it('openapi-fetch: logs in, creates a node, pushes everything to B and reads the job to its end', async () => {
    const api = await openapiFetchClient(a);

    const node = await api.POST('/api/v1/nodes', {
      body: { hostname: OPENAPI_FETCH_NODE, ip: '10.30.0.2', username: 'ops' },
    });
    expect(node.response.status).toBe(201);
    expect(node.data).toMatchObject({ hostname: OPENAPI_FETCH_NODE, microk8s_status: 'unknown' });

    const session = await api.POST('/api/v1/sync/sessions', { body: { remote_url: b.url } });
    expect(session.response.status).toBe(201);
    const sessionId = session.data?.session_id ?? '';
    expect(session.data?.remote?.name).toBe(b.name);
    const missingOnRemote = session.data?.comparison?.nodes?.missing_on_remote ?? [];
    expect(missingOnRemote.map((entry) => entry.key).sort()).toEqual(
      [FETCH_CLIENT_NODE, OPENAPI_FETCH_NODE].sort(),
    );
    expect(session.data?.comparison?.summary).toMatchObject({ missing_on_remote: 2, total: 2 });

    const started = await api.POST('/api/v1/sync/jobs', {
      body: { session_id: sessionId, selection: 'all' },
    });
    expect(started.response.status).toBe(202);
    const jobId = started.data?.job_id ?? '';
    expect(started.data?.events_url).toContain(jobId);

    const stream = await api.GET('/api/v1/sync/jobs/{id}/events', {
      params: { path: { id: jobId } },
      headers: { Accept: 'text/event-stream' },
      parseAs: 'stream',
    });
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readAll(stream.data!);

    // Each event's data says its type, the SSE event name: the union narrows on it.
    const decoded = events.map((event) => JSON.parse(event.data) as Schemas['JobEvent']);
    expect(decoded.map((event) => event.type)).toEqual(events.map((event) => event.event));
    const last = decoded.at(-1);
    expect(last?.type).toBe('completed');
    const phases = decoded.flatMap((event) => (event.type === 'phase' ? [event.phase] : []));
    expect(phases).toContain('verifying');
    const items = decoded.flatMap((event) =>
      event.type === 'item' ? [[event.kind, event.key, event.status]] : [],
    );
    expect(items.sort()).toEqual(
      [
        ['nodes', FETCH_CLIENT_NODE, 'sent'],
        ['nodes', OPENAPI_FETCH_NODE, 'sent'],
      ].sort(),
    );
    expect(last?.type === 'completed' ? last : null).toMatchObject({
      dry_run: false,
      verified: true,
      applied: { nodes: 2, clusters: 0, ssh_keys: 0, configurations: 0 },
      deleted: { nodes: 0 },
      mismatches: [],
    });

    const job = await api.GET('/api/v1/sync/jobs/{id}', { params: { path: { id: jobId } } });
    expect(job.data).toMatchObject({ job_id: jobId, status: 'completed', dry_run: false });
  });

  it('typescript-fetch: finds both nodes on B', async () => {
    const nodesOnB = new fetchClient.NodesApi(await fetchClientConfiguration(b));
    const page = await nodesOnB.listNodes({ search: 'generated-' });
    expect(page.items?.map((node) => node.hostname).sort()).toEqual(
      [FETCH_CLIENT_NODE, OPENAPI_FETCH_NODE].sort(),
    );
    expect(await nodesOnB.getNode({ key: FETCH_CLIENT_NODE })).toMatchObject({ ip: '10.30.0.1' });
  });

  it('typescript-fetch: imports items on A, pushes "all" to B and follows the job', async () => {
    const configuration = await fetchClientConfiguration(a);
    const imported = await new fetchClient.InventoryApi(configuration).importInventory({
      importItem: [
        { type: 'node', hostname: IMPORTED_NODE, ip: '10.30.0.3', username: 'ubuntu' },
        {
          type: 'cluster',
          name: IMPORTED_CLUSTER,
          nodes: [{ hostname: IMPORTED_NODE, role: 'control-plane' }],
        },
      ],
    });
    expect(imported.written).toMatchObject({ nodes: 1, clusters: 1 });

    const sync = new fetchClient.SyncApi(configuration);
    const session = await sync.createSyncSession({ createSessionRequest: { remoteUrl: b.url } });
    expect(session.comparison.clusters.missingOnRemote.map((entry) => entry.key)).toEqual([
      IMPORTED_CLUSTER,
    ]);
    const started = await sync.startSyncJob({
      startJobRequest: { sessionId: session.sessionId, selection: 'all' },
    });

    const stream = await sync.streamSyncJobEventsRaw({ id: started.jobId });
    const events = (await readAll(stream.raw.body!)).map((event) =>
      fetchClient.JobEventFromJSON(JSON.parse(event.data)),
    );
    const sent = events.flatMap((event) =>
      event.type === 'item' ? [`${event.kind}:${event.key}`] : [],
    );
    expect(sent.sort()).toEqual([`clusters:${IMPORTED_CLUSTER}`, `nodes:${IMPORTED_NODE}`]);
    const completed = events.at(-1);
    expect(completed?.type).toBe('completed');
    if (completed?.type !== 'completed') return;
    expect(completed.verified).toBe(true);
    expect(completed.applied).toMatchObject({ nodes: 1, clusters: 1 });

    const onB = await new fetchClient.ClustersApi(await fetchClientConfiguration(b)).getCluster({
      key: IMPORTED_CLUSTER,
    });
    expect(onB.nodes.map((member) => member.hostname)).toEqual([IMPORTED_NODE]);
  });
});
