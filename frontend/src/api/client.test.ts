import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/session';
import { countedJson, json, problem, validationProblem } from '@/testing/fake-api';
import { call, callCounted, createApiClient } from './client';
import { ApiProblem } from './problem';

function clientAnswering(answer: () => Response | Promise<Response>) {
  const fetch = vi.fn<(request: Request) => Promise<Response>>(() => Promise.resolve(answer()));
  return { client: createApiClient({ baseUrl: 'http://api.test', fetch }), fetch };
}

async function failure(pending: Promise<unknown>): Promise<ApiProblem> {
  const error = await pending.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiProblem);
  return error as ApiProblem;
}

describe('API client', () => {
  beforeEach(() => session.start('token-1', 3600));

  it('sends the session token as a bearer token', async () => {
    const { client, fetch } = clientAnswering(() => json(200, { items: [], total: 0 }));
    await call(client.GET('/api/v1/nodes'));
    expect(fetch.mock.calls[0]?.[0].headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('sends no Authorization header without a session', async () => {
    session.end('logout');
    const { client, fetch } = clientAnswering(() => json(200, { items: [] }));
    await call(client.GET('/api/v1/nodes'));
    expect(fetch.mock.calls[0]?.[0].headers.has('Authorization')).toBe(false);
  });

  it('returns the typed body of a success', async () => {
    const { client } = clientAnswering(() => json(200, { server_name: 'lab-a' }));
    const info = await call(client.GET('/api/v1/sync/test'));
    expect(info.server_name).toBe('lab-a');
  });

  it('ends the session on a 401 from an operator endpoint', async () => {
    const { client } = clientAnswering(() =>
      problem(401, { code: 'unauthorized', detail: 'the bearer token is invalid or expired' }),
    );
    const error = await failure(call(client.GET('/api/v1/nodes')));
    expect(error.status).toBe(401);
    expect(session.token()).toBeNull();
    expect(session.lastEnd()).toBe('expired');
  });

  it('keeps the session on a 401 from the login itself', async () => {
    const { client } = clientAnswering(() =>
      problem(401, { code: 'bad-credentials', detail: 'wrong username or password' }),
    );
    const error = await failure(
      call(client.POST('/api/v1/auth/login', { body: { username: 'admin', password: 'x' } })),
    );
    expect(error.code).toBe('bad-credentials');
    expect(session.token()).toBe('token-1');
  });

  it('keeps the session on other failures', async () => {
    const { client } = clientAnswering(() => problem(403, { code: 'wrong-token', detail: 'no' }));
    await failure(call(client.GET('/api/v1/nodes')));
    expect(session.token()).toBe('token-1');
  });

  it('turns a problem body into an ApiProblem with its code, detail and field errors', async () => {
    const { client } = clientAnswering(() =>
      validationProblem([
        { field: 'ip', message: 'must be an IPv4 or IPv6 address' },
        { field: 'wol.mac', message: 'must be a MAC address such as aa:bb:cc:dd:ee:ff' },
      ]),
    );
    const error = await failure(
      call(client.POST('/api/v1/nodes', { body: { hostname: 'n', ip: 'x', username: 'u' } })),
    );
    expect(error).toMatchObject({ status: 400, code: 'validation', title: 'Invalid request' });
    expect(error.isValidation).toBe(true);
    expect(error.fieldErrors).toEqual([
      { field: 'ip', message: 'must be an IPv4 or IPv6 address' },
      { field: 'wol.mac', message: 'must be a MAC address such as aa:bb:cc:dd:ee:ff' },
    ]);
  });

  it('describes an error that is not a problem document by its status', async () => {
    const { client } = clientAnswering(
      () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const error = await failure(call(client.GET('/api/v1/nodes')));
    expect(error).toMatchObject({ status: 502, code: 'http-502', fieldErrors: [] });
    expect(error.detail).toBe('The server answered 502 Bad Gateway.');
  });

  it('reports a server that cannot be reached', async () => {
    const { client } = clientAnswering(() => Promise.reject(new TypeError('fetch failed')));
    const error = await failure(call(client.GET('/api/v1/nodes')));
    expect(error).toMatchObject({ status: 0, code: 'network' });
    expect(error.detail).toContain('fetch failed');
  });

  it('answers undefined for 204 No Content', async () => {
    const { client } = clientAnswering(() => new Response(null, { status: 204 }));
    await expect(
      call(client.DELETE('/api/v1/nodes/{key}', { params: { path: { key: 'node-01' } } })),
    ).resolves.toBeUndefined();
  });

  it('reads how many match from X-Total-Count, beside the page of items', async () => {
    const { client } = clientAnswering(() => countedJson([{ job_id: 'job-1' }], 45));
    const jobs = await callCounted(client.GET('/api/v1/sync/jobs'));
    expect(jobs).toEqual({ items: [{ job_id: 'job-1' }], total: 45 });
  });

  it('counts the items when the header is missing', async () => {
    const { client } = clientAnswering(() => json(200, [{ job_id: 'job-1' }]));
    expect((await callCounted(client.GET('/api/v1/sync/jobs'))).total).toBe(1);
  });

  it('throws the problem of a failed list like any call', async () => {
    const { client } = clientAnswering(() =>
      problem(400, { code: 'validation', detail: 'status: must be running, completed or failed' }),
    );
    const error = await failure(callCounted(client.GET('/api/v1/sync/jobs')));
    expect(error.code).toBe('validation');
  });
});
